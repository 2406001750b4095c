"""One contender of the stills benchmark, run in a child process of its own.

    python contenders.py NAME '{"stills": [...], "out": DIR, ...}'

prints one JSON object: the contender's wall time (``wall``, seconds, the stills work only,
without Python's start-up), what it wrote (``outputs``), its peak RSS (``rss``, MiB) and that
of the programs it ran (``rss_children``), and anything else worth reporting.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The three ZIP renditions: kind, long edge, JPEG quality (kitpress's defaults).
RENDITIONS = (("print", 3508, 92), ("web", 2048, 85), ("thumb", 480, 80))


def fit(size: tuple[int, int], long_edge: int) -> tuple[int, int]:
    """kitpress's rule: scale to the long edge, round each side, never upsample."""
    width, height = size
    scale = min(long_edge / max(width, height), 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))


def peak_rss_mib() -> float:
    """This process's peak RSS (MiB) since it started its program.

    Linux's VmHWM, not ``ru_maxrss``: after a vfork and exec (which is how ``subprocess``
    starts children), ``ru_maxrss`` also counts the parent's high-water mark.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_kitpress(job: dict[str, Any]) -> dict[str, Any]:
    """A kitpress build of the benchmark kit (``format``, by default the ZIP only), with the
    given cache folder and ``engine`` (when this kitpress has a choice of engines)."""
    from kitpress.pipeline import BuildOptions, build

    marks: dict[str, float] = {}

    def progress(*told: Any) -> None:  # (done, total) before issue 18, (stage, done, total)
        stage, done, total = ("stills", *told) if len(told) == 2 else told
        if stage == "stills" and done == total:  # the stills stage is over: its peak so far
            marks["stage_rss"] = peak_rss_mib()

    fields = getattr(BuildOptions, "__dataclass_fields__", {})
    options: dict[str, Any] = {"format": job.get("format", "zip"), "out": Path(job["out"])}
    notes = []
    if job.get("engine") and "engine" in fields:
        options["engine"] = job["engine"]
    if "cache_dir" in fields:
        options["cache_dir"] = Path(job["cache"])
    else:
        os.environ["KITPRESS_CACHE_DIR"] = job["cache"]
        notes.append("BuildOptions has no cache_dir: KITPRESS_CACHE_DIR used")
    if "progress" in fields:
        options["progress"] = progress
    start = time.perf_counter()
    result = build(Path(job["kit"]), BuildOptions(**options))
    build_wall = time.perf_counter() - start
    timings = getattr(result, "timings", None) or {}
    if "stills" not in timings:
        notes.append("BuildResult has no timings['stills']: whole build timed")
    return {
        "wall": timings.get("stills", build_wall),
        "build": build_wall,
        "stage_rss": marks.get("stage_rss"),
        "outputs": str(getattr(result, "zip", None) or job["out"]),
        "timings": timings,
        "engine": getattr(result, "engine", "pillow (no choice)"),
        "hits": getattr(result, "cache_hits", None),
        "misses": getattr(result, "cache_misses", None),
        "notes": notes,
    }


def run_pyvips(job: dict[str, Any]) -> dict[str, Any]:
    """pyvips: one decode of each still, then print, web from print, thumb from web."""
    import pyvips

    out = Path(job["out"])
    start = time.perf_counter()
    for name in job["stills"]:
        source = Path(name)
        image = pyvips.Image.new_from_file(str(source), access="sequential")
        original = (image.width, image.height)
        for kind, edge, quality in RENDITIONS:
            width, height = fit(original, edge)
            if (width, height) != (image.width, image.height):
                image = image.resize(
                    width / image.width, vscale=height / image.height, kernel="lanczos3"
                )
            image = image.copy_memory()  # the next size is cut from this one, not re-decoded
            image.jpegsave(str(out / f"{source.stem}_{kind}.jpg"), Q=quality)
    return {"wall": time.perf_counter() - start, "outputs": str(out), "notes": []}


def run_vipsthumbnail(job: dict[str, Any]) -> dict[str, Any]:
    """The vipsthumbnail command, once per rendition over every still (shrink-on-load)."""
    tool = shutil.which("vipsthumbnail")
    if tool is None:
        raise SystemExit("vipsthumbnail is not installed")
    out = Path(job["out"])
    start = time.perf_counter()
    for kind, edge, quality in RENDITIONS:
        target = f"{out}{os.sep}%s_{kind}.jpg[Q={quality}]"
        command = [tool, "-s", f"{edge}x{edge}", "-o", target, *job["stills"]]
        subprocess.run(command, check=True)
    return {"wall": time.perf_counter() - start, "outputs": str(out), "notes": []}


RUNNERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "kitpress": run_kitpress,
    "pyvips": run_pyvips,
    "vipsthumbnail": run_vipsthumbnail,
}


def main() -> None:
    name, job = sys.argv[1], json.loads(sys.argv[2])
    Path(job["out"]).mkdir(parents=True, exist_ok=True)
    report = RUNNERS[name](job)
    report["rss"] = peak_rss_mib()
    # Programs this one ran (vipsthumbnail): their peaks, each at least this one's at the time.
    report["rss_children"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(report))


if __name__ == "__main__":
    main()
