"""The one date a build stamps on what it makes (the PDFs' creation and modification dates,
the ZIP's entries): `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds convention),
else the kit's `updated:` date, else the newest modification time among the files the kit
names. Two builds of an unchanged kit carry the same date, and the date says when the kit
last changed, not when kitpress was run."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

from ..errors import Issue, KitError
from ..kit.model import Kit

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
LATEST = 253402300799  # 9999-12-31 23:59:59 UTC: the last second a four-digit year holds
UPDATED_AT = datetime.time(12, tzinfo=datetime.UTC)  # noon UTC: the same day in every zone


def source_date(value: str | None) -> datetime.datetime | None:
    """``SOURCE_DATE_EPOCH`` (whole seconds since 1970-01-01 UTC) as a UTC time; None when
    unset or empty; a one-line error naming the variable when it is not such a number."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or int(text) > LATEST:
        message = (
            "expected whole seconds since 1970-01-01 UTC, as `date +%s` prints them "
            f"(e.g. 1700000000), got '{value}'"
        )
        raise KitError([Issue(SOURCE_DATE_EPOCH, None, "", message)])
    return _utc(int(text))


def kit_date(kit: Kit, source: datetime.datetime | None = None) -> datetime.datetime:
    """The build's date: ``source`` (from SOURCE_DATE_EPOCH) when given, else the kit's
    ``updated:`` date at noon UTC, else the newest of its own files' modification times."""
    if source is not None:
        return source
    if kit.updated is not None:
        return datetime.datetime.combine(kit.updated, UPDATED_AT)
    times = [_mtime(path) for path in kit_files(kit)]
    return _utc(max((t for t in times if t is not None), default=0))


def kit_files(kit: Kit) -> Iterator[Path]:
    """The files the kit names: kit.yaml, its prose files, key art, stills and portraits."""
    yield kit.source
    for prose in kit.prose:
        if prose.file is not None:
            yield prose.file
    if kit.key_art is not None:
        yield kit.key_art
    for still in kit.stills:
        yield still.file
    for portrait in kit.portraits:
        yield portrait.file


def _mtime(path: Path) -> int | None:
    try:
        return int(path.stat().st_mtime)  # whole seconds: what PDF and XMP dates can say
    except OSError:  # gone since it was read: the other files still date the kit
        return None


def _utc(seconds: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(min(max(seconds, 0), LATEST), datetime.UTC)
