"""User text to ReportLab paragraph markup, safely.

Every character the user typed is escaped, so `AT&T <Cannes> <img src="x"/>` prints literally.
Prose fields may use a small Markdown subset (paragraphs, *emphasis*, **strong**, lists and
links, parsed by `kitpress.document.markdown`); link targets are kept only for the schemes it
allows (http, https, mailto, tel).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as _html_escape

from markdown_it.token import Token

from kitpress.document.markdown import PROSE, SAFE_SCHEMES, safe_href
from kitpress.document.styled_text import StyledText

__all__ = ["SAFE_SCHEMES", "Block", "escape", "link", "markdown_blocks", "safe_href"]


def escape(text: str) -> str:
    """Plain text as paragraph markup that means exactly that text; a `StyledText` (a
    caption whose film title the language sets in italics) with its italic spans."""
    if isinstance(text, StyledText):
        return text.markup()
    return _html_escape(text, quote=True)


def link(url: str, label: str | None = None, colour: str | None = None) -> str:
    href = safe_href(url)
    shown = escape(label or url)
    if href is None:
        return shown
    tint = f' color="{colour}"' if colour else ""
    return f'<a href="{escape(href)}"{tint}>{shown}</a>'


@dataclass(frozen=True)
class Block:
    """One paragraph of prose: its markup and, in a list, its bullet (or number) and depth.

    ``depth`` counts the lists the paragraph sits in (0: not in a list); a list item's second
    paragraph has its item's depth and no bullet of its own.
    """

    markup: str
    bullet: str | None = None
    depth: int = 0


BULLETS = ("•", "–")  # an outer list's mark, then a nested list's


def markdown_blocks(source: str, link_colour: str | None = None) -> list[Block]:
    blocks: list[Block] = []
    lists: list[list[int] | None] = []  # per open list: [last number] if ordered, else None
    item_started = False  # a list item has just opened: its first paragraph takes the bullet
    for token in PROSE.parse(source):
        if token.type == "bullet_list_open":
            lists.append(None)
        elif token.type == "ordered_list_open":
            lists.append([int(token.attrs.get("start", 1) or 1) - 1])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            item_started = True
        elif token.type == "inline":
            bullet = None
            if lists and item_started:
                counter = lists[-1]
                if counter is None:
                    bullet = BULLETS[min(len(lists), len(BULLETS)) - 1]
                else:
                    counter[0] += 1
                    bullet = f"{counter[0]}."
            item_started = False
            markup = inline_markup(token.children or [], link_colour)
            blocks.append(Block(markup, bullet, len(lists)))
    return blocks


def inline_markup(tokens: list[Token], link_colour: str | None = None) -> str:
    parts: list[str] = []
    open_links: list[bool] = []
    tags = {"em_open": "<i>", "em_close": "</i>", "strong_open": "<b>", "strong_close": "</b>"}
    for token in tokens:
        if token.type == "text":
            parts.append(escape(token.content))
        elif token.type in tags:
            parts.append(tags[token.type])
        elif token.type in ("softbreak",):
            parts.append(" ")
        elif token.type == "hardbreak":
            parts.append("<br/>")
        elif token.type == "link_open":
            href = safe_href(str(token.attrs.get("href", "")))
            open_links.append(href is not None)
            if href is not None:
                tint = f' color="{link_colour}"' if link_colour else ""
                parts.append(f'<a href="{escape(href)}"{tint}>')
        elif token.type == "link_close":
            if open_links.pop():
                parts.append("</a>")
        else:
            parts.append(escape(token.content))
    return "".join(parts)
