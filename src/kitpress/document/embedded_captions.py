"""Use what a still already says about itself where the kit says nothing.

A photo desk may have captioned and credited stills in Photo Mechanic before the kit was
written. Where kit.yaml gives no caption, photographer, copyright holder or courtesy line for
a still, the file's own value is used and a note says so; where both give one and they
differ, kit.yaml wins and a warning says so, so nobody is surprised by either.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import Severity
from ..kit.model import Kit, Rights, Still
from ..layout.caption_style import CaptionStyle
from ..stills.embedded import EmbeddedCaption
from .captions import caption_text, rights_line

# kit rights field -> (embedded field, how a user calls it)
RIGHTS_FIELDS = {
    "photographer": ("creator", "photographer"),
    "copyright": ("copyright", "copyright holder"),
    "courtesy": ("credit", "courtesy line"),
}


def adopt_embedded(
    still: Still, kit: Kit, style: CaptionStyle, found: EmbeddedCaption
) -> tuple[Still, list[tuple[Severity, str]]]:
    """The still with the file's values filled in; and (severity, message) notes."""
    notes: list[tuple[Severity, str]] = []
    rights = _adopt_rights(still.rights, kit.rights, found, notes)
    still = replace(still, rights=rights)
    if found.caption:
        if not (still.people or still.description):
            still = replace(still, verbatim_caption=found.caption)
            notes.append(("note", f"caption taken from the file's {found.source}: {_q(found)}"))
        elif not _same_caption(found.caption, still, kit, style):
            message = f"the file's {found.source} caption differs; kit.yaml's is used (file: "
            notes.append(("warning", message + f"{_q(found)})"))
    return still, notes


def _adopt_rights(
    own: Rights, defaults: Rights, found: EmbeddedCaption, notes: list[tuple[Severity, str]]
) -> Rights:
    effective = own.over(defaults)
    taken: dict[str, str] = {}
    for name, (embedded_name, label) in RIGHTS_FIELDS.items():
        in_file = getattr(found, embedded_name)
        in_kit = getattr(effective, name)
        if not in_file:
            continue
        if not in_kit:
            taken[name] = in_file
            notes.append(("note", f"{label} '{in_file}' taken from the file's {found.source}"))
        elif _norm(in_file) != _norm(in_kit):
            message = f"the file's {found.source} gives {label} '{in_file}'; kit.yaml's '{in_kit}'"
            notes.append(("warning", message + " is used"))
    return replace(own, **taken)


def _same_caption(text: str, still: Still, kit: Kit, style: CaptionStyle) -> bool:
    composed = caption_text(still, kit.title, style, kit.language)
    full = f"{composed} {rights_line(still.rights.over(kit.rights), style)}"
    return _norm(text) in (_norm(composed), _norm(full))


def _norm(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def _q(found: EmbeddedCaption) -> str:
    text = found.caption
    return f"'{text[:77]}…'" if len(text) > 80 else f"'{text}'"
