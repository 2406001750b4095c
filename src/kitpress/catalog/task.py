"""One kit of a catalogue, built in whichever process runs it: a worker of the local pool or
of a Dask cluster. What goes in (`KitJob`) and what comes back (`KitReport`) are small,
picklable records of paths and figures; the outputs themselves are written where the job
says, atomically, as `kitpress build` writes them."""

from __future__ import annotations

import hashlib
import os
import socket
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from ..errors import Issue, KitpressError
from ..naming import printable
from ..pipeline import BuildOptions, build, check
from ..stills import stage

Result = Literal["built", "checked", "bad input", "failed"]
EXIT = {"built": 0, "checked": 0, "bad input": 2, "failed": 1}
CHECKED_AS = "screen-pdf"  # what a kit is checked for when only the line-up is made


@dataclass(frozen=True)
class KitJob:
    kit: Path  # a path every worker can read
    options: BuildOptions  # with no callables: it travels to other processes
    stills_workers: int = (
        1  # threads this kit's stills may use; 0: as the Dask worker's host allows
    )
    host_slots: tuple[tuple[str, int], ...] = ()  # Dask: tasks each host runs at once


@dataclass(frozen=True)
class Written:
    role: str
    path: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class KitReport:
    kit: str  # the kit as the catalogue names it
    result: Result
    title: str = ""
    out_dir: str = ""
    pages: int = 0
    stills: int = 0
    seconds: float = 0.0
    warnings: tuple[Issue, ...] = ()
    errors: tuple[str, ...] = ()  # the error's lines, as `kitpress build` prints them
    issues: tuple[Issue, ...] = ()  # the located problems behind a bad input
    written: tuple[Written, ...] = field(default=())
    worker: str = ""  # which process built it (host:pid)
    peak_memory_mib: float = 0.0  # that process's peak resident memory when it was done
    stills_threads: int = 0  # the threads its stills were made with

    @property
    def exit_code(self) -> int:
        return EXIT[self.result]


def build_kit(job: KitJob) -> KitReport:
    """Build ``job``'s kit; every failure is the report's, never an exception (a bug of
    kitpress included: one kit's trouble must not stop the others)."""
    threads = stills_threads_here(job)
    stage.limit_workers(threads)
    started = time.perf_counter()
    name = printable(job.kit)
    worker = f"{socket.gethostname()}:{os.getpid()}"
    try:
        if not job.options.format:  # only the line-up asked for: each kit is checked
            return _checked(job, name, worker, started)
        result = build(job.kit, job.options)
    except KitpressError as exc:
        kind: Result = "bad input" if exc.exit_code == 2 else "failed"
        issues = tuple(getattr(exc, "issues", ()))
        spent = time.perf_counter() - started
        return KitReport(
            name, kind, seconds=spent, errors=tuple(exc.lines()), issues=issues, worker=worker
        )
    except Exception as exc:  # a bug of kitpress, said in one line as the CLI says it
        what = printable(f"{type(exc).__name__}: {exc}")
        line = f"kitpress failed unexpectedly ({what}); please report it"
        spent = time.perf_counter() - started
        return KitReport(name, "failed", seconds=spent, errors=(line,), worker=worker)
    written = tuple(written_file(product.role, path) for product, path in result.written)
    return KitReport(
        name,
        "built",
        title=result.kit.title,
        out_dir=str(result.out_dir),
        pages=result.pages,
        stills=len(result.stills),
        seconds=time.perf_counter() - started,
        warnings=tuple(result.warnings),
        written=written,
        worker=worker,
        peak_memory_mib=peak_memory_mib(),
        stills_threads=threads,
    )


def stills_threads_here(job: KitJob) -> int:
    """The job's stills threads; on a Dask worker, this machine's cores shared among the
    tasks its workers run at once (two workers of one thread on two cores: one each)."""
    cores = os.cpu_count() or 1
    if job.stills_workers:
        return job.stills_workers
    try:
        from distributed import get_worker
        from distributed.comm.addressing import get_address_host

        here = get_worker()
    except (ImportError, ValueError):  # not on a Dask worker after all
        return cores
    host = get_address_host(here.address)
    slots = dict(job.host_slots).get(host) or here.state.nthreads
    return max(1, cores // max(1, slots))


def _checked(job: KitJob, name: str, worker: str, started: float) -> KitReport:
    options = job.options
    checked = check(job.kit, options.layout, options.strict, CHECKED_AS, options.for_outputs())
    return KitReport(
        name,
        "checked",
        title=checked.kit.title,
        stills=len(checked.kit.stills),
        seconds=time.perf_counter() - started,
        warnings=tuple(checked.warnings),
        worker=worker,
    )


def portable(options: BuildOptions) -> BuildOptions:
    """``options`` without what cannot travel to another process (progress, notices)."""
    return replace(options, progress=None, notice=None)


def peak_memory_mib() -> float:
    """This process's peak resident memory so far, in MiB (0 where the system does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def written_file(role: str, path: Path) -> Written:
    data = path.read_bytes()  # read back from where it was put
    return Written(role, str(path), len(data), hashlib.sha256(data).hexdigest())
