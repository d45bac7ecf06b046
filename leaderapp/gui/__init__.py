"""The PySide6 desktop interface: a thin layer over ``leaderapp.core.workspace.Workspace``.

No SQL and no export logic lives here; screens read records and call Workspace writes.
"""
