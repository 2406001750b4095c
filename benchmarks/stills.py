"""The stills benchmark of issue 3: kitpress's stills stage against pyvips and vipsthumbnail.

    python benchmarks/stills.py --stills 12          # one kit of 12 stills
    python benchmarks/stills.py --stills 12 48       # and 48, to see whether memory stays flat

It paints N camera-size stills (6000×4000, q92; cached in the work folder), writes a kit around
them, and in the same run times, each in a child process of its own and best of --repeat:
kitpress's stills stage cold (empty cache) and warm (nothing changed), a pyvips cascade (one
decode, print, web from print, thumb from web) and vipsthumbnail once per size when installed.
It then scores every rendition by PSNR against a full-decode Lanczos reference and prints a
table and a PASS/MISS line for each target of the issue. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quality import KINDS, score
from report import print_report
from stillgen import ensure_stills

HERE = Path(__file__).resolve().parent
KIT_YAML = """\
# Written by benchmarks/stills.py: {count} synthetic camera stills.
title: Benchmark Film
year: 2024
rights:
  copyright: Benchmark Pictures
  photographer: Ana Benchmark
  courtesy: kitpress
stills:
{stills}"""


@dataclass
class Result:
    """The best of the repeats of one contender at one kit size."""

    name: str
    walls: list[float] = field(default_factory=list)
    builds: list[float] = field(default_factory=list)
    rss: float = 0.0  # the child's peak RSS, MiB, the largest over the repeats
    stage_rss: float | None = None  # kitpress: peak RSS when its stills stage ended
    outputs: Path | None = None
    psnr: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return min(self.walls)

    @property
    def build(self) -> float | None:
        return min(self.builds) if self.builds else None


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--stills",
        type=int,
        nargs="+",
        default=[12],
        metavar="N",
        help="kit sizes to run, e.g. 12 48 (default 12)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="work folder; stills are cached here between runs "
        "(default: kitpress-stills-bench in the system temp folder)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of each contender; the fastest counts (default 3)",
    )
    parser.add_argument(
        "--psnr-stills",
        type=int,
        default=12,
        metavar="K",
        help="score PSNR over the first K stills (default 12)",
    )
    parser.add_argument(
        "--cores",
        type=int,
        default=None,
        help="pin the contenders to this many CPUs (the targets are for 2)",
    )
    return parser.parse_args()


def available() -> tuple[list[str], list[str]]:
    """The contenders that can run here, and a line for each one that cannot."""
    names, missing = ["kitpress"], []
    try:
        import kitpress.pipeline  # noqa: F401
    except ImportError as exc:
        raise SystemExit(f"kitpress is not installed here ({exc}): pip install . first") from None
    try:
        import pyvips  # noqa: F401
    except Exception as exc:  # ImportError, or OSError when libvips itself is missing
        missing.append(
            f"pyvips is not available ({type(exc).__name__}: {exc}); "
            "install it with: pip install 'pyvips[binary]'. "
            "kitpress numbers are reported without ratios or PSNR targets."
        )
    else:
        names.append("pyvips")
    if shutil.which("vipsthumbnail"):
        names.append("vipsthumbnail")
    else:
        missing.append("vipsthumbnail is not installed (optional: apt-get install libvips-tools)")
    return names, missing


def write_kit(work: Path, stills: list[Path]) -> Path:
    lines = [f"  - file: {p.relative_to(work).as_posix()}\n" for p in stills]
    kit = work / f"kit-{len(stills)}.yaml"
    kit.write_text(KIT_YAML.format(count=len(stills), stills="".join(lines)), encoding="utf-8")
    return kit


def spawn(name: str, job: dict[str, Any]) -> tuple[dict[str, Any], float]:
    """Run one contender in a child process; its report and its peak RSS in MiB.

    The peak is the child's own (it reads it itself): the kernel's figure for a reaped child
    (``os.wait4``) starts from this parent's high-water mark, which PSNR scoring raises.
    """
    script = HERE / "contenders.py"
    command = [sys.executable, str(script), name, json.dumps(job)]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed (exit {done.returncode}); its error is above")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report, max(float(report["rss"]), float(report.get("rss_children") or 0))


def record(result: Result, report: dict[str, Any], rss: float) -> None:
    result.walls.append(float(report["wall"]))
    if report.get("build") is not None:
        result.builds.append(float(report["build"]))
    result.rss = max(result.rss, rss)
    if report.get("stage_rss") is not None:
        result.stage_rss = max(result.stage_rss or 0.0, float(report["stage_rss"]))
    result.outputs = Path(report["outputs"])
    result.notes += [n for n in report.get("notes", []) if n not in result.notes]
    if report.get("hits") is not None:
        note = f"cache {report['hits']} hits / {report['misses']} misses"
        result.notes = [n for n in result.notes if not n.startswith("cache ")] + [note]


def one_round(
    run: Path,
    kit: Path,
    stills: list[str],
    names: list[str],
    results: dict[str, Result],
) -> None:
    """Every contender once, interleaved, so a noisy neighbour hurts them all alike.

    The previous round's files go first: only the last round's outputs are scored.
    """
    shutil.rmtree(run, ignore_errors=True)
    cache = run / "cache"  # a fresh cache for the cold build, reused by the warm one
    for name in names:
        steps = (
            [("kitpress cold", "cold"), ("kitpress warm", "warm")]
            if name == "kitpress"
            else [(name, name)]
        )
        for label, folder in steps:
            out = run / folder
            job = {"kit": str(kit), "stills": stills, "out": str(out), "cache": str(cache)}
            report, rss = spawn(name, job)
            record(results.setdefault(label, Result(label)), report, rss)


def run_size(
    work: Path, all_stills: list[Path], count: int, names: list[str], args: argparse.Namespace
) -> list[Result]:
    stills = all_stills[:count]
    kit = write_kit(work, stills)
    run = work / f"run-{count}"
    results: dict[str, Result] = {}
    for index in range(args.repeat):
        print(f"  {count} stills: round {index + 1} of {args.repeat}", flush=True)
        one_round(run, kit, [str(p) for p in stills], names, results)
    print(
        f"  {count} stills: scoring PSNR over {min(count, args.psnr_stills)} still(s)", flush=True
    )
    scored = {r.name: r.outputs for r in results.values() if r.outputs is not None}
    numbers = range(1, min(count, args.psnr_stills) + 1)
    for name, by_kind in score(stills, scored, numbers).items():
        results[name].psnr = {k: by_kind[k] for k in KINDS}
    return list(results.values())


def main() -> None:
    args = parse_args()
    if args.cores:
        os.sched_setaffinity(0, range(args.cores))
    work = (args.work or Path(tempfile.gettempdir()) / "kitpress-stills-bench").resolve()
    names, missing = available()
    for line in missing:
        print(f"note: {line}")
    started = time.perf_counter()
    stills = ensure_stills(work / "stills", max(args.stills))
    by_size = {n: run_size(work, stills, n, names, args) for n in sorted(set(args.stills))}
    cores = len(os.sched_getaffinity(0))
    print_report(by_size, cores, args.repeat, missing)
    print(f"\n(work folder {work}; {time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
