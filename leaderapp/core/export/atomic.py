"""All-or-nothing file output: a failed export never leaves half a file behind.

The file is written next to the target (same folder, so same file system) and
moved over it with ``os.replace`` only once it is complete. Until then an
earlier file at the target stays as it was.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from leaderapp.core.export import ExportError
from leaderapp.core.i18n import _

_NO_PERMISSION = {errno.EACCES, errno.EPERM, getattr(errno, "EROFS", -1)}
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1)}
# mkstemp creates 0600; a shared report should get the usual permissions.
_NEW_FILE_MODE = 0o644


def describe_os_error(exc: OSError, target: Path) -> str:
    """One translated sentence that names the file and says what went wrong."""
    path = str(target)
    if isinstance(exc, PermissionError) or exc.errno in _NO_PERMISSION:
        # Windows also refuses to replace a file that a PDF viewer has open.
        return _(
            "“{path}” could not be saved: you may not write there, "
            "or the file is open in another program."
        ).format(path=path)
    if exc.errno in _DISK_FULL:
        return _("There is not enough free disk space to save “{path}”.").format(path=path)
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return _("“{path}” is a folder; choose a file name instead.").format(path=path)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return _("The folder for “{path}” does not exist.").format(path=path)
    reason = exc.strerror or str(exc)
    return _("Could not save “{path}” ({reason}).").format(path=path, reason=reason)


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target``.

    OSErrors become ``ExportError``; whatever happens, the temporary file is gone
    afterwards.
    """
    target = Path(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ExportError(describe_os_error(exc, target), target) from exc
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        _flush_to_disk(temp)
        mode = target.stat().st_mode & 0o777 if target.is_file() else _NEW_FILE_MODE
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as exc:
        _remove(temp)
        raise ExportError(describe_os_error(exc, target), target) from exc
    except BaseException:
        _remove(temp)
        raise


def _flush_to_disk(path: Path) -> None:
    # Without this a crash right after the rename can leave an empty file.
    with path.open("rb") as fp:
        os.fsync(fp.fileno())


def _remove(path: Path) -> None:
    with suppress(OSError):
        path.unlink()
