"""Write outputs atomically: into a temporary file beside the target, then rename into place.

A build that is killed leaves the previous output intact and, at worst, a `.kitpress-*.tmp`
file or a `.kitpress-work-*` folder that the next build into the same folder removes.
Inside `committed_together()`, finished outputs wait as temporaries and are renamed into place
one after another at the end, so a build killed while writing its ZIP never leaves a new PDF
beside the old ZIP. Before the first rename every target is checked, and each previous output
is kept under a second name (a hard link: no disk space) until the last rename has succeeded;
a rename that fails puts every previous output back. Outputs get the permissions of any new
file (0o666 less the umask), not the 0o600 of a temporary.

A write that fails for the operating system's reasons (a full disk, a folder that cannot be
written) raises an `OSError` naming the output being written, not a temporary.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO, NoReturn

from .errors import BuildError

TEMP_PREFIX = ".kitpress-"
TEMP_SUFFIX = ".tmp"
WORK_PREFIX = ".kitpress-work-"

_pending: ContextVar[list[tuple[Path, Path]] | None] = ContextVar("kitpress_pending", default=None)
_umask_lock = threading.Lock()


@contextlib.contextmanager
def atomic_write(target: Path, durable: bool = True) -> Iterator[BinaryIO]:
    """A file written beside ``target`` and renamed into place. ``durable=False`` skips the
    flush to disk, for files a crash may lose: a build's work files, which the finished
    outputs are made from, and checked cache entries (a torn one is a miss)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise_naming(exc, target)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        place(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise_naming(exc, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def raise_naming(exc: OSError, target: Path) -> NoReturn:
    """Raise ``exc`` about ``target`` when it names no file or a temporary (a write to an open
    file names none; a temporary's name would mean nothing to the user); as it is otherwise."""
    unnamed = exc.filename is None or Path(exc.filename).name.startswith(TEMP_PREFIX)
    if exc.errno is None or not unnamed:
        raise exc
    raise OSError(exc.errno, exc.strerror, str(target)) from exc


@contextlib.contextmanager
def committed_together() -> Iterator[None]:
    """Outputs written inside appear together when it ends, or not at all on an error."""
    pending: list[tuple[Path, Path]] = []
    token = _pending.set(pending)
    try:
        yield
    except BaseException:
        for temp, _ in pending:
            temp.unlink(missing_ok=True)
        raise
    finally:
        _pending.reset(token)
    replace_together(pending)


def replace_together(pending: list[tuple[Path, Path]]) -> None:
    """Rename each temporary onto its target: all of them, or, if one fails, none (the
    previous outputs are put back and the temporaries removed)."""
    kept: list[tuple[Path, Path | None]] = []  # (target, its previous file under a second name)
    done = 0
    try:
        for _, target in pending:
            if target.is_dir() and not target.is_symlink():
                raise BuildError(f"cannot replace {target}: a folder has its name; move it away")
        for _, target in pending:
            kept.append((target, _keep(target)))
        for temp, target in pending:
            try:
                temp.replace(target)
            except OSError as exc:
                raise_naming(exc, target)
            done += 1
    except BaseException:
        for target, previous in reversed(kept[:done]):
            with contextlib.suppress(OSError):
                if previous is None:
                    target.unlink(missing_ok=True)
                else:
                    previous.replace(target)
        for temp, _ in pending:
            temp.unlink(missing_ok=True)
        raise
    finally:
        for _, previous in kept:
            if previous is not None:
                previous.unlink(missing_ok=True)


def _keep(target: Path) -> Path | None:
    """A second name for the previous ``target`` (None: there is none), to put it back."""
    if not target.exists():
        return None
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(fd)
    kept = Path(name)
    try:
        kept.unlink()
        os.link(target, kept)
    except OSError:  # a file system without hard links: a copy
        try:
            shutil.copy2(target, kept)
        except OSError as exc:
            kept.unlink(missing_ok=True)
            raise_naming(exc, target)
    return kept


@contextlib.contextmanager
def output_folder(
    folder: Path, wait: float = 0.0, waiting: Callable[[str], None] | None = None
) -> Iterator[Path]:
    """Create ``folder`` (and its parents) for a build and hold its `build_lock`; if the build
    fails, remove again the folders it created while they are empty (before another build
    may take the lock), so a failed build leaves nothing behind."""
    created = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        in_the_way = next((p for p in (folder, *folder.parents) if p.is_file()), None)
        why = f"{in_the_way} is a file, not a folder" if in_the_way else reason(exc)
        raise BuildError(f"cannot make the output folder {folder}: {why}") from None
    with build_lock(folder, wait, waiting):
        try:
            yield folder
        except BaseException:
            for made in created:  # deepest first
                with contextlib.suppress(OSError):
                    made.rmdir()
            raise


def describe(exc: OSError, folder: Path) -> str:
    """One line for what the operating system refused: 'no space left on device while
    writing output/x/x.zip'."""
    named = exc.filename is not None and not _temporary(Path(exc.filename), folder)
    where = exc.filename if named else f"in {folder}"
    return f"{reason(exc)} while writing {where}"


def _temporary(path: Path, folder: Path) -> bool:
    """Whether ``path`` is a temporary of kitpress's or a file in its work folder."""
    inside = path.relative_to(folder).parts if path.is_relative_to(folder) else (path.name,)
    return any(part.startswith(TEMP_PREFIX) for part in inside)


def reason(exc: OSError) -> str:
    """What the system refused, in words: 'no space left on device'."""
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]


@contextlib.contextmanager
def build_lock(folder: Path, wait: float, waiting: Callable[[str], None] | None) -> Iterator[None]:
    """Only one build at a time writes into ``folder``: a second one waits for the first, up
    to ``wait`` seconds (``waiting`` is told once), then gives up with a BuildError. The lock
    goes with the process: a build that is killed holds nothing."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        handle = _locked(folder)
        if handle is not None:
            break
        if time.monotonic() >= deadline:
            raise BuildError(
                f"another build is writing in {folder} (still busy after {wait:g} s); "
                "build again when it has finished"
            )
        if waiting is not None and not told:
            waiting(f"waiting for another build writing in {folder} (up to {wait:g} s)")
            told = True
        time.sleep(0.1)
    try:
        yield
    finally:
        os.close(handle)  # closing the folder releases the lock


def _locked(folder: Path) -> int | None:
    """The folder, opened and locked (an exclusive flock on the folder itself, so no lock
    file is left among the outputs); None while another build holds it."""
    folder.mkdir(parents=True, exist_ok=True)  # made again if a failed build removed it
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if os.path.samestat(os.fstat(handle), folder.stat()):
            return handle
    except (BlockingIOError, FileNotFoundError):
        pass
    except BaseException:
        os.close(handle)
        raise
    os.close(handle)  # held by another build, or removed while this one waited
    return None


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporaries and work folders left by a build that was killed. Call it holding
    `build_lock`: then every temporary there belongs to no live build."""
    if not folder.is_dir():
        return
    for stale in folder.glob(f"{TEMP_PREFIX}*"):
        if stale.name.startswith(WORK_PREFIX) and stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
        elif stale.name.endswith(TEMP_SUFFIX) and not stale.is_dir():
            stale.unlink(missing_ok=True)
    for inner in folder.iterdir():  # the web page's folders: site/, site/assets/, site/fr/…
        if inner.is_dir() and not inner.is_symlink() and not inner.name.startswith(TEMP_PREFIX):
            for stale in inner.rglob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
                if stale.is_file() and not stale.is_symlink():
                    stale.unlink(missing_ok=True)


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (threads write)."""
    with contextlib.suppress(OSError):
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
        found = re.search(r"^Umask:\s*([0-7]+)$", status, re.M)
        if found:
            return int(found.group(1), 8)
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def flush_to_disk(paths: list[Path]) -> None:
    """Make sure files written with ``durable=False`` are on disk before they are delivered:
    side by side, so the file system commits them together, not one journal write each."""

    def flush(path: Path) -> None:
        try:
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:
            raise_naming(exc, path)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(flush, paths))


def place(finished: Path, target: Path) -> None:
    """Put a file finished in the build's work folder (same file system) at ``target``: at
    once, or with the rest when inside `committed_together`."""
    try:
        finished.chmod(0o666 & ~current_umask())
        pending = _pending.get()
        if pending is None:
            finished.replace(target)
        else:
            pending.append((finished, target))
    except OSError as exc:
        raise_naming(exc, target)
