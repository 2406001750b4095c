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
    timings: dict[str, float] = field(default_factory=dict)  # the last run's, kitpress only

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
        "--base",
        type=Path,
        default=None,
        metavar="TREE",
        help="a checkout of kitpress before the change (e.g. `git worktree add /tmp/base main`): "
        "its builds and start-up are timed in the same run, as the figures before",
    )
    parser.add_argument(
        "--runs",
        default="",
        help="only these kitpress runs, comma-separated labels (e.g. 'vips all cold,vips all "
        "warm' for memory at large kits); default: all",
    )
    parser.add_argument(
        "--kitpress-only",
        action="store_true",
        help="run no libvips contender (for memory at large kits: P4 needs only kitpress)",
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


def tree_env(src: str | None) -> dict[str, str]:
    """The environment that imports kitpress from ``src`` (a tree's src folder), if given."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    return env


def spawn(name: str, job: dict[str, Any]) -> tuple[dict[str, Any], float]:
    """Run one contender in a child process; its report and its peak RSS in MiB.

    The peak is the child's own (it reads it itself): the kernel's figure for a reaped child
    (``os.wait4``) starts from this parent's high-water mark, which PSNR scoring raises.
    """
    script = HERE / "contenders.py"
    command = [sys.executable, str(script), name, json.dumps(job)]
    env = tree_env(job.get("src"))
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False, env=env)
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
    if report.get("timings"):
        result.timings = report["timings"]
    result.notes += [n for n in report.get("notes", []) if n not in result.notes]
    if report.get("hits") is not None:
        note = f"cache {report['hits']} hits / {report['misses']} misses"
        result.notes = [n for n in result.notes if not n.startswith("cache ")] + [note]


# kitpress's runs: label, engine, format, whether the cache is kept from the run before, tree
KITPRESS_RUNS = (
    ("vips zip cold", "vips", "zip", False, "new"),
    ("pillow zip cold", "pillow", "zip", False, "new"),
    ("vips all cold", "vips", "all", False, "new"),
    ("vips all warm", "vips", "all", True, "new"),
    ("before zip cold", None, "zip", False, "base"),
    ("before all cold", None, "all", False, "base"),
    ("before all warm", None, "all", True, "base"),
)


def one_round(
    run: Path,
    kit: Path,
    stills: list[str],
    names: list[str],
    results: dict[str, Result],
    trees: dict[str, str | None],
    only: set[str],
) -> None:
    """Every contender once, interleaved, so a noisy neighbour hurts them all alike.

    The previous round's files go first: only the last round's outputs are scored.
    """
    shutil.rmtree(run, ignore_errors=True)
    for name in names:
        if name != "kitpress":
            job = {"kit": str(kit), "stills": stills, "out": str(run / name), "cache": ""}
            report, rss = spawn(name, job)
            record(results.setdefault(name, Result(name)), report, rss)
            continue
        for label, engine, fmt, warm, tree in KITPRESS_RUNS:
            if tree not in trees or (only and label not in only):
                continue
            if not engine_available(engine):
                continue
            cache = run / f"cache-{tree}-{engine}-{fmt}"
            if not warm:
                shutil.rmtree(cache, ignore_errors=True)  # a cold build: an empty cache
            job = {
                "kit": str(kit),
                "stills": stills,
                "out": str(run / label.replace(" ", "-")),
                "cache": str(cache),
                "engine": engine,
                "format": fmt,
                "src": trees[tree],
            }
            report, rss = spawn(name, job)
            record(results.setdefault(label, Result(label)), report, rss)


def engine_available(engine: str | None) -> bool:
    if engine != "vips":
        return True
    try:
        import pyvips  # noqa: F401
    except Exception:
        return False
    return True


def start_up(trees: dict[str, str | None], repeat: int) -> dict[str, float]:
    """`kitpress --version`'s wall time for each tree, best of ``repeat`` (P5)."""
    times: dict[str, float] = {}
    for _ in range(max(repeat, 5)):
        for tree, src in trees.items():
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "kitpress", "--version"],
                env=tree_env(src),
                stdout=subprocess.DEVNULL,
                check=True,
            )
            spent = time.perf_counter() - start
            times[tree] = min(times.get(tree, spent), spent)
    return times


def run_size(
    work: Path,
    all_stills: list[Path],
    count: int,
    names: list[str],
    args: argparse.Namespace,
    trees: dict[str, str | None],
) -> list[Result]:
    stills = all_stills[:count]
    kit = write_kit(work, stills)
    run = work / f"run-{count}"
    results: dict[str, Result] = {}
    for index in range(args.repeat):
        print(f"  {count} stills: round {index + 1} of {args.repeat}", flush=True)
        only = {label.strip() for label in args.runs.split(",") if label.strip()}
        one_round(run, kit, [str(p) for p in stills], names, results, trees, only)
    print(
        f"  {count} stills: scoring PSNR over {min(count, args.psnr_stills)} still(s)", flush=True
    )
    scored = {  # the ZIP builds and the libvips contenders: the `all` builds make the same files
        r.name: r.outputs
        for r in results.values()
        if r.outputs is not None and " all " not in r.name
    }
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
    if args.kitpress_only:
        names = ["kitpress"]
    for line in missing:
        print(f"note: {line}")
    started = time.perf_counter()
    trees: dict[str, str | None] = {"new": str(HERE.parent / "src")}
    if args.base:
        trees["base"] = str(args.base.resolve() / "src")
    stills = ensure_stills(work / "stills", max(args.stills))
    sizes = sorted(set(args.stills))
    by_size = {n: run_size(work, stills, n, names, args, trees) for n in sizes}
    cores = len(os.sched_getaffinity(0))
    print_report(by_size, cores, args.repeat, missing, start_up(trees, args.repeat))
    print(f"\n(work folder {work}; {time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
