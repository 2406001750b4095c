"""What link previews and search engines read: the schema.org `Movie` as JSON-LD, and the
Open Graph and Twitter card tags. Both want absolute addresses: with the layout's
`web.site_url` they get them; without it they are relative to the page (previews then show
no picture, which is said in the README)."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from markupsafe import Markup

from kitpress.document.markdown import PROSE
from kitpress.document.model import PressDocument

from .video import embed_url

DESCRIPTION_LENGTH = 160  # what search results show of a description


def description(document: PressDocument) -> str | None:
    """The logline; else the synopsis's opening, as plain text cut at a word, for the page's
    description and link previews."""
    kit = document.kit
    if kit.logline:
        return kit.logline
    if kit.synopsis is None:
        return None
    words = " ".join(
        child.content
        for token in PROSE.parse(kit.synopsis.markdown)
        for child in token.children or []
        if child.type in ("text", "softbreak", "hardbreak")
    ).split()
    text = " ".join(words)
    if len(text) <= DESCRIPTION_LENGTH:
        return text or None
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def absolute(base: str | None, href: str) -> str:
    return urljoin(base, href) if base else href


def movie(document: PressDocument, base: str | None, image: str | None) -> dict[str, object]:
    """The film as a schema.org `Movie`."""
    kit, labels = document.kit, document.labels
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": kit.title,
    }
    if kit.original_title:
        data["alternateName"] = kit.original_title
    if (said := description(document)) is not None:
        data["description"] = said
    if kit.directors:
        data["director"] = [{"@type": "Person", "name": n} for n in kit.directors]
    if kit.cast:
        data["actor"] = [{"@type": "Person", "name": m.actor} for m in kit.cast]
    released = sorted(r.date for r in kit.releases)
    if released:
        data["datePublished"] = released[0].isoformat()
    elif kit.year:
        data["datePublished"] = str(kit.year)
    if kit.runtime:
        hours, minutes = divmod(kit.runtime, 60)
        data["duration"] = f"PT{hours}H{minutes}M" if hours else f"PT{minutes}M"
    if kit.genres:
        data["genre"] = list(kit.genres)
    if kit.languages:
        data["inLanguage"] = list(kit.languages)
    if kit.countries:
        data["countryOfOrigin"] = [{"@type": "Country", "name": c} for c in kit.countries]
    if kit.production_companies:
        data["productionCompany"] = [
            {"@type": "Organization", "name": c} for c in kit.production_companies
        ]
    if image:
        data["image"] = absolute(base, image)
    if base:
        data["url"] = base
    if kit.trailer:
        trailer: dict[str, object] = {
            "@type": "VideoObject",
            "name": f"{kit.title} — {labels.trailer}",
            "url": kit.trailer,
        }
        player = embed_url(kit.trailer)
        if player:
            trailer["embedUrl"] = player
        if image:
            trailer["thumbnailUrl"] = absolute(base, image)
        data["trailer"] = trailer
    return data


def json_ld(data: dict[str, object]) -> Markup:
    """``data`` as the text of a `<script type="application/ld+json">`: no `<`, `>` or `&`
    left raw, so no text of the kit can close the element or open another."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, escaped)
    return Markup(text)


def social_tags(
    document: PressDocument, title: str, base: str | None, image: str | None
) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each Open Graph and Twitter card meta tag."""
    kit = document.kit
    tags = [
        ("property", "og:type", "video.movie"),
        ("property", "og:title", title),
        ("property", "og:locale", document.language.replace("-", "_")),  # en_GB, as OG writes it
    ]
    said = description(document)
    if said is not None:
        tags.append(("property", "og:description", said))
    if base:
        tags.append(("property", "og:url", base))
    if image:
        tags.append(("property", "og:image", absolute(base, image)))
        tags.append(("property", "og:image:alt", kit.title))
    tags.append(("name", "twitter:card", "summary_large_image" if image else "summary"))
    tags.append(("name", "twitter:title", title))
    if said is not None:
        tags.append(("name", "twitter:description", said))
    if image:
        tags.append(("name", "twitter:image", absolute(base, image)))
    return tags
