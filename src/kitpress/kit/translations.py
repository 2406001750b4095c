"""A kit's translations: `kit.<tag>.yaml` beside kit.yaml holds only the translated text, under
kit.yaml's own keys; `in_language` is the kit with one of them laid over it.

An overlay is read with the same machinery as kit.yaml, so every problem is located in it
(`kit.fr.yaml:12: cast[0].id: …`). An overlay for a language kit.yaml does not declare, a
declared language with no overlay, an unknown key or one that is the same in every language
(`runtime`, `year`) are errors; a text the kit has but a translation lacks is a warning: that
language's press kit prints it in the kit's own language. A translated title makes the kit's
own the original title, when kit.yaml gives none.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Issue, KitError
from ..reading.checker import Checker
from ..reading.marked_yaml import load as load_yaml
from .languages import language_tag
from .model import Kit, Text
from .overlay import LANGUAGE_NAMES, Overlay, language_name


def overlay_name(tag: str) -> str:
    """The file a language's translation is in: ``kit.fr.yaml``."""
    return f"kit.{tag}.yaml"


def overlay_file(root: Path, tag: str) -> Path:
    """The file of a language's translation beside kit.yaml: ``kit.fr.yaml``; a tag in
    another case (``kit.en-gb.yaml`` for ``en-GB``) is the same language on every system, not
    only where file names ignore case. The usual name when there is none."""
    usual = root / overlay_name(tag)
    if usual.is_file():
        return usual
    for path in sorted(root.glob("kit.*.yaml")):
        if language_tag(path.name.removeprefix("kit.").removesuffix(".yaml")) == tag:
            return path
    return usual


@dataclass(frozen=True)
class Translation:
    """One overlay read: the kit in its language, and what reading it warned about."""

    kit: Kit
    warnings: tuple[Issue, ...]


def check_translations(kit: Kit) -> list[Issue]:
    """Every translation of ``kit`` read and checked; their warnings, or every error found in
    any of them (and any overlay for a language kit.yaml does not declare) as a `KitError`."""
    errors = stray_overlays(kit)
    warnings: list[Issue] = []
    for tag in kit.translations:
        try:
            warnings += read_translation(kit, tag).warnings
        except KitError as exc:
            errors += exc.issues
    if errors:
        raise KitError(errors)
    return warnings


def in_language(kit: Kit, tag: str) -> Kit:
    """``kit`` in the language ``tag`` (its own: the kit itself), overlay applied."""
    return read_translation(kit, tag).kit


def read_translation(kit: Kit, tag: str) -> Translation:
    if tag == kit.language:
        return Translation(kit, ())
    label = overlay_name(tag)
    if tag not in kit.translations:
        declared = ", ".join(kit.translations) or "none"
        message = f"'{tag}' is not a language of this kit (declared: {kit.language}, {declared})"
        raise KitError([Issue("--lang", None, "", message)])
    path = overlay_file(kit.root, tag)
    if not path.is_file():
        message = (
            f"no {label} beside kit.yaml: its translations name '{tag}', so the "
            f"{language_name(tag)} text is expected there"
        )
        line = kit.line_of("translations[0]") or kit.line_of("translations")
        raise KitError([Issue(kit.source.name, line, "translations", message)])
    label = path.name
    checker = Checker(label)
    data = load_yaml(path, label, KitError)
    translated = Overlay(kit, tag, checker).apply(data)
    if checker.errors or translated is None:
        raise KitError(checker.errors)
    texts = tuple(
        Text(r.path, r.text, r.source or label, r.line, r.whole_file) for r in checker.texts
    )
    translated = replace(translated, language=tag, texts=texts + kit.texts)
    return Translation(translated, tuple(checker.warnings))


def stray_overlays(kit: Kit) -> list[Issue]:
    """An error for each `kit.<tag>.yaml` beside kit.yaml whose language the kit does not
    declare: a translation that would silently never be built."""
    found: list[Issue] = []
    for path in sorted(kit.root.glob("kit.*.yaml")):
        written = path.name.removeprefix("kit.").removesuffix(".yaml")
        tag = language_tag(written)
        if tag is None or tag in kit.translations or not _reads_as_language(tag):
            continue  # kit.old.yaml, kit.new.yaml: a copy of the kit, not a translation
        if tag == kit.language:
            message = (
                f"'{tag}' is the kit's own language: its text belongs in kit.yaml, not in "
                f"{path.name}"
            )
        elif not kit.translations:
            message = (
                f"language '{tag}' is not declared: add `translations: [{tag}]` to kit.yaml "
                "to build it"
            )
        else:
            listed = ", ".join(kit.translations)
            close = difflib.get_close_matches(tag, list(kit.translations), n=1, cutoff=0.55)
            tip = f" (did you mean kit.{close[0]}.yaml?)" if close else ""
            message = f"language '{tag}' is not in kit.yaml's translations: [{listed}]{tip}"
        found.append(Issue(path.name, None, "", message))
    return found


def _reads_as_language(tag: str) -> bool:
    """A two-letter language, or one named here: three letters are more often a word."""
    base = tag.partition("-")[0]
    return len(base) == 2 or base in LANGUAGE_NAMES


def declared_languages(kit: Kit) -> tuple[str, ...]:
    """The kit's own language, then its translations: every language it can be built in."""
    return (kit.language, *kit.translations)


def chosen_languages(kit: Kit, asked: str | None) -> tuple[str, ...]:
    """The languages ``--lang`` asks for: None (the kit's own), a declared tag, or ``all``."""
    if asked is None:
        return (kit.language,)
    if asked == "all":
        return declared_languages(kit)
    tag = language_tag(asked)
    if tag is None or tag not in declared_languages(kit):
        listed = ", ".join(declared_languages(kit))
        close = difflib.get_close_matches(asked, list(declared_languages(kit)), n=1, cutoff=0.55)
        tip = f" (did you mean '{close[0]}'?)" if close else ""
        message = f"'{asked}' is not a language of this kit{tip}: choose from {listed}, or all"
        raise KitError([Issue("--lang", None, "", message)])
    return (tag,)
