"""The Markdown every output reads prose with: one parser for one safe subset (paragraphs,
*emphasis*, **strong**, lists, links, line breaks; no raw HTML, no images), and the one rule
for which link targets are kept. The PDF and the web page both take their prose from here."""

from __future__ import annotations

from urllib.parse import urlparse

from markdown_it import MarkdownIt

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
PROSE = MarkdownIt("zero").enable(["emphasis", "link", "list", "newline", "autolink"])


def safe_href(url: str) -> str | None:
    """``url`` when it is a link a reader may follow (http, https, mailto, tel), else None."""
    try:
        scheme = urlparse(url.strip()).scheme.lower()
    except ValueError:  # e.g. "https://[": not a usable address, so not a link
        return None
    return url.strip() if scheme in SAFE_SCHEMES else None
