"""Say in plain words what a YAML syntax error usually means, for people who do not write YAML.

PyYAML's wording ("mapping values are not allowed here") names the parser's state; the person
who typed the press quote needs the cause and the fix: a tab, a colon in unquoted text, a line
that does not line up, a backslash in quotes, a quote never closed.
"""

from __future__ import annotations

import re

import yaml

_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s:#'\"][^:#]*?):\s+(\S.*?)\s*$")
BACKSLASH_MESSAGE = (
    "a backslash (\\) inside double quotes starts a special code; "
    "write paths with / (stills/a.jpg), or use single quotes"
)
_QUOTE_HINT = 'put the whole text in double quotes ("...")'


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, int | None, str]:
    """Line, column (both from 1) and the message for a YAML syntax error in ``text``."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None, None, f"invalid YAML: {exc.problem or exc.context or 'not valid YAML'}"
    lines = text.split("\n")
    row = lines[mark.line] if mark.line < len(lines) else ""
    before = row[: mark.column]
    problem, context = exc.problem or "", exc.context or ""
    line, column = mark.line + 1, mark.column + 1
    opened = exc.context_mark  # where the quote, bracket or block being read began
    if "'\\t'" in problem:
        if not before.strip(" -"):
            return line, column, "a tab is used for indentation; indent with spaces"
        return line, column, "a tab where YAML allows only spaces; use a space instead"
    if "escape" in problem and "double-quoted" in context:
        message = BACKSLASH_MESSAGE
        backslash = before.rfind("\\")
        return line, backslash + 1 if backslash >= 0 else column, message
    if "end of stream" in problem and "quoted" in context and opened is not None:
        return opened.line + 1, opened.column + 1, "a quote opened here is never closed"
    if problem == "mapping values are not allowed here":
        return line, column, _colon(row, before)
    if "flow" in context and opened is not None and opened.line != mark.line:
        bracket = "[" if "sequence" in context else "{"
        closer = "]" if bracket == "[" else "}"
        return (
            opened.line + 1,
            opened.column + 1,
            f"the {bracket} opened here is never closed with {closer}",
        )
    if "found ':'" in problem or "got ':'" in problem:
        return line, column, f"a colon (:) inside text that is not in quotes; {_QUOTE_HINT}"
    if problem.startswith("expected <block end>"):
        if "'<scalar>'" in problem and re.search(r"['\"]\s*$", before):
            return line, column, f"text goes on after a closing quote; {_QUOTE_HINT}"
        message = (
            "this line does not line up with the lines above it; "
            "indent entries of the same level by the same number of spaces"
        )
        return line, column, message
    return line, column, f"invalid YAML: {problem or context or 'not valid YAML'}"


def _colon(row: str, before: str) -> str:
    """A second ': ' on a line: a colon in unquoted text, or a line indented too far."""
    found = _KEY.match(row)
    if found is None or ":" not in before:
        return (
            "this line is indented further than the line above it allows; "
            "indent entries of the same level by the same number of spaces"
        )
    key, value = found.group(2), found.group(3)
    quoted = f'"{value}"' if '"' not in value else "'" + value.replace("'", "''") + "'"
    return f"a colon (:) inside text that is not in quotes; write it as {key}: {quoted}"
