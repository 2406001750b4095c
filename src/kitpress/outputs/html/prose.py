"""Kit prose as HTML: the project's one Markdown subset (`document.markdown`), every character
the user typed escaped, and links kept only where `safe_href` allows them."""

from __future__ import annotations

from markdown_it.token import Token
from markupsafe import Markup

from kitpress.document.markdown import PROSE, safe_href


def prose_html(source: str) -> Markup:
    """``source`` (Markdown) as HTML paragraphs and lists; a link to an unsafe target (a
    `javascript:` one) keeps its words and loses its link."""
    tokens = PROSE.parse(source)
    for token in tokens:
        if token.children:
            token.children = _safe_links(token.children)
    return Markup(PROSE.renderer.render(tokens, PROSE.options, {}))


def _safe_links(tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    dropped: list[bool] = []  # per open link: whether it was dropped
    for token in tokens:
        if token.type == "link_open":
            href = safe_href(str(token.attrs.get("href", "")))
            dropped.append(href is None)
            if href is None:
                continue
            token.attrs["href"] = href
            if href.startswith(("http:", "https:")):
                token.attrs["rel"] = "noopener"
        elif token.type == "link_close" and dropped.pop():
            continue
        kept.append(token)
    return kept


def link_href(url: str | None) -> str | None:
    """A kit's own address (a contact's web site, the trailer) when it may be a link."""
    return safe_href(url) if url else None
