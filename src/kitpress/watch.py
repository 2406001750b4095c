"""`kitpress build --watch`: build, then build again each time the kit or its layout changes.

The watcher runs from before the first build, so an edit saved while a build runs is not
missed: it builds again when that build has ended. Changes are gathered until none has come
for `DEBOUNCE_MS` (an editor's save is several events). What kitpress writes itself (the
output folders, its temporaries, the stills cache) is never a change, even inside the kit
folder, so a build never sets off the next. Each build reuses the stills cache: only a still
whose file changed is decoded again. An edit that breaks the kit is told with the lines
`build` prints, and nothing is written: the last good outputs stay as they were.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import watchfiles

from .commit import TEMP_PREFIX
from .errors import Issue, KitpressError
from .kit.load import find_kit_file
from .layout.load import layout_folders
from .naming import printable
from .pipeline import DEFAULT_OUTPUT, BuildOptions, BuildResult, build
from .stills.cache import default_folder

DEBOUNCE_MS = 300  # quiet after the last change before building again
WAKE_MS = 500  # the watcher wakes this often with no change (so it starts before the build)
SHOWN = 2  # changed files named in a line; the rest are counted


@dataclass(frozen=True)
class Report:
    """How a watch tells its user what happened: the CLI's own ways of printing."""

    built: Callable[[BuildResult], None]  # the first build, told as `build` tells one
    warnings: Callable[[list[Issue]], None]  # a rebuild's warnings
    failed: Callable[[KitpressError], None]  # a build's errors, the lines `build` prints
    say: Callable[[str], None]  # one line: what was rebuilt, what is watched


def watch(target: Path, options: BuildOptions, report: Report) -> None:
    """Build ``target``, then again after every change to its kit folder or its layout, until
    Ctrl-C while waiting (it returns; during a build, KeyboardInterrupt is raised as usual).

    A kit that cannot be found or a layout that does not exist raises at once: there is
    nothing to watch. Any other problem is told and the watch goes on.
    """
    kit_folder = find_kit_file(target).parent
    watched = Watched([kit_folder, *layout_folders(options.layout)], options)
    batches = watchfiles.watch(
        *watched.folders,
        watch_filter=watched.counts,
        step=DEBOUNCE_MS,
        rust_timeout=WAKE_MS,
        yield_on_timeout=True,
    )
    if _next(batches) is not None:  # the watcher runs from now on: no edit is missed
        first = _build(target, options, watched, report)
        if first is None:
            report.say("not built; save a fix and it builds")
        else:
            report.built(first)
        kit, layout = printable(kit_folder), printable(options.layout)
        report.say(f"watching {kit}/ and the layout {layout} for changes; Ctrl-C stops")
        quiet = replace(options, progress=None)  # one line per rebuild
        while (changes := _next(batches)) is not None:
            if changes:
                _rebuild(target, quiet, watched, report, changes)
    report.say("stopped watching")


class Watched:
    """The folders watched, and what in them is no change: kitpress's own writing."""

    def __init__(self, folders: list[Path], options: BuildOptions) -> None:
        self.folders = [folder.resolve() for folder in folders]
        self.last: BuildResult | None = None
        self._written: set[Path] = set()  # the outputs, where they sit among the kit's files
        self._quiet: set[Path] = set()  # folders only kitpress writes in
        written = options.out or DEFAULT_OUTPUT  # every default output folder is under it
        for folder in (written, options.cache_dir or default_folder()):
            self._ignore(folder)
        self._editors = watchfiles.DefaultFilter()  # swap files, backups, .git, .DS_Store…

    def built(self, result: BuildResult) -> None:
        self.last = result
        self._ignore(result.out_dir)
        self._written.update(where.resolve() for _, where in result.written)

    def counts(self, change: watchfiles.Change, path: str) -> bool:
        """Whether a change to ``path`` may change the outputs."""
        where = Path(path)
        inside = self.shown(where)
        if any(part.startswith(TEMP_PREFIX) for part in inside.parts) or where in self._written:
            return False
        if not self._editors(change, str(inside)):
            return False
        # inside an output folder, or a folder made or removed on the way to one
        return not any(where.is_relative_to(q) or q.is_relative_to(where) for q in self._quiet)

    def _ignore(self, folder: Path) -> None:
        """Changes in ``folder`` are kitpress's own, unless the kit or the layout is in it (an
        output folder that is the kit folder itself): then only the outputs are."""
        folder = folder.resolve()
        if not any(watched.is_relative_to(folder) for watched in self.folders):
            self._quiet.add(folder)

    def shown(self, where: Path) -> Path:
        """``where`` as the user knows it: inside the kit, or inside the layout's folder."""
        for folder in self.folders:
            if where.is_relative_to(folder):
                inside = where.relative_to(folder)
                return inside if folder == self.folders[0] else folder.name / inside
        return where


def _next(batches: Iterator[set[tuple[watchfiles.Change, str]]]) -> set[Path] | None:
    """The files changed since the last call (empty: none yet); None after Ctrl-C."""
    try:
        return {Path(path) for _, path in next(batches)}
    except KeyboardInterrupt:
        return None


def _build(
    target: Path, options: BuildOptions, watched: Watched, report: Report
) -> BuildResult | None:
    try:
        result = build(target, options)
    except KitpressError as exc:
        report.failed(exc)
        return None
    watched.built(result)
    return result


def _rebuild(
    target: Path, options: BuildOptions, watched: Watched, report: Report, changes: set[Path]
) -> None:
    started = time.perf_counter()
    result = _build(target, options, watched, report)
    what = f"{_named(sorted(watched.shown(p) for p in changes))} changed"
    clock = time.strftime("%H:%M:%S")
    if result is None:
        kept = "the last good outputs are kept" if watched.last else "nothing is built yet"
        report.say(f"[{clock}] {what}: not rebuilt; {kept}")
        return
    report.warnings(result.warnings)
    took = f"{time.perf_counter() - started:.1f} s"
    report.say(f"[{clock}] {what}: rebuilt {_products(result)} in {took} {_stills(result)}")


def _named(paths: Iterable[Path]) -> str:
    """'kit.yaml', 'kit.yaml, synopsis.md', 'kit.yaml, synopsis.md and 3 more'."""
    names = [printable(p) for p in paths]
    more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    return ", ".join(names[:SHOWN]) + more


def _products(result: BuildResult) -> str:
    """'output/x/x_press-kit.pdf', or with more files, 'output/x/x_press-kit.pdf and 2 more'."""
    if not result.written:
        return "nothing"
    first = printable(result.written[0][1])
    more = len(result.written) - 1
    return f"{first} and {more} more" if more else first


def _stills(result: BuildResult) -> str:
    """'(9 stills, 1 redone)': how many stills the outputs carry, how many were made again."""
    count = len(result.stills)
    return f"({count} {'still' if count == 1 else 'stills'}, {result.stills_redone} redone)"
