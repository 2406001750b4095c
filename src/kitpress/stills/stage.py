"""The stills stage: every still's requested renditions, made in parallel, one decode each.

It knows nothing of kits, layouts or pages: a job names a source, the renditions wanted of it
(size, colour, quality, where to write), the metadata record to embed and the size to decode
at; the caller says how a failure is to be reported.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..errors import Issue, Severity, StillError
from ..memory import keep_heap_small
from .cache import StillCache
from .decode import DecodeProblem
from .metadata import StillMetadata
from .renditions import Rendition, Target, make_renditions

Progress = Callable[[int, int], None]
_max_workers: int | None = None  # None: one thread per core


def limit_workers(workers: int | None) -> None:
    """Use at most ``workers`` threads for a build's stills in this process (a catalogue
    build runs several kits side by side: together they should not ask for more than the
    machine's cores); None: one per core."""
    global _max_workers
    _max_workers = workers


@dataclass(frozen=True)
class StillJob:
    key: str  # the caller's name for the still
    source: Path
    upright_size: tuple[int, int]
    targets: tuple[Target, ...]
    metadata: StillMetadata
    background: str  # what transparency is flattened onto
    decode_size: tuple[int, int] | None  # None: the largest target
    located: Callable[[str, Severity], Issue]  # (message, severity) -> the caller's line


@dataclass(frozen=True)
class StillResult:
    renditions: dict[str, Rendition]  # target kind -> what was written
    warnings: tuple[Issue, ...]  # what embedding the metadata ran into


def run_jobs(
    jobs: list[StillJob],
    cache: StillCache,
    progress: Progress | None = None,
    engine: str = "pillow",
) -> dict[str, StillResult]:
    """Every job's renditions by job key, made by ``engine``; a source that cannot be decoded
    is the caller's located error (all of them at once)."""
    workers = min(len(jobs), _max_workers or os.cpu_count() or 1) or 1
    keep_heap_small()  # before the threads start: each would take an arena of its own
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_one, job, cache, engine) for job in jobs]
        for done, _ in enumerate(as_completed(futures), 1):
            if progress:
                progress(done, len(futures))
    results = [future.result() for future in futures]
    problems = [r for r in results if isinstance(r, Issue)]
    if problems:
        raise StillError(problems)
    return {job.key: r for job, r in zip(jobs, results, strict=True) if isinstance(r, StillResult)}


def _one(job: StillJob, cache: StillCache, engine: str) -> StillResult | Issue:
    try:
        made, notes = make_renditions(
            job.source,
            job.upright_size,
            list(job.targets),
            job.metadata,
            job.background,
            cache,
            job.decode_size,
            engine,
        )
    except DecodeProblem as exc:
        return job.located(str(exc), "error")
    warnings = tuple(job.located(note, "warning") for note in notes)
    return StillResult({r.kind: r for r in made}, warnings)
