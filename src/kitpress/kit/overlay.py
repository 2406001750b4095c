"""Lay one translation (`kit.fr.yaml`) over the kit it translates: which keys a translation
may hold, how its lists are matched to kit.yaml's (by id, name, file or position), and what it
lacks that kit.yaml has (a warning: that language's press kit prints it in the kit's own)."""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import TypeVar

from ..errors import Issue
from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Mapping, Value
from . import fields
from .back_matter import read_billing_block, read_title_art
from .files import resolve_in_kit
from .model import (
    CastMember,
    Contact,
    CrewCredit,
    Festival,
    FilmCredit,
    Filmmaker,
    Kit,
    Profile,
    Prose,
    Quote,
    Release,
    Still,
)
from .profiles import read_profile
from .prose_files import read_file, read_prose
from .quotes import without_outer_quotes

PROSE_KEYS = (
    "synopsis",
    "long_synopsis",
    "directors_statement",
    "interview",
    "production_notes",
)
TEXT_KEYS = ("title", "logline", "colour", "copyright_line")
LIST_KEYS = ("genres", "countries", "languages", "subtitles")
TRANSLATABLE = {
    **{key: fields.TOP[key] for key in (*TEXT_KEYS, *PROSE_KEYS, *LIST_KEYS)},
    "billing_block": fields.TOP["billing_block"],
    "title_art": "The title treatment in this language (a French logotype): a file, or "
    "{file, on_dark}; without it a translated title is typeset (a warning), the same one "
    "keeps kit.yaml's.",
    "key_art": "The poster or key art in this language, relative to kit.yaml; without it the "
    "cover keeps kit.yaml's.",
    "embargo": "The embargo's line in this language: {text: …} (its moment stays in kit.yaml).",
    "cast": "Translated cast entries, matched by id: a list of {id, character, bio, filmography}.",
    "filmmakers": "Translated filmmakers, matched by name: a list of {name, role, bio, "
    "filmography}.",
    "crew": "Crew roles in this language: a mapping of kit.yaml's role to the translated role.",
    "credits": "The end credits' roles, by position: a list of {role}.",
    "festivals": "Festivals' sections and awards, by position: a list of {section, award}.",
    "quotes": "The quotes in this language, by position: a list of {text}.",
    "release_dates": "Release dates' territories and windows, by position: a list of "
    "{territory, window}.",
    "contacts": "Contacts' roles, by position: a list of {role}.",
    "stills": "Stills' descriptions and alternative text, matched by file: a list of "
    "{file, description, alt}.",
    "rights": "The kit-wide usage terms and courtesy line in this language: {usage, courtesy}.",
}
CAST = {key: fields.CAST[key] for key in ("id", "character", "bio", "filmography")}
FILMMAKER = {key: fields.FILMMAKER[key] for key in ("name", "role", "bio", "filmography")}
CREDIT = {"role": fields.CREDIT["role"]}
FESTIVAL = {key: fields.FESTIVAL[key] for key in ("section", "award")}
QUOTE = {"text": fields.QUOTE["text"]}
RELEASE = {key: fields.RELEASE[key] for key in ("territory", "window")}
CONTACT = {"role": fields.CONTACT["role"]}
STILL = {key: fields.STILL[key] for key in ("file", "description", "alt")}
RIGHTS = {key: fields.RIGHTS[key] for key in ("usage", "courtesy")}
EMBARGO = {"text": fields.EMBARGO["text"]}

Person = TypeVar("Person", CastMember, Filmmaker)

# English names of the languages a kit is most often translated into, for warnings.
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "ca": "Catalan",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "eu": "Basque",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hu": "Hungarian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
}


def language_name(tag: str) -> str:
    """``fr`` as 'French', ``pt-BR`` as 'Portuguese (BR)'; a tag not known here as itself."""
    base, _, rest = tag.partition("-")
    name = LANGUAGE_NAMES.get(base.lower())
    if name is None:
        return f"'{tag}'"
    return f"{name} ({rest})" if rest else name


