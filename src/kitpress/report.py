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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import InputError, Issue, KitpressError
from .naming import printable
from .pipeline import BuildResult, Checked

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
            outputs = [_output_record(p.role, path) for p, path in result.written if p.listed]
            extra = {"outputs": outputs, "pages": result.pages, "stills": len(result.stills)}
            self._document(True, result.warnings, extra)
            return
        self.warnings(result.warnings)
        for product, path in result.written:
            if not product.listed:
                continue
            size = f"  {_size(path)}" if self.verbose else ""
            self.say(f"{product.label or product.role:9} {printable(path)}{size}")
        self.say(f"{count(result.pages, 'page')}, {count(len(result.stills), 'still')}")
        self.detail(_timings(result.timings))
        hits, misses = result.cache_hits, result.cache_misses
        self.detail(f"cache     {count(hits, 'hit')}, {count(misses, 'miss')}")

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


def issue_record(issue: Issue) -> dict[str, Any]:
    """An issue as the JSON document gives it (file "" when it belongs to no file)."""
    return {
        "file": issue.source,
        "line": issue.line,
        "column": issue.column,
        "field": issue.path,
        "severity": issue.severity,
        "message": issue.message,
    }


def _output_record(role: str, path: Path) -> dict[str, Any]:
    data = path.read_bytes()  # read back from where it was put, not from memory
    return {
        "path": str(path),
        "role": role,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


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
