"""What only the web page needs from a layout: where the site is published (for the absolute
addresses link previews want), the logo in its banner, and whether a trailer on a known
video host is embedded."""

from __future__ import annotations

from pathlib import Path

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Mapping, Value
from .model import WebSpec

WEB_KEYS = {
    "site_url": "Where the page is published, e.g. https://press.example.com/{slug}/ ({slug}: "
    "the film's name in file names); link previews and search engines need absolute "
    "addresses. Without it the page's addresses are relative.",
    "logo": "A PNG, JPEG or SVG file beside layout.yaml shown in the page's banner.",
    "embed_trailer": "true to embed a YouTube or Vimeo trailer in the page (privacy-enhanced "
    "players); false for a link only.",
}
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")


def read_web(top: Obj, checker: Checker, folder: Path) -> WebSpec:
    value: Value = top.get("web") or Mapping({}, {}, top.line)
    obj = checker.obj(value, "web", WEB_KEYS)
    default = WebSpec()
    if obj is None:
        return default
    site_url = obj.url("site_url")
    if site_url is not None and not site_url.endswith("/"):
        site_url += "/"  # a folder: the page's files are found under it
    return WebSpec(
        site_url=site_url,
        logo=_logo(obj, checker, folder),
        embed_trailer=obj.boolean("embed_trailer", default.embed_trailer),
    )


def _logo(obj: Obj, checker: Checker, folder: Path) -> Path | None:
    text = obj.text("logo")
    if text is None:
        return None
    path = folder / text
    if path.suffix.lower() not in LOGO_TYPES:
        message = f"expected a .png, .jpg or .svg file (got '{text}')"
        checker.error(obj.line_of("logo"), obj.sub("logo"), message)
        return None
    if not path.is_file():
        message = f"'{text}' not found beside layout.yaml"
        checker.error(obj.line_of("logo"), obj.sub("logo"), message)
        return None
    return path
