"""The stills benchmark's table and its PASS/MISS lines against the targets of issue 18.

P1 stills stage ≤ 0.8× pyvips's cascade (12 stills), PSNR no more than 0.3 dB below it;
P2 whole `--format all` build ≤ 1.25× its stills stage; P3 warm rebuild ≤ 10 % of cold;
P4 peak RSS ≤ 250 MiB and flat (≤ 10 % growth) from the smallest kit to the largest;
P5 `kitpress --version` ≤ 0.3 s. "before" rows are the --base tree's, in the same run.
"""

from __future__ import annotations

import math
from typing import Any

SPEED = 0.8  # P1: stills stage wall ≤ 0.8 × the pyvips cascade's
PSNR_SLACK = 0.3  # P1: dB below pyvips at most, at every size
WHOLE = 1.25  # P2: the whole build ≤ 1.25 × its stills stage
WARM = 0.10  # P3: warm rebuild ≤ 10 % of cold
RSS_MIB = 250.0  # P4
FLAT = 0.10  # P4: at most 10 % more peak RSS at the largest kit than at the smallest
START = 0.3  # P5: seconds for `kitpress --version`
LABELS = {"pyvips": "pyvips cascade", "vipsthumbnail": "vipsthumbnail ×3"}


def _num(value: float | None, width: int, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–".rjust(width)
    return f"{value:{width}.{digits}f}"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def print_table(count: int, results: list[Any], cores: int, repeat: int) -> None:
    by_name = {r.name: r for r in results}
    base = by_name.get("pyvips")
    print(
        f"\n{count} stills, 6000×4000 q92 → print 3508 q92, web 2048 q85, thumb 480 q80; "
        f"{cores} core(s); wall = best of {repeat} (kitpress: its stills stage)"
    )
    print(
        f"{'contender':<18}{'wall s':>8}{'× pyvips':>10}{'build s':>9}"
        f"{'PSNR print':>12}{'web':>7}{'thumb':>7}{'peak RSS MiB':>14}{'stage RSS':>11}"
    )
    for result in results:
        ratio = result.wall / base.wall if base else None
        psnr = result.psnr
        print(
            f"{LABELS.get(result.name, result.name):<18}{_num(result.wall, 8)}"
            f"{_num(ratio, 10)}{_num(result.build, 9)}"
            f"{_num(psnr.get('print'), 12)}{_num(psnr.get('web'), 7)}"
            f"{_num(psnr.get('thumb'), 7)}{_num(result.rss, 14, 0)}"
            f"{_num(result.stage_rss, 11, 0)}"
        )
    for result in results:
        for note in result.notes:
            print(f"  {result.name}: {note}")


def speed_lines(count: int, by_name: dict[str, Any]) -> list[str]:
    """P1 for each kitpress ZIP build (the vips engine's is the target; Pillow's, and the
    tree before, for comparison)."""
    base = by_name.get("pyvips")
    if base is None:
        return [f"[ -- ] P1 {count} stills: speed and PSNR against pyvips: pyvips not available"]
    lines = []
    for label in ("vips zip cold", "pillow zip cold", "before zip cold"):
        cold = by_name.get(label)
        if cold is None:
            continue
        ratio = cold.wall / base.wall
        target = label == "vips zip cold"
        mark = _verdict(ratio <= SPEED) if target else " -- "
        lines.append(
            f"[{mark}] P1 {count} stills: {label} stills stage ≤ {SPEED}× pyvips cascade: "
            f"{ratio:.2f}× ({cold.wall:.2f} s vs {base.wall:.2f} s)"
        )
        for kind in ("print", "web", "thumb"):
            gap = cold.psnr.get(kind, math.nan) - base.psnr.get(kind, math.nan)
            mark = _verdict(gap >= -PSNR_SLACK) if target else " -- "
            lines.append(
                f"[{mark}] P1 {count} stills: {label} PSNR {kind} ≥ pyvips − {PSNR_SLACK} dB: "
                f"{gap:+.2f} dB ({cold.psnr.get(kind, math.nan):.2f} vs "
                f"{base.psnr.get(kind, math.nan):.2f})"
            )
    return lines


def whole_lines(count: int, by_name: dict[str, Any]) -> list[str]:
    """P2: the cold `--format all` build against its own stills stage."""
    lines = []
    for label in ("vips all cold", "before all cold"):
        cold = by_name.get(label)
        if cold is None or not cold.build:
            continue
        ratio = cold.build / cold.wall
        mark = _verdict(ratio <= WHOLE) if label.startswith("vips") else " -- "
        stages = ", ".join(f"{k} {v:.1f}" for k, v in cold.timings.items())
        lines.append(
            f"[{mark}] P2 {count} stills: {label} build ≤ {WHOLE}× its stills stage: "
            f"{ratio:.2f}× ({cold.build:.2f} s vs {cold.wall:.2f} s; {stages})"
        )
    return lines


def warm_lines(count: int, by_name: dict[str, Any]) -> list[str]:
    """P3: a rebuild with nothing changed against the cold build."""
    lines = []
    for prefix in ("vips all", "before all"):
        cold, warm = by_name.get(f"{prefix} cold"), by_name.get(f"{prefix} warm")
        if cold is None or warm is None or not cold.build or not warm.build:
            continue
        ratio = warm.build / cold.build
        mark = _verdict(ratio <= WARM) if prefix.startswith("vips") else " -- "
        lines.append(
            f"[{mark}] P3 {count} stills: {prefix} warm rebuild ≤ {WARM:.0%} of cold: "
            f"{ratio:.1%} ({warm.build:.2f} s vs {cold.build:.2f} s)"
        )
    return lines


def rss_lines(by_size: dict[int, list[Any]]) -> list[str]:
    """P4: the worst peak RSS of the `--format all` builds, cold or warm, at each size."""
    lines = []
    for prefix in ("vips all", "before all"):
        peaks: dict[int, float] = {}
        for count, results in by_size.items():
            builds = [r.rss for r in results if r.name.startswith(prefix)]
            if builds:
                peaks[count] = max(builds)
        target = prefix.startswith("vips")
        for count, peak in peaks.items():
            mark = _verdict(peak <= RSS_MIB) if target else " -- "
            lines.append(
                f"[{mark}] P4 {count} stills: {prefix} peak RSS ≤ {RSS_MIB:.0f} MiB: {peak:.0f} MiB"
            )
        if len(peaks) > 1:
            low, high = min(peaks), max(peaks)
            growth = peaks[high] / peaks[low] - 1
            mark = _verdict(growth <= FLAT) if target else " -- "
            lines.append(
                f"[{mark}] P4 {prefix} peak RSS flat from {low} to {high} stills (≤ {FLAT:.0%} "
                f"growth): {peaks[low]:.0f} → {peaks[high]:.0f} MiB ({growth:+.0%})"
            )
    return lines


def start_lines(start: dict[str, float]) -> list[str]:
    """P5: `kitpress --version`, this tree and the one before."""
    lines = []
    for tree, seconds in start.items():
        label = "this tree" if tree == "new" else "before"
        mark = _verdict(seconds <= START) if tree == "new" else " -- "
        lines.append(f"[{mark}] P5 kitpress --version ≤ {START} s ({label}): {seconds:.2f} s")
    return lines


def print_report(
    by_size: dict[int, list[Any]],
    cores: int,
    repeat: int,
    missing: list[str],
    start: dict[str, float],
) -> None:
    for count, results in by_size.items():
        print_table(count, results, cores, repeat)
    print("\nTargets of issue 18 (set for 2 cores; P1 is for 12 stills):")
    if cores != 2:
        print(f"  note: this machine gives the contenders {cores} core(s); try --cores 2")
    for count, results in by_size.items():
        by_name = {r.name: r for r in results}
        for line in speed_lines(count, by_name):
            print(f"  {line}")
        for line in whole_lines(count, by_name) + warm_lines(count, by_name):
            print(f"  {line}")
    for line in rss_lines(by_size) + start_lines(start):
        print(f"  {line}")
    for line in missing:
        print(f"  note: {line}")
    print(
        "  PSNR: against Pillow LANCZOS from the full decode at each file's size, pooled "
        "over the scored stills.\n  wall = BuildResult.timings['stills'] (the stage also "
        "makes the PDF's images and embeds captions); build s = the whole build, in process."
    )
