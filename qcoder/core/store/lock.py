"""One process at a time per project file.

A lock file beside the project (`NAME.qcoder.lock`) holds who has it open (host, process id,
since when). The holder keeps an OS lock on that file, so when the holder dies - even by
SIGKILL - the OS releases it and the next opener takes the stale lock over. Where the OS cannot
lock files, a holder on this host whose process is gone counts as stale too.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from ..errors import ProjectLockedError

if sys.platform != "win32":  # POSIX
    import fcntl


def lock_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".lock")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ProjectLock:
    """Holds the lock file of one project while the project is open."""

    def __init__(self, project_path: Path):
        self.path = lock_path(project_path)
        self.project_path = project_path
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if sys.platform != "win32":
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    raise ProjectLockedError(self._held_message(fd)) from None
            else:  # pragma: no cover - no OS file locks: judge by the recorded holder
                holder = self._read(fd)
                if holder and self._holder_alive(holder):
                    raise ProjectLockedError(self._held_message(fd))
            info = {
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "since": datetime.now().isoformat(timespec="seconds"),
            }
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps(info).encode("utf-8"))
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
        finally:
            os.close(self._fd)
            self._fd = None
        try:
            self.path.unlink()
        except OSError:
            pass

    @staticmethod
    def _read(fd: int) -> dict[str, object] | None:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        try:
            holder = json.loads(raw.decode("utf-8")) if raw else None
        except (ValueError, UnicodeDecodeError):
            return None
        return holder if isinstance(holder, dict) else None

    @staticmethod
    def _holder_alive(holder: dict[str, object]) -> bool:
        pid = holder.get("pid")
        if holder.get("host") != socket.gethostname() or not isinstance(pid, int):
            return True  # cannot tell for another host (or no process id): assume in use
        return _pid_alive(pid)

    def _held_message(self, fd: int) -> str:
        holder = self._read(fd) or {}
        who = (
            f"process {holder.get('pid', '?')} on host {holder.get('host', '?')} "
            f"since {holder.get('since', '?')}"
        )
        return (
            f"{self.project_path}: the project is open in another qcoder ({who}). "
            "Close it there first; if that program has crashed, the lock is released "
            "automatically when its process ends."
        )
