"""Turn what was read from a press page into kit data: film facts, cast and crew, rights
defaults with per-still overrides, and one still entry per caption paired with a still file.

Every caption is checked by composing it back in the house style: a line that comes out
differently is reported with what changed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..document.captions import caption_text, rights_line
from ..errors import Issue
from ..kit import fields
from ..kit.model import Rights, Still
from ..layout.caption_style import CaptionStyle
from .caption_parser import ParsedCaption, WrittenRights, fold_title, parse_caption
from .facts import PageFacts
from .kit_writer import Commented, Node, Raw
from .notes_plan import NOTES_KEYS, NotesPlan
from .people import CastBook, Mention, spelling_warnings
from .press_page import PressPage
from .stills_folder import pairing_warning

RIGHTS_KEYS = ("copyright", "photographer", "courtesy")
PROSE_FILES = {
    "synopsis": "synopsis.md",
    "long_synopsis": "long-synopsis.md",
    "directors_statement": "directors-statement.md",
}
_MARKDOWN = re.compile(r"[*_`]|\[[^\]]*\]\(|^\s*(?:[-+]|\d+[.)])\s")


@dataclass
class KitPlan:
    data: dict[str, Node] = field(default_factory=dict)
    footer: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    warnings: list[Issue] = field(default_factory=list)
    cast: int = 0


def plan_kit(
    page: PressPage, facts: PageFacts, images: list[Path], folder: Path, territory: str | None
) -> KitPlan:
    plan = KitPlan(warnings=list(facts.warnings))
    title, original = choose_title(page, facts)
    plan.data = {"title": title, **({"original_title": original} if original else {})}
    plan.data.update(facts.details)
    _releases(facts, territory, plan, page.label)
    _prose(facts, plan, page.label)
    captions = _captions(facts, title, page, len(images))
    notes = NotesPlan(facts, [p.name for c in captions for p in c.people], page.label)
    book = CastBook(notes.cast_with_bios(), facts.crew, page.label)
    book.learn(captions)
    cast = book.nodes()
    notes.add_to_cast(cast)
    plan.data["cast"], plan.data["crew"] = cast, book.crew_node()
    plan.cast = len(book.entries)
    notes.add_notes()
    plan.data.update(notes.data)
    plan.files.update(notes.files)
    plan.warnings += notes.warnings
    _stills(captions, images, book, title, plan, page.label)
    plan.warnings += book.warnings + spelling_warnings(page.label, _mentions(facts, captions))
    _unread(facts, captions, images, folder, plan, page.label)
    order = [*fields.TOP, *(key for key in NOTES_KEYS if key not in fields.TOP)]
    plan.data = {k: v for k, v in sorted(plan.data.items(), key=lambda kv: order.index(kv[0])) if v}
    plan.warnings.sort(key=lambda issue: (issue.line is None, issue.line or 0))
    return plan


def choose_title(page: PressPage, facts: PageFacts) -> tuple[str, str | None]:
    """'Dogtooth (Κυνόδοντας)' is the title and the original title, unless the captions
    print the whole line as the title."""
    written = page.title.text
    given = facts.details.pop("original_title", None)
    original = given if isinstance(given, str) else None
    found = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", written)
    if found is None or _captions_print(written, facts):
        return written, original
    return found.group(1), original or found.group(2)


def _captions_print(written: str, facts: PageFacts) -> bool:
    whole = fold_title(written)
    titles = (
        parse_caption(line, written, (written,), frozenset()).title for line in facts.captions
    )
    return any(title is not None and fold_title(title) == whole for title in titles)


def _captions(facts: PageFacts, title: str, page: PressPage, count: int) -> list[ParsedCaption]:
    """The captions that have a still, parsed knowing every name the page mentions."""
    titles = (title, page.title.text)
    paired = facts.captions[:count]
    first = [parse_caption(line, title, titles, frozenset()) for line in paired]
    known = {c.name for c in facts.cast} | {c.name for names in facts.crew.values() for c in names}
    known |= {p.name for caption in first for p in caption.people if p.character or p.as_self}
    return [parse_caption(line, title, titles, frozenset(known)) for line in paired]


def _stills(
    captions: list[ParsedCaption],
    images: list[Path],
    book: CastBook,
    title: str,
    plan: KitPlan,
    label: str,
) -> None:
    entries: list[Node] = []
    written: list[WrittenRights] = []
    for index, (caption, image) in enumerate(zip(captions, images, strict=False)):
        entry, notes = _entry(caption, image, book, title)
        path = f"stills[{index}]"
        plan.warnings += [Issue(label, caption.line.number, path, n, "warning") for n in notes]
        entries.append(Commented(f"page line {caption.line.number}: {caption.line.text}", entry))
        written.append(caption.rights)
    entries += [{"file": f"stills/{image.name}"} for image in images[len(captions) :]]
    defaults, overrides = split_rights(written)
    for item, override in zip(entries, overrides, strict=False):
        if override and isinstance(item, Commented) and isinstance(item.value, dict):
            item.value["rights"] = dict(override)
    plan.data["rights"] = dict(defaults)
    plan.data["stills"] = entries


def _entry(
    caption: ParsedCaption, image: Path, book: CastBook, title: str
) -> tuple[dict[str, Node], list[str]]:
    resolved = [book.resolve(person) for person in caption.people]
    entry: dict[str, Node] = {"file": f"stills/{image.name}"}
    if resolved:
        entry["people"] = [r.node for r in resolved]
    if caption.description:
        entry["description"] = caption.description
    notes = list(caption.notes)
    notes[1:1] = [r.note for r in resolved if r.note]
    people = tuple(r.person for r in resolved)
    still = Still("x", 1, image, 0, people=people, description=caption.description)
    rights = Rights(**{key: getattr(caption.rights, key) for key in RIGHTS_KEYS})
    style = CaptionStyle()
    composed = f"{caption_text(still, title, style)} {rights_line(rights, style)}".strip()
    if composed != " ".join(caption.line.text.split()) and not notes:
        notes.append(f"rewritten in house style as '{composed}'")
    return entry, notes


def split_rights(
    written: list[WrittenRights],
) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Kit-level defaults (the most common value, where every still gives one) and what each
    still must override."""
    defaults: dict[str, str] = {}
    for key in RIGHTS_KEYS:
        values = [getattr(rights, key) for rights in written]
        if values and all(values):
            defaults[key] = Counter(values).most_common(1)[0][0]
    overrides = []
    for rights in written:
        own = {key: getattr(rights, key) for key in RIGHTS_KEYS if getattr(rights, key)}
        overrides.append({k: v for k, v in own.items() if defaults.get(k) != v})
    return defaults, overrides


