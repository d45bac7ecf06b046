"""Workshop files: one workshop as a versioned JSON file, to move it between laptops.

See ``docs/workshop-file.md`` for the format and the merge rules.
"""

from leaderapp.core.transfer.exporter import export_workshop_file
from leaderapp.core.transfer.fileformat import (
    FILE_SUFFIX,
    FORMAT,
    MAX_FILE_BYTES,
    VERSION,
    WorkshopFileError,
    suggested_file_name,
)
from leaderapp.core.transfer.importer import ImportSummary, import_workshop_file

__all__ = [
    "FILE_SUFFIX",
    "FORMAT",
    "MAX_FILE_BYTES",
    "VERSION",
    "ImportSummary",
    "WorkshopFileError",
    "export_workshop_file",
    "import_workshop_file",
    "suggested_file_name",
]
