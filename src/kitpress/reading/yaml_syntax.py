"""Say in plain words what a YAML syntax error usually means, for people who do not write YAML.

PyYAML's wording ("mapping values are not allowed here") names the parser's state; the person
who typed the press quote needs the cause and the fix: a tab, a colon in unquoted text, text
after a closing quote, text starting with @ or *, a line that does not line up, a backslash in
quotes, a quote or bracket never closed. Where the line is a plain ``key: value``, the message
shows it written correctly.
"""

from __future__ import annotations

import re

import yaml

# A block-style "key: value" line (or "- key: value"): the key and the value as typed.
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?([^-\s:#'\"{\[][^:#]*?):[ \t]+(\S.*?)\s*$")
# Markdown emphasis: *, text, then a * that closes it (right after a character, not a space).
_EMPHASIS = re.compile(r"\*[^*\s](?:[^*]*[^*\s])?\*")
BACKSLASH_MESSAGE = (
    "a backslash (\\) inside double quotes starts a special code; "
    "write paths with / (stills/a.jpg), or use single quotes"
)
LINE_UP = (
    "this line does not line up with the lines above it; "
    "indent entries of the same level by the same number of spaces"
)
TOO_FAR = (
    "this line is indented further than the line above it allows; "
    "indent entries of the same level by the same number of spaces"
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
        backslash = before.rfind("\\")
        return line, backslash + 1 if backslash >= 0 else column, BACKSLASH_MESSAGE
    if "end of stream" in problem and "quoted" in context and opened is not None:
        return opened.line + 1, opened.column + 1, "a quote opened here is never closed"
    starts = re.search(r"found character '(.)' that cannot start any token", problem)
    if starts:
        first = starts.group(1)
        return line, column, f"text cannot begin with {first} unless it is in quotes; {_fix(row)}"
    if context.endswith(("an alias", "an anchor", "a block scalar")) and opened is not None:
        start = lines[opened.line] if opened.line < len(lines) else ""
        first = start[opened.column : opened.column + 1]
        message = f"text cannot begin with {first} unless it is in quotes; {_fix(start)}"
        return opened.line + 1, opened.column + 1, message
    if "flow" in context and opened is not None and opened.line != mark.line:
        bracket = "[" if "sequence" in context else "{"
        closer = "]" if bracket == "[" else "}"
        return (
            opened.line + 1,
            opened.column + 1,
            f"the {bracket} opened here is never closed with {closer}",
        )
    after = _after_closing(row, mark.column)
    if after:
        return line, column, f"text goes on after a closing {after}; {_fix(row)}"
    if problem == "mapping values are not allowed here":
        if _KEY_VALUE.match(row) is None or ":" not in before:
            return line, column, TOO_FAR
        return line, column, f"a colon (:) inside text that is not in quotes; {_fix(row)}"
    if "found ':'" in problem or "got ':'" in problem:
        return line, column, f"a colon (:) inside text that is not in quotes; {_QUOTE_HINT}"
    if problem.startswith("expected <block end>"):
        return line, column, LINE_UP
    return line, column, f"invalid YAML: {problem or context or 'not valid YAML'}"


def alias_or_emphasis(row: str, column: int) -> str | None:
    """For ``*name`` at ``column`` of ``row``: the message when it is Markdown emphasis
    (``*Parallel Mothers* is…``) rather than an alias, else None."""
    starts_value = row[:column].rstrip().endswith((":", "-"))  # not [*a, *b] in a list
    if not starts_value or not _EMPHASIS.match(row, column):
        return None
    return f"text cannot begin with * unless it is in quotes; {_fix(row)}"


def _after_closing(row: str, column: int) -> str | None:
    """'quote' or 'bracket' when ``row`` is ``key: "text" more`` and the error is in 'more'."""
    found = _KEY_VALUE.match(row)
    if found is None or found.group(2)[0] not in "\"'[{" or column <= found.start(2):
        return None
    return "quote" if found.group(2)[0] in "\"'" else "bracket"


def _fix(row: str) -> str:
    """'write it as key: "value"' for a plain key: value line, else how to quote."""
    found = _KEY_VALUE.match(row)
    if found is None:
        return _QUOTE_HINT
    key, value = found.groups()
    quoted = f'"{value}"' if '"' not in value else "'" + value.replace("'", "''") + "'"
    return f"write it as {key}: {quoted}"
