"""The message catalogues: every word kitpress sets, per language, as data (`catalogues/*.yaml`,
shipped with the package). English is the reference: every catalogue has its keys and no
other, and a template keeps the English one's fields. A language's words are English under
the language's own under its region's (`pt-BR`: en, then pt, then pt-BR if shipped), so an
unknown language reads English and a region file holds only what differs.

The layout's `labels:` section names its words by the flat keys of `label_keys()`: a
section's key (synopsis), a technical detail's (runtime), a contact role's (world_sales) or
a word's (film_by); its `captions:` section names the caption words."""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml

FOLDER = Path(__file__).with_name("catalogues")
REFERENCE = "en"
GROUPS = ("sections", "facts", "contact_roles", "words", "captions")
FLAT_GROUPS = ("sections", "facts", "contact_roles", "words")  # what `labels:` may name

Word = str | tuple[str, ...]
Catalogue = Mapping[str, Mapping[str, Word]]


def shipped() -> tuple[str, ...]:
    """The catalogues kitpress ships, by language tag: en, en-GB, fr …"""
    return tuple(sorted(p.stem for p in FOLDER.glob("*.yaml")))


def nearest(language: str) -> tuple[str, ...]:
    """The catalogues ``language`` reads, broadest first: ``pt-BR`` → (en, pt); ``en-US`` →
    (en, en-US); an unknown language → (en,)."""
    parts = language.replace("_", "-").split("-")
    tags = [REFERENCE]
    base = parts[0].lower()
    available = {t.casefold(): t for t in shipped()}
    if base != REFERENCE and base in available:
        tags.append(available[base])
    if len(parts) > 1:
        regional = f"{base}-{parts[1]}".casefold()
        if regional in available:
            tags.append(available[regional])
    return tuple(tags)


@functools.cache
def read_catalogue(tag: str) -> Catalogue:
    """One shipped catalogue file as read, groups of words; lists become tuples."""
    raw = yaml.safe_load((FOLDER / f"{tag}.yaml").read_text(encoding="utf-8")) or {}
    return MappingProxyType(
        {
            group: MappingProxyType({k: _word(v) for k, v in (raw.get(group) or {}).items()})
            for group in GROUPS
        }
    )


@functools.cache
def catalogue(language: str) -> Catalogue:
    """``language``'s words, every key present: English under the nearest catalogues."""
    merged: dict[str, dict[str, Word]] = {g: {} for g in GROUPS}
    for tag in nearest(language):
        for group, words in read_catalogue(tag).items():
            merged[group].update(words)
    return MappingProxyType({g: MappingProxyType(w) for g, w in merged.items()})


@functools.cache
def label_keys() -> Mapping[str, str]:
    """Every key a layout's `labels:` may set, with the group it belongs to."""
    english = read_catalogue(REFERENCE)
    return MappingProxyType({k: g for g in FLAT_GROUPS for k in english[g]})


# A running time may be written in hours and minutes ("1 h 44"), not only in minutes.
RUNNING_TIME_FIELDS = frozenset({"n", "hours", "minutes"})
MORE_FIELDS = dict.fromkeys(("minutes", "minutes_short", "minutes_only"), RUNNING_TIME_FIELDS)


def english_word(key: str) -> Word:
    """The English word of a flat `labels:` key."""
    return read_catalogue(REFERENCE)[label_keys()[key]][key]


def allowed_fields(group: str, key: str) -> frozenset[str]:
    """The fields a template of ``key`` may fill: the English one's, and for a running time
    hours and minutes too."""
    english = read_catalogue(REFERENCE)[group][key]
    texts = english if isinstance(english, tuple) else (english,)
    used = frozenset().union(*(template_fields(t) for t in texts))
    return used | MORE_FIELDS.get(key, frozenset())


def template_fields(text: str) -> frozenset[str]:
    """The fields a template fills: ``"{n} min"`` → {n}; {} for a template that is no
    valid format string."""
    try:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)
    except ValueError:
        return frozenset({"{"})


def _word(value: object) -> Word:
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return str(value)
