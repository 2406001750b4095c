"""The catalogue benchmark (issue 17): a line-up of kits built on one and two workers.

    python benchmarks/catalog.py                     # 20 kits × 6 camera-size stills
    python benchmarks/catalog.py --kits 4 --stills 2 --format pdf   # a quick look

All in one run, each in turn on the same kits: the local pool with 1 and with 2 processes,
then (when dask[distributed] imports) a Dask `LocalCluster` on 127.0.0.1 with 1 and with 2
worker processes of one thread each. Each build starts from an empty stills cache, so every
run does all the work. Reported: wall time, the speed-up of 2 workers over 1 (target ≥ 1.7×
on 2 cores), and the peak resident memory of each worker process (VmHWM as the worker saw it
when its last kit was done).

The stills are `stillgen.py`'s 6000×4000 JPEGs (painted once, then cached in WORK/stills);
each kit gets its own copies, so no two kits share a source.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stillgen import ensure_stills  # noqa: E402

from kitpress.catalog.batch import Batch, BatchResult, build_batch  # noqa: E402
from kitpress.catalog.file import CatalogEntry  # noqa: E402
from kitpress.pipeline import BuildOptions  # noqa: E402


def write_kits(work: Path, kits: int, stills: int) -> list[Path]:
    sources = ensure_stills(work / "stills", stills)
    folders = []
    for number in range(1, kits + 1):
        folder = work / "kits" / f"film-{number:02d}"
        (folder / "stills").mkdir(parents=True, exist_ok=True)
        lines = [
            f"title: Benchmark Film {number}",
            "year: 2026",
            "runtime: 100",
            "logline: A benchmark of a line-up, one of many.",
            "crew: {Director: Ada Bench}",
            "rights: {copyright: Bench Films}",
            "stills:",
        ]
        for i, source in enumerate(sources):
            copy = folder / "stills" / f"still-{i + 1:02d}.jpg"
            if not copy.exists():
                # a kit's own bytes: one byte appended after the JPEG's end, so no two kits
                # share a source (and the shared cache cannot serve one kit from another's)
                copy.write_bytes(source.read_bytes() + bytes([number]))
            lines.append(f"  - {{file: stills/{copy.name}}}")
        (folder / "kit.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        folders.append(folder)
    return folders


def run(kits: list[Path], work: Path, fmt: str, name: str, **engine: object) -> BatchResult:
    out = work / "out" / name
    cache = work / "cache" / name
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    options = BuildOptions(format=fmt, out_root=out, cache_dir=cache)
    batch = Batch(tuple(CatalogEntry(k) for k in kits), options, **engine)  # type: ignore[arg-type]
    started = time.perf_counter()
    result = build_batch(batch)
    result.seconds = time.perf_counter() - started
    failed = [r for r in result.reports if r.exit_code]
    if failed:
        raise SystemExit(f"{name}: {failed[0].kit}: {failed[0].errors}")
    return result


def on_dask(workers: int) -> Callable[[Callable[[str], BatchResult]], BatchResult]:
    from distributed import LocalCluster

    def within(build: Callable[[str], BatchResult]) -> BatchResult:
        with LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster:
            return build(cluster.scheduler_address)

    return within


def memory(result: BatchResult) -> dict[str, float]:
    """Each worker process's peak resident memory (MiB), the largest its kits reported."""
    peaks: dict[str, float] = {}
    for report in result.reports:
        peaks[report.worker] = max(peaks.get(report.worker, 0.0), report.peak_memory_mib)
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kits", type=int, default=20)
    parser.add_argument("--stills", type=int, default=6)
    parser.add_argument("--format", default="all", help="what each kit makes (default: all)")
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "kitpress-catalog-bench"
    )
    parser.add_argument("--no-dask", action="store_true", help="only the local pool")
    args = parser.parse_args()
    kits = write_kits(args.work, args.kits, args.stills)
    print(f"{args.kits} kits × {args.stills} stills of 6000×4000, format {args.format}")
    results: dict[str, BatchResult] = {}
    for workers in (1, 2):
        name = f"local pool ×{workers}"
        results[name] = run(kits, args.work, args.format, f"pool-{workers}", workers=workers)
        print(f"{name:16} {results[name].seconds:7.1f} s")
    try:
        import distributed  # noqa: F401
    except ImportError:
        args.no_dask = True
    if not args.no_dask:
        for workers in (1, 2):
            name = f"dask ×{workers}"

            def build(address: str, workers: int = workers) -> BatchResult:
                return run(kits, args.work, args.format, f"dask-{workers}", scheduler=address)

            results[name] = on_dask(workers)(build)
            print(f"{name:16} {results[name].seconds:7.1f} s")
    summary = {}
    for engine in ("local pool", "dask"):
        one, two = results.get(f"{engine} ×1"), results.get(f"{engine} ×2")
        if one and two:
            summary[engine] = {
                "seconds_1": round(one.seconds, 1),
                "seconds_2": round(two.seconds, 1),
                "speed_up": round(one.seconds / two.seconds, 2),
                "peak_mib_per_worker_2": sorted(memory(two).values()),
            }
            peaks = ", ".join(f"{m:.0f}" for m in sorted(memory(two).values()))
            print(
                f"{engine}: speed-up ×{one.seconds / two.seconds:.2f} with 2 workers "
                f"(target ≥ 1.7); peak MiB per worker: {peaks}"
            )
    (args.work / "catalog-bench.json").write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