class Overlay:
    """Reads one overlay file against the kit it translates."""

    def __init__(self, kit: Kit, tag: str, checker: Checker) -> None:
        self.kit, self.tag, self.checker = kit, tag, checker
        self.roles: dict[str, str] = {}  # kit.yaml's crew role -> the translated one

    def apply(self, data: Value) -> Kit | None:
        kit, checker = self.kit, self.checker
        if not isinstance(data, Mapping):
            checker.error(data.line, "", "expected a mapping of kit.yaml's keys")
            return None
        fixed = [key for key in data.order if key in fields.TOP and key not in TRANSLATABLE]
        for key in fixed:
            message = (
                f"'{key}' is not translated: it is the same in every language, so it stays in "
                "kit.yaml only"
            )
            checker.error(data.key_lines[key], key, message)
        top = Obj(checker, data, "", {**TRANSLATABLE, **dict.fromkeys(fixed, "")})
        changes: dict[str, object] = {}
        for key in TEXT_KEYS:
            if (text := top.text(key)) is not None:
                changes[key] = text
        for key in LIST_KEYS:
            if top.get(key) is not None:
                changes[key] = top.texts(key)
        for key in PROSE_KEYS:
            if (prose := read_prose(top, key, kit.root, checker)) is not None:
                changes[key] = prose
        if top.get("billing_block") is not None:
            changes["billing_block"] = read_billing_block(top, kit.root, checker)
        if top.get("key_art") is not None:
            changes["key_art"] = read_file(top, "key_art", kit.root, checker)
        if top.get("title_art") is not None:
            changes["title_art"], changes["title_art_on_dark"] = read_title_art(
                top, kit.root, checker
            )
        title = changes.get("title")
        retitled = isinstance(title, str) and title != kit.title
        if retitled and kit.original_title is None:
            changes["original_title"] = kit.title  # "Titre original : The Last Lock"
        if retitled and kit.title_art is not None and "title_art" not in changes:
            changes["title_art"] = changes["title_art_on_dark"] = None
            self._untitled_art(data.key_lines["title"], str(title))
        changes["embargo"] = self._embargo(top)
        cast = self._cast(top)
        changes["cast"] = cast
        changes["crew"] = self._crew(top)
        filmmakers = self._filmmakers(top)  # their crew roles translated too
        changes["filmmakers"] = filmmakers
        changes["credits"] = self._credits(top)
        changes["festivals"] = self._festivals(top)
        changes["quotes"] = self._quotes(top)
        changes["releases"] = self._releases(top)
        changes["contacts"] = self._contacts(top)
        stills = tuple(self._people_in(s, cast) for s in self._stills(top))
        changes["stills"] = stills
        changes["rights"] = self._rights(top)
        if retitled:
            changes["cast"] = tuple(_retitled(m, kit.title, str(title)) for m in cast)
            changes["filmmakers"] = tuple(_retitled(f, kit.title, str(title)) for f in filmmakers)
        self._missing(changes, (*cast, *filmmakers), stills)
        return replace(kit, **changes)  # type: ignore[arg-type]

    # -- what a translation lacks ------------------------------------------------------------

    def _missing(
        self,
        changes: dict[str, object],
        people: tuple[CastMember | Filmmaker, ...],
        stills: tuple[Still, ...],
    ) -> None:
        """A warning for each text kit.yaml has that the translation does not."""
        kit = self.kit
        for key in ("logline", *PROSE_KEYS):
            if getattr(kit, key) is not None and key not in changes:
                self._warn_missing(key, self._where(key, getattr(kit, key)))
        for key in ("title", "colour", "copyright_line", *LIST_KEYS):
            if getattr(kit, key) and key not in changes:  # a title the same in both: say so
                self._warn_missing(key, self._where(key, None))
        billing = kit.billing_block
        if billing is not None and billing.text and "billing_block" not in changes:
            self._warn_missing("billing_block", self._where("billing_block", None))
        rights = changes.get("rights", kit.rights)
        if kit.rights.usage and getattr(rights, "usage", None) == kit.rights.usage:
            self._warn_missing("rights.usage", self._where("rights.usage", None))
        embargo = changes.get("embargo", kit.embargo)
        if kit.embargo is not None and kit.embargo.text and embargo == kit.embargo:
            self._warn_missing("embargo.text", self._where("embargo.text", None))
        cast_count = len(kit.cast)
        own_people: tuple[CastMember | Filmmaker, ...] = (*kit.cast, *kit.filmmakers)
        pairs = zip(own_people, people, strict=True)
        for i, (own, translation) in enumerate(pairs):
            if own.profile.bio is not None and translation.profile.bio is own.profile.bio:
                key = f"cast[{i}].bio" if i < cast_count else f"filmmakers[{i - cast_count}].bio"
                self._warn_missing(key, self._where(key, own.profile.bio))
        for i, (still, translated) in enumerate(zip(kit.stills, stills, strict=True)):
            if still.description and translated.description == still.description:
                self._warn_missing(f"stills[{i}].description", f"{kit.source.name}:{still.line}")

    def _untitled_art(self, line: int, title: str) -> None:
        """A warning: the translated title is set as type, not kit.yaml's logotype of the
        title in another language."""
        art, root = self.kit.title_art, self.kit.root.resolve()
        file = art.file if art is not None else root
        shown = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.name
        message = (
            f"translated, but no title_art: the {language_name(self.tag)} cover sets '{title}' "
            f"as type, not kit.yaml's title art of '{self.kit.title}' ({shown}); give this "
            "language's logotype as title_art (or kit.yaml's file, to keep it)"
        )
        self.checker.warn(line, "title", message)

    def _where(self, key: str, value: object) -> str:
        if isinstance(value, Prose) and value.source != self.kit.source.name:
            root = self.kit.root.resolve()
            if value.file is not None and value.file.is_relative_to(root):
                return value.file.relative_to(root).as_posix()  # bios/maren-oduya.md
            return value.source
        line = self.kit.line_of(key) or self.kit.line_of(key.partition(".")[0])
        return self.kit.source.name if line is None else f"{self.kit.source.name}:{line}"

    def _warn_missing(self, key: str, where: str) -> None:
        message = (
            f"no {key} ({where} has one): the {language_name(self.tag)} press kit prints it in "
            f"{language_name(self.kit.language)}"
        )
        self.checker.issues.append(Issue(self.checker.label, None, "", message, "warning"))

    # -- lists matched by a key --------------------------------------------------------------

    def _unknown(self, entry: Obj, key: str, written: str, known: list[str], what: str) -> None:
        close = difflib.get_close_matches(written, known, n=1, cutoff=0.6)
        tip = f" (did you mean '{close[0]}'?)" if close else ""
        self.checker.error(
            entry.line_of(key), entry.sub(key), f"no {what} '{written}' in kit.yaml{tip}"
        )

    def _cast(self, top: Obj) -> tuple[CastMember, ...]:
        members = {m.id: m for m in self.kit.cast}
        for i, value in top.items("cast"):
            entry = self.checker.obj(value, f"cast[{i}]", CAST)
            if entry is None:
                continue
            cast_id = entry.text("id", required=True)
            if cast_id is None:
                continue
            if cast_id not in members:
                self._unknown(entry, "id", cast_id, list(members), "cast id")
                continue
            member = members[cast_id]
            profile = _profile(member.profile, read_profile(entry, self.kit.root, self.checker))
            character = entry.text("character") or member.character
            members[cast_id] = replace(member, character=character, profile=profile)
        return tuple(members.values())

    def _filmmakers(self, top: Obj) -> tuple[Filmmaker, ...]:
        people = [  # a list: one person may be named twice, for two roles
            replace(f, role=self.roles[f.role], kit_role=f.role) if f.role in self.roles else f
            for f in self.kit.filmmakers
        ]
        names = [f.name for f in people]
        for i, value in top.items("filmmakers"):
            entry = self.checker.obj(value, f"filmmakers[{i}]", FILMMAKER)
            if entry is None:
                continue
            name = entry.text("name", required=True)
            if name is None:
                continue
            if name not in names:
                self._unknown(entry, "name", name, names, "filmmaker")
                continue
            bio = read_profile(entry, self.kit.root, self.checker)
            role = entry.text("role")
            people = [
                self._filmmaker(person, bio, role) if person.name == name else person
                for person in people
            ]
        return tuple(people)

    @staticmethod
    def _filmmaker(person: Filmmaker, translated: Profile, role: str | None) -> Filmmaker:
        profile = _profile(person.profile, translated)
        if role is None:
            return replace(person, profile=profile)
        return replace(person, profile=profile, role=role, kit_role=person.kit_role or person.role)

    def _crew(self, top: Obj) -> tuple[CrewCredit, ...]:
        value = top.get("crew")
        crew = self.kit.crew
        if value is None:
            return crew
        if not isinstance(value, Mapping):
            self.checker.error(value.line, "crew", "expected a mapping of kit.yaml's role: role")
            return crew
        roles = Obj(self.checker, value, "crew", dict.fromkeys(value.order, ""))
        known = [credit.role for credit in crew]
        translated: dict[str, str] = {}
        for role in value.order:
            if role not in known:
                self._unknown(roles, role, role, known, "crew role")
            elif (text := roles.text(role)) is not None:
                translated[role] = text
        self.roles = translated
        return tuple(
            replace(c, role=translated[c.role], kit_role=c.role) if c.role in translated else c
            for c in crew
        )

    def _stills(self, top: Obj) -> tuple[Still, ...]:
        stills = list(self.kit.stills)  # a file kit.yaml lists twice is translated twice
        files = {s.file for s in stills}
        for i, value in top.items("stills"):
            entry = self.checker.obj(value, f"stills[{i}]", STILL)
            if entry is None:
                continue
            written = entry.text("file", required=True)
            if written is None:
                continue
            path, problem = resolve_in_kit(self.kit.root, written)
            if path is None or path not in files:
                listed = [
                    s.file.relative_to(self.kit.root.resolve()).as_posix()
                    for s in self.kit.stills
                    if s.file.is_relative_to(self.kit.root.resolve())
                ]
                if problem is None:
                    problem = f"'{written}' is not one of kit.yaml's stills"
                close = difflib.get_close_matches(written, listed, n=1, cutoff=0.6)
                tip = (
                    f" (did you mean '{close[0]}'?)"
                    if close and "did you mean" not in problem
                    else ""
                )
                self.checker.error(entry.line_of("file"), entry.sub("file"), problem + tip)
                continue
            description, alt = entry.text("description"), entry.text("alt")
            stills = [
                replace(s, description=description or s.description, alt=alt or s.alt)
                if s.file == path
                else s
                for s in stills
            ]
        return tuple(stills)

    def _people_in(self, still: Still, cast: tuple[CastMember, ...]) -> Still:
        """``still`` naming its people by their translated characters and crew roles."""
        characters = {m.id: m.character for m in cast}
        people = []
        for person in still.people:
            if person.cast_id in characters and person.character:
                person = replace(person, character=characters[person.cast_id])
            elif person.on_set and person.role and not person.cast_id:
                kit_role = next((r for r in self.roles if r.lower() == person.role), None)
                if kit_role is not None:
                    person = replace(person, role=self.roles[kit_role].lower())
            people.append(person)
        return replace(still, people=tuple(people))

    # -- lists matched by position -----------------------------------------------------------

    def _entries(self, top: Obj, key: str, known: dict[str, str], count: int) -> list[Obj | None]:
        """The overlay's entries of ``key``, one per kit.yaml entry (None where not given)."""
        found: list[Obj | None] = [None] * count
        for i, value in top.items(key):
            entry = self.checker.obj(value, f"{key}[{i}]", known)
            if entry is None:
                continue
            if i >= count:
                entries = "1 entry" if count == 1 else f"{count} entries"
                message = (
                    f"kit.yaml's {key} has {entries}: no entry {i + 1} to translate (they are "
                    "matched by position)"
                )
                self.checker.error(entry.line, entry.path, message)
                continue
            found[i] = entry
        return found

    def _credits(self, top: Obj) -> tuple[CrewCredit, ...]:
        credits = self.kit.credits
        entries = self._entries(top, "credits", CREDIT, len(credits))
        return tuple(
            replace(c, role=(e.text("role") if e else None) or c.role)
            for c, e in zip(credits, entries, strict=True)
        )

    def _festivals(self, top: Obj) -> tuple[Festival, ...]:
        festivals = self.kit.festivals
        entries = self._entries(top, "festivals", FESTIVAL, len(festivals))
        return tuple(
            f
            if e is None
            else replace(
                f, section=e.text("section") or f.section, award=e.text("award") or f.award
            )
            for f, e in zip(festivals, entries, strict=True)
        )

    def _quotes(self, top: Obj) -> tuple[Quote, ...]:
        quotes = self.kit.quotes
        entries = self._entries(top, "quotes", QUOTE, len(quotes))
        out = []
        for quote, entry in zip(quotes, entries, strict=True):
            text = entry.text("text") if entry else None
            out.append(replace(quote, text=without_outer_quotes(text)) if text else quote)
        return tuple(out)

    def _releases(self, top: Obj) -> tuple[Release, ...]:
        releases = self.kit.releases
        entries = self._entries(top, "release_dates", RELEASE, len(releases))
        return tuple(
            r
            if e is None
            else replace(
                r, territory=e.text("territory") or r.territory, window=e.text("window") or r.window
            )
            for r, e in zip(releases, entries, strict=True)
        )

    def _contacts(self, top: Obj) -> tuple[Contact, ...]:
        contacts = self.kit.contacts  # in the order they print, which is not kit.yaml's
        entries = self._entries(top, "contacts", CONTACT, len(contacts))
        in_yaml_order = sorted(contacts, key=lambda c: c.position)  # what the overlay follows
        roles = {
            id(c): (e.text("role") if e else None) or c.role
            for c, e in zip(in_yaml_order, entries, strict=True)
        }
        return tuple(replace(c, role=roles[id(c)]) for c in contacts)

    # -- single mappings ---------------------------------------------------------------------

    def _rights(self, top: Obj) -> object:
        value, rights = top.get("rights"), self.kit.rights
        entry = None if value is None else self.checker.obj(value, "rights", RIGHTS)
        if entry is None:
            return rights
        usage, courtesy = entry.text("usage"), entry.text("courtesy")
        return replace(rights, usage=usage or rights.usage, courtesy=courtesy or rights.courtesy)

    def _embargo(self, top: Obj) -> object:
        value, embargo = top.get("embargo"), self.kit.embargo
        entry = None if value is None else self.checker.obj(value, "embargo", EMBARGO)
        if entry is None:
            return embargo
        if embargo is None:
            message = "kit.yaml has no embargo: its moment (until) is set there, then translated"
            self.checker.error(entry.line, "embargo", message)
            return None
        text = entry.text("text")
        return replace(embargo, text=text) if text else embargo


def _retitled(person: Person, own: str, translated: str) -> Person:
    """``person`` with the film's own title in their filmography translated: "The Last Lock"
    is "La Dernière Écluse" in the French kit, as the cast's translated entries say."""
    films = person.profile.filmography
    if not any(f.title.casefold() == own.casefold() for f in films):
        return person
    retitled: tuple[FilmCredit, ...] = tuple(
        replace(f, title=translated) if f.title.casefold() == own.casefold() else f for f in films
    )
    return replace(person, profile=replace(person.profile, filmography=retitled))


def _profile(kit_own: Profile, translated: Profile) -> Profile:
    """A person's profile with the translated bio and filmography, the portrait kept."""
    return Profile(
        translated.bio or kit_own.bio,
        translated.filmography or kit_own.filmography,
        translated.filmography_text or kit_own.filmography_text,
        kit_own.photo,
    )