def _mentions(facts: PageFacts, captions: list[ParsedCaption]) -> list[Mention]:
    found = [Mention(c.name, c.line.number, "cast") for c in facts.cast]
    found += [Mention(c.name, c.line.number, "crew") for n in facts.crew.values() for c in n]
    for index, caption in enumerate(captions):
        line, path = caption.line.number, f"stills[{index}]"
        found += [Mention(p.name, line, path) for p in caption.people]
        found += [Mention(p.character, line, path) for p in caption.people if p.character]
        rights = [getattr(caption.rights, key) for key in RIGHTS_KEYS]
        found += [Mention(value, line, path) for value in rights if value]
    return found


def _releases(facts: PageFacts, territory: str | None, plan: KitPlan, label: str) -> None:
    releases: list[Node] = []
    for release in facts.releases:
        date = release.date.isoformat()
        if territory:
            releases.append({"territory": territory, "window": release.window, "date": Raw(date)})
            continue
        plan.footer.append(f"line {release.line.number}: {release.window} release {date}")
        message = (
            f"the page does not say where the '{release.window}' release is; kept as a "
            "comment in kit.yaml (import with --territory to write it)"
        )
        plan.warnings.append(Issue(label, release.line.number, "release_dates", message, "warning"))
    plan.data["release_dates"] = releases


def _prose(facts: PageFacts, plan: KitPlan, label: str) -> None:
    for key, lines in facts.prose.items():
        for line in lines:
            if _MARKDOWN.search(line.text):
                message = "Markdown characters (* _ ` [ ] lists) format this text; check the kit"
                plan.warnings.append(Issue(label, line.number, key, message, "warning"))
        if key in PROSE_FILES:
            plan.files[PROSE_FILES[key]] = "\n\n".join(line.text for line in lines) + "\n"
            plan.data[key] = {"file": PROSE_FILES[key]}
        else:
            plan.data[key] = " ".join(line.text for line in lines)


def _unread(
    facts: PageFacts,
    captions: list[ParsedCaption],
    images: list[Path],
    folder: Path,
    plan: KitPlan,
    label: str,
) -> None:
    for left in facts.leftovers:
        plan.footer.append(f"line {left.line.number}: {left.line.text}")
        message = f"{left.reason}; kept as a comment at the end of kit.yaml"
        plan.warnings.append(Issue(label, left.line.number, "", message, "warning"))
    for line in facts.captions[len(captions) :]:
        plan.footer.append(f"line {line.number} (caption without a still): {line.text}")
    numbers = [line.number for line in facts.captions]
    mismatch = pairing_warning(label, folder, numbers, images)
    if mismatch:
        plan.warnings.append(mismatch)
