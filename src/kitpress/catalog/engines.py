"""Where a catalogue's kits are built: a pool of processes on this machine, or a Dask
distributed cluster. Both take the same jobs, run the same `build_kit` on each, and hand
every report back as soon as its kit is done; neither is a queue of kitpress's own."""

from __future__ import annotations

import multiprocessing
import os
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any

from ..errors import BuildError, Issue, KitError
from ..naming import printable
from .task import KitJob, KitReport, build_kit

Task = Callable[[KitJob], KitReport]
Done = Callable[[KitReport], None]
RETRIES = 2  # a task whose worker died is run again this often (Dask's `retries=`)
CONNECT_TIMEOUT = "20s"
CLUSTER_EXTRA = "pip install 'kitpress[cluster]'"


def local_workers(kits: int, cores: int | None = None) -> int:
    """Processes for ``kits`` kits: one per core, never more than there are kits."""
    return max(1, min(kits, cores or os.cpu_count() or 1))


def stills_threads(workers: int, cores: int | None = None) -> int:
    """Threads each kit's stills may use so that all workers together use the cores once."""
    return max(1, (cores or os.cpu_count() or 1) // max(workers, 1))


def run_local(
    jobs: Sequence[KitJob], workers: int, done: Done, task: Task = build_kit
) -> list[KitReport]:
    """Every job on a pool of ``workers`` processes; the reports in the jobs' order."""
    reports: dict[int, KitReport] = {}
    context = multiprocessing.get_context("spawn")  # the same on every system; no forked locks
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[Future[KitReport], int] = {
            pool.submit(task, job): i for i, job in enumerate(jobs)
        }
        for future in as_completed(futures):
            i = futures[future]
            try:
                reports[i] = future.result()
            except BrokenProcessPool:
                reports[i] = _died(jobs[i], "its worker process stopped (out of memory?)")
            except Exception as exc:  # what the task could not catch for itself
                reports[i] = _died(jobs[i], f"its build stopped ({type(exc).__name__}: {exc})")
            done(reports[i])
    return [reports[i] for i in range(len(jobs))]


def run_dask(
    jobs: Sequence[KitJob], address: str, done: Done, task: Task = build_kit
) -> list[KitReport]:
    """Every job as one task on the Dask cluster at ``address``; a task whose worker dies is
    given to another worker (the scheduler's `allowed-failures`, and ``retries``)."""
    try:
        from distributed import Client
        from distributed import as_completed as finished
    except ImportError:
        message = f"building on a Dask cluster needs kitpress's cluster extra: {CLUSTER_EXTRA}"
        raise KitError([Issue("--scheduler", None, "", message)]) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as exc:
        raise BuildError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    reports: dict[int, KitReport] = {}
    run = uuid.uuid4().hex[:12]  # keys of this run's tasks, unlike any other client's
    with client:
        slots = host_slots(client.scheduler_info(n_workers=-1)["workers"].values())
        jobs = [replace(job, host_slots=slots) for job in jobs]
        futures = {
            client.submit(task, job, key=f"kitpress-{run}-{i}", pure=False, retries=RETRIES): i
            for i, job in enumerate(jobs)
        }
        for future in finished(list(futures), loop=client.loop):  # type: ignore[no-untyped-call]
            i = futures[future]
            try:
                reports[i] = future.result()
            except Exception as exc:  # KilledWorker: its workers kept dying
                reports[i] = _died(jobs[i], f"the cluster gave up on it ({type(exc).__name__})")
            done(reports[i])
    return [reports[i] for i in range(len(jobs))]


def host_slots(workers: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, int], ...]:
    """How many tasks each host's workers run at once (their threads, added up)."""
    slots: dict[str, int] = {}
    for worker in workers:
        host = str(worker["host"])
        slots[host] = slots.get(host, 0) + int(worker.get("nthreads", 1))
    return tuple(sorted(slots.items()))


def _died(job: KitJob, why: str) -> KitReport:
    return KitReport(printable(job.kit), "failed", errors=(f"{printable(job.kit)}: {why}",))
