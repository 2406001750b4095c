"""A trailer's embedded player, only for the hosts whose player addresses are known: YouTube
(through its privacy-enhanced youtube-nocookie.com player) and Vimeo (with do-not-track)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

YOUTUBE_PLAYER = "https://www.youtube-nocookie.com/embed/"
VIMEO_PLAYER = "https://player.vimeo.com/video/"
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{6,12}$")


def embed_url(url: str) -> str | None:
    """The player address for ``url``, or None when it is no known host's video page."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    if parsed.scheme not in ("http", "https"):
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    parts = [p for p in parsed.path.split("/") if p]
    video: str | None = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parts == ["watch"]:
            video = (parse_qs(parsed.query).get("v") or [""])[0]
        elif len(parts) == 2 and parts[0] in ("embed", "shorts", "live"):
            video = parts[1]
    elif host == "youtu.be" and len(parts) == 1:
        video = parts[0]
    if video is not None:
        return (
            f"https://www.youtube-nocookie.com/embed/{video}" if _YOUTUBE_ID.match(video) else None
        )
    if host == "vimeo.com" and len(parts) == 1 and _VIMEO_ID.match(parts[0]):
        return f"https://player.vimeo.com/video/{parts[0]}?dnt=1"
    if host == "player.vimeo.com" and len(parts) == 2 and parts[0] == "video":
        return (
            f"https://player.vimeo.com/video/{parts[1]}?dnt=1"
            if _VIMEO_ID.match(parts[1])
            else None
        )
    return None
