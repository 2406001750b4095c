"""Long prose in the parts press notes set differently, with no markup of any output: chapter
headings, pull quotes and runs of ordinary Markdown; an interview's questions and answers.

Each part keeps its Markdown (emphasis, links, lists), so every output sets the words with
its own inline rules; only the structure is decided here, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

Kind = Literal["text", "heading", "quote", "question", "answer"]
_BLOCKS = MarkdownIt("zero").enable(["heading", "blockquote", "list"])
# 'Q:' or '**Q:**' at a paragraph's start (the marks in bold, or not)
_PREFIX = r"^\s*(?:(\*\*|__)\s*(?:{marks})\s*:\s*\1|(?:{marks})\s*:)\s*"
_QUOTE_MARKS = re.compile(r"^\s{0,3}(?:>\s?)+")
_BOLD = re.compile(r"^(\*\*|__)(?P<inner>.+)\1$", re.S)


@dataclass(frozen=True)
class ProseBlock:
    kind: Kind
    markdown: str


def prose_blocks(markdown: str) -> tuple[ProseBlock, ...]:
    """``markdown`` as headings (any `#` level), pull quotes (`>` paragraphs) and the text
    between them, in order."""
    lines = markdown.split("\n")
    tokens = _BLOCKS.parse(markdown)
    found: list[ProseBlock] = []
    run: list[int] = []  # first and last line of the text run being gathered
    depth = 0  # inside a quote
    quoted = (0, 0)  # the lines of the quote being read

    def close_run() -> None:
        if run:
            text = "\n".join(lines[run[0] : run[1]]).strip()
            if text:
                found.append(ProseBlock("text", text))
            run.clear()

    for i, token in enumerate(tokens):
        if token.type == "blockquote_open":
            if depth == 0:
                close_run()
                quoted = (token.map[0], token.map[1]) if token.map else (0, 0)
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
            if depth == 0:
                found.append(ProseBlock("quote", _unquoted(lines[quoted[0] : quoted[1]])))
        elif depth:
            continue
        elif token.type == "heading_open":
            close_run()
            found.append(ProseBlock("heading", tokens[i + 1].content.strip()))
        elif token.level == 0 and token.map and not token.type.startswith("heading"):
            _extend(run, token)
    close_run()
    return tuple(b for b in found if b.markdown)


def _unquoted(lines: list[str]) -> str:
    """A quote's lines without their '>' marks (a quote in a quote is one quote): taken from
    the source, so no nesting is too deep to keep its words."""
    return "\n".join(_QUOTE_MARKS.sub("", line) for line in lines).strip()


def _extend(run: list[int], token: Token) -> None:
    assert token.map is not None
    start, end = token.map
    if run:
        run[1] = max(run[1], end)
    else:
        run.extend((start, end))


def interview_blocks(
    markdown: str, interviewer: str | None = None, answering: tuple[str, ...] = ()
) -> tuple[ProseBlock, ...]:
    """An interview's paragraphs as questions and answers. A question is a paragraph in bold
    or one starting with 'Q:' (or the interviewer's initials, 'JD:'); the marks are dropped,
    and so is an answer's 'A:' or the initials of one of those ``answering`` ('PA:' for
    Pedro Almodóvar). Headings and quotes keep their own kinds."""
    asking = [initials(interviewer)] if interviewer else []
    question = re.compile(_PREFIX.format(marks=_marks(["Q", *asking])), re.I)
    answers = [i for i in map(initials, answering) if i and i not in asking]
    answer = re.compile(_PREFIX.format(marks=_marks(["A", *answers])))
    found: list[ProseBlock] = []
    for block in prose_blocks(markdown):
        if block.kind != "text":
            found.append(block)
            continue
        for paragraph in re.split(r"\n\s*\n", block.markdown):
            text = paragraph.strip()
            if not text:
                continue
            bold = _BOLD.match(text)
            if question.match(text):
                found.append(ProseBlock("question", _unbold(question.sub("", text, count=1))))
            elif bold and "**" not in bold["inner"] and "__" not in bold["inner"]:
                found.append(ProseBlock("question", bold["inner"].strip()))
            else:
                found.append(ProseBlock("answer", answer.sub("", text, count=1)))
    return tuple(b for b in found if b.markdown)


def _marks(marks: list[str]) -> str:
    return "|".join(re.escape(mark) for mark in marks)


def _unbold(text: str) -> str:
    bold = _BOLD.match(text.strip())
    return bold["inner"].strip() if bold else text.strip()


def initials(name: str) -> str:
    """'Jane Doe' -> 'JD'; 'Jean-Luc Godard' -> 'JLG'."""
    return "".join(part[0] for part in re.split(r"[\s\-‐]+", name.strip()) if part).upper()
