"""The stills benchmark's table and its PASS/MISS lines against the targets of issue 3."""

from __future__ import annotations

import math
from typing import Any

SPEED = 0.8  # kitpress cold wall ≤ 0.8 × the pyvips cascade's, 12 stills
PSNR_SLACK = 0.3  # dB below pyvips at most, at every size
WARM = 0.10  # warm rebuild ≤ 10 % of cold
RSS_MIB = 250.0
FLAT = 0.10  # "flat": at most 10 % more peak RSS at the largest kit than at the smallest
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
        f"{cores} core(s); wall = best of {repeat}"
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
    cold, base = by_name.get("kitpress cold"), by_name.get("pyvips")
    if cold is None or base is None:
        return [f"[ -- ] {count} stills: speed and PSNR against pyvips: pyvips not available"]
    ratio = cold.wall / base.wall
    lines = [
        f"[{_verdict(ratio <= SPEED)}] {count} stills: kitpress stills stage ≤ {SPEED}× "
        f"pyvips cascade: {ratio:.2f}× ({cold.wall:.2f} s vs {base.wall:.2f} s)"
    ]
    for kind in ("print", "web", "thumb"):
        gap = cold.psnr.get(kind, math.nan) - base.psnr.get(kind, math.nan)
        lines.append(
            f"[{_verdict(gap >= -PSNR_SLACK)}] {count} stills: PSNR {kind} ≥ pyvips − "
            f"{PSNR_SLACK} dB: {gap:+.2f} dB ({cold.psnr.get(kind, math.nan):.2f} vs "
            f"{base.psnr.get(kind, math.nan):.2f})"
        )
    return lines


def warm_lines(count: int, by_name: dict[str, Any]) -> list[str]:
    cold, warm = by_name.get("kitpress cold"), by_name.get("kitpress warm")
    if cold is None or warm is None or not cold.build or not warm.build:
        return []
    build, stage = warm.build / cold.build, warm.wall / cold.wall
    return [
        f"[{_verdict(build <= WARM)}] {count} stills: warm rebuild ≤ {WARM:.0%} of cold: "
        f"{build:.1%} of the build ({warm.build:.2f} s vs {cold.build:.2f} s); "
        f"stills stage {stage:.1%} ({warm.wall:.2f} s vs {cold.wall:.2f} s)"
    ]


def rss_lines(by_size: dict[int, list[Any]]) -> list[str]:
    lines = []
    peaks: dict[str, dict[int, float]] = {"stills stage, cold": {}, "worst whole build": {}}
    for count, results in by_size.items():
        builds = [r for r in results if r.name in ("kitpress cold", "kitpress warm")]
        if not builds:
            continue
        stage = [r.stage_rss for r in builds if r.name == "kitpress cold" and r.stage_rss]
        if stage:
            peaks["stills stage, cold"][count] = stage[0]
        peaks["worst whole build"][count] = max(r.rss for r in builds)
    for what, by_count in peaks.items():
        for count, peak in by_count.items():
            lines.append(
                f"[{_verdict(peak <= RSS_MIB)}] {count} stills: peak RSS ≤ "
                f"{RSS_MIB:.0f} MiB ({what}): {peak:.0f} MiB"
            )
        if len(by_count) > 1:
            low, high = min(by_count), max(by_count)
            growth = by_count[high] / by_count[low] - 1
            lines.append(
                f"[{_verdict(growth <= FLAT)}] peak RSS flat from {low} to {high} "
                f"stills ({what}, ≤ {FLAT:.0%} growth): {by_count[low]:.0f} → "
                f"{by_count[high]:.0f} MiB ({growth:+.0%})"
            )
    return lines


def print_report(
    by_size: dict[int, list[Any]], cores: int, repeat: int, missing: list[str]
) -> None:
    for count, results in by_size.items():
        print_table(count, results, cores, repeat)
    print("\nTargets of issue 3 (set for 2 cores; the speed target is for 12 stills):")
    if cores != 2:
        print(f"  note: this machine gives the contenders {cores} core(s); try --cores 2")
    for count, results in by_size.items():
        by_name = {r.name: r for r in results}
        for line in speed_lines(count, by_name) + warm_lines(count, by_name):
            print(f"  {line}")
    for line in rss_lines(by_size):
        print(f"  {line}")
    for line in missing:
        print(f"  note: {line}")
    print(
        "  PSNR: against Pillow LANCZOS from the full decode at each file's size, pooled "
        "over the scored stills.\n  kitpress wall = BuildResult.timings['stills'] (its "
        "stage also makes the PDF's images and embeds captions); build s = whole build.\n"
        "  libvips saves Q ≥ 90 without chroma subsampling (print is 4:4:4); Pillow "
        "defaults to 4:2:0."
    )
