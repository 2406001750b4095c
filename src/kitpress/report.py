"""What a command tells its user: how much (-q, -v) and in which form (lines or --json).

The CLI decides what happened; this module says it. With ``--json`` stdout carries one JSON
document (``schemas/report.schema.json``) and nothing else, errors included; with ``-q``
nothing is printed on success and warnings are left out (``--strict`` still sees them: it is
the pipeline's, not the report's); with ``-v`` a build adds its timings, cache use and every
file written with its size. Errors always go to stderr.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import InputError, Issue, KitpressError, issue_record
from .naming import printable

if TYPE_CHECKING:  # the pipeline loads with the command that runs it, not with --version
    from .pipeline import BuildResult, Checked

if TYPE_CHECKING:
    from .catalog.batch import BatchResult
    from .catalog.task import KitReport

QUIET, NORMAL, VERBOSE = 0, 1, 2
_META_KEY = "kitpress.report"


@dataclass
class Report:
    """How one command reports: its verbosity and whether stdout is a JSON document."""

    command: str
    verbosity: int = NORMAL
    json: bool = False

    @property
    def quiet(self) -> bool:
        return self.verbosity == QUIET

    @property
    def verbose(self) -> bool:
        return self.verbosity == VERBOSE

    def progress(self) -> Callable[[str, int, int], None] | None:
        """A bar on the terminal for each long stage of a build (the stills, each PDF, the
        ZIP), redrawn in place; none when stderr is no terminal, with -q or with --json."""
        if self.quiet or self.json or not stderr_is_terminal():
            return None
        return ProgressBar()

    def say(self, line: str) -> None:
        """A line of the command's result on stdout: not with -q, not with --json."""
        if not self.quiet and not self.json:
            click.echo(line)

    def detail(self, line: str) -> None:
        """A line only -v asks for, on stderr (stdout stays the result)."""
        if self.verbose:
            click.echo(line, err=True)

    def notice(self, message: str) -> None:
        """Something the user should know that is no warning of the kit: not with -q."""
        if not self.quiet:
            click.echo(printable(message), err=True)

    def warnings(self, warnings: Iterable[Issue]) -> None:
        """Warnings on stderr; with -q none (the JSON document carries them with --json)."""
        if self.quiet or self.json:
            return
        for warning in warnings:
            click.echo(printable(str(warning)), err=True)

    def checked(self, checked: Checked) -> None:
        if self.json:
            self._document(True, checked.warnings, {"stills": len(checked.kit.stills)})
            return
        self.warnings(checked.warnings)
        stills = count(len(checked.kit.stills), "still")
        self.say(f"{checked.kit.source.name}: OK ({stills})")

    def built(self, result: BuildResult) -> None:
        if self.json:
            outputs = [
                _output_record(product.role, path)
                for product, path in result.written
                if product.listed
            ]
            extra = {
                "outputs": outputs,
                "pages": result.pages,
                "stills": len(result.stills),
                "engine": result.engine,
            }
            self._document(True, result.warnings, extra)
            return
        self.warnings(result.warnings)
        for product, path in result.written:
            if not product.listed:
                continue
            size = f"  {_size(path)}" if self.verbose else ""
            self.say(f"{product.label or product.role:9} {printable(path)}{size}")
        self.say(f"{count(result.pages, 'page')}, {count(len(result.stills), 'still')}")
        self.detail(f"engine    {result.engine}")
        if result.outputs_reused:
            reused = ", ".join(result.outputs_reused)
            self.detail(f"reused    {reused}: nothing they show changed, taken from the cache")
        self.detail(_timings(result.timings))
        hits, misses = result.cache_hits, result.cache_misses
        self.detail(f"cache     {count(hits, 'hit')}, {count(misses, 'miss')}")

    def kit_finished(self, kit: KitReport, done: int, total: int, bar: bool) -> None:
        """One line on stderr as each kit of a catalogue build finishes; on a terminal, the
        overall bar redrawn under it. Nothing with -q or --json."""
        if self.quiet or self.json:
            return
        width = len(str(total))
        line = f"[{done:>{width}}/{total}] {_kit_line(kit)}"
        if bar:
            click.echo(f"\r\x1b[K{printable(line)}", err=True)
            filled = 30 * done // max(total, 1)
            drawn = "#" * filled + "-" * (30 - filled)
            click.echo(f"kits   [{drawn}] {done:>{width}}/{total}", nl=done == total, err=True)
        else:
            click.echo(printable(line), err=True)
        if self.verbose:
            for warning in kit.warnings:
                click.echo(f"  {printable(str(warning))}", err=True)

    def batch_built(self, result: BatchResult) -> None:
        """The summary table of a catalogue build (stdout), the errors of the kits that did
        not build (stderr), the line-up's files; with --json, `catalog-report.json`'s
        document."""
        for kit in result.reports:  # errors always go to stderr, as a single build's do
            for line in kit.errors:
                click.echo(f"error: {printable(line)}", err=True)
        if self.json:
            from .catalog.batch import report_document

            click.echo(json.dumps(report_document(result), indent=2, ensure_ascii=False))
            return
        self.warnings(result.warnings)
        if self.quiet:
            return
        rows = [("kit", "pages", "stills", "warnings", "time", "result")]
        rows += [
            (
                kit.title or kit.kit,
                str(kit.pages),
                str(kit.stills),
                str(len([w for w in kit.warnings if w.severity == "warning"])),
                f"{kit.seconds:.1f}s",
                kit.result,
            )
            for kit in result.reports
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            pairs = enumerate(zip(row, widths, strict=True))
            cells = [c.ljust(w) if i in (0, 5) else c.rjust(w) for i, (c, w) in pairs]
            self.say(printable("  ".join(cells).rstrip()))
        for written in result.lineup:
            label = result.lineup_labels.get(written.role, written.role)
            size = f"  {_size(Path(written.path))}" if self.verbose else ""
            self.say(f"{label:15} {printable(written.path)}{size}")
        if result.report_file is not None:
            self.say(f"{'report':15} {printable(result.report_file)}")
        built = sum(1 for kit in result.reports if kit.exit_code == 0)
        done = "checked" if all(k.result == "checked" for k in result.reports) else "built"
        self.say(
            f"{built} of {count(len(result.reports), 'kit')} {done} on {result.engine} "
            f"in {result.seconds:.1f}s"
        )

    def failed(self, exc: KitpressError | None, message: str = "") -> None:
        """An error: its lines on stderr always; with --json, the document on stdout too."""
        lines = exc.lines() if exc is not None else [message]
        for line in lines:
            click.echo(f"error: {printable(line)}", err=True)
        if self.json:
            if isinstance(exc, InputError):
                issues = exc.issues
            else:
                issues = [Issue("", None, "", lines[0] if lines else message)]
            self._document(False, issues, {})

    def _document(self, ok: bool, issues: Iterable[Issue], extra: dict[str, Any]) -> None:
        document: dict[str, Any] = {
            "kitpress": __version__,
            "command": self.command,
            "ok": ok,
            "issues": [issue_record(issue) for issue in issues],
            **extra,
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


class ProgressBar:
    """``stills     [##########----------]  6/12``, one line a stage, redrawn in place; a
    one-step stage (a PDF being made) shows its name until it is done."""

    WIDTH = 30

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if done == 0:
            self.started = time.perf_counter()
        filled = self.WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        count = f"{done:>{len(str(total))}}/{total}"
        end = f"  {time.perf_counter() - self.started:.1f}s" if done == total else ""
        click.echo(f"\r{stage:<10} [{bar}] {count}{end}", nl=done == total, err=True)


def _output_record(role: str, path: Path) -> dict[str, Any]:
    data = path.read_bytes()  # read back from where it was put, not from memory
    return {
        "path": str(path),
        "role": role,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def _kit_line(kit: KitReport) -> str:
    name = kit.title or kit.kit
    if kit.exit_code != 0:
        return f"{name}: {kit.result} ({kit.errors[0] if kit.errors else 'no reason given'})"
    figures = f"{count(kit.pages, 'page')}, {count(kit.stills, 'still')}"
    return f"{name}: {kit.result}, {figures}, {kit.seconds:.1f}s"


def _size(path: Path) -> str:
    size = float(path.stat().st_size)
    for unit in ("bytes", "KB", "MB"):
        if size < 1000 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def _timings(timings: dict[str, float]) -> str:
    stages = ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in timings.items())
    return f"timings   {stages} (total {sum(timings.values()):.2f}s)"


def count(number: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("ss") else "s")
    return f"{number} {noun}" if number == 1 else f"{number} {plural}"


def set_verbosity(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Record -q / -v given at one level (the group or a command): a command's win."""
    if quiet and verbose:
        raise click.UsageError("-q/--quiet and -v/--verbose cannot be used together")
    if quiet or verbose:
        ctx.meta[_META_KEY] = QUIET if quiet else VERBOSE


def report_for(ctx: click.Context) -> Report:
    """The Report of the command running in ``ctx``."""
    json_output = bool(ctx.params.get("json_output", False))
    verbosity = ctx.meta.get(_META_KEY, NORMAL)
    return Report(ctx.info_name or "", verbosity, json_output)
