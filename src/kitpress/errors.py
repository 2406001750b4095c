"""Every error kitpress raises on purpose, and the located problem records behind them.

The CLI maps these to exit codes: input problems (a bad kit, layout or still) exit 2,
failures of the build itself exit 1. Nothing else should ever reach the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "note"]  # notes inform; --strict ignores them


@dataclass(frozen=True, order=True)
class Issue:
    """One located problem: ``kit.yaml:42: stills[3].people[1]: unknown cast id 'x'``."""

    source: str
    line: int | None
    path: str
    message: str
    severity: Severity = "error"
    column: int | None = None  # where a YAML syntax error was found on its line

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f":{self.column}"
        field = f" {self.path}:" if self.path else ""
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}:{field} {prefix}{self.message}"

    def as_error(self) -> Issue:
        return Issue(self.source, self.line, self.path, self.message, "error", self.column)


class KitpressError(Exception):
    """Base of every error kitpress raises on purpose."""

    exit_code = 1

    def lines(self) -> list[str]:
        return [str(self)]


class InputError(KitpressError):
    """The user's input cannot be used; carries every problem found, not just the first."""

    exit_code = 2

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues = sorted(issues, key=_issue_order)
        super().__init__("\n".join(str(i) for i in self.issues))

    def lines(self) -> list[str]:
        return [str(i) for i in self.issues]


class KitError(InputError):
    """Problems in kit.yaml or the files it names."""


class LayoutError(InputError):
    """Problems in a layout."""


class StillError(InputError):
    """A still cannot be decoded or used."""


class ImportProblem(InputError):
    """A press page, caption spreadsheet or import target cannot be used as given."""


class BuildError(KitpressError):
    """The build itself failed (not the user's input): exit 1."""


def _issue_order(issue: Issue) -> tuple[str, int, str, str]:
    return (issue.source, issue.line or 0, issue.path, issue.message)


def single(source: str, message: str, *, line: int | None = None, path: str = "") -> Issue:
    """Shorthand for one error issue."""
    return Issue(source, line, path, message)


def issue_record(issue: Issue) -> dict[str, Any]:
    """An issue as kitpress's JSON documents give it (file "" when it belongs to no file)."""
    return {
        "file": issue.source,
        "line": issue.line,
        "column": issue.column,
        "field": issue.path,
        "severity": issue.severity,
        "message": issue.message,
    }
