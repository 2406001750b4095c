"""Read the press-notes sections of a press page: the interview, the production notes, the
biographies under ABOUT THE CAST and ABOUT THE FILMMAKERS, and credits in end-credit form.

    INTERVIEW                          PRODUCTION NOTES        ABOUT THE CAST
    Interview by Jane Doe              Development             MAREN ODUYA (Nell)
    Q: Where did it begin?             It began on a towpath.  Maren Oduya trained at ...
    A: On a towpath.                   “A lock is a promise.”  Selected filmography
                                       — Hester Vale           2021 Salt Roads (dir. Omar Reyes)
    CREDITS / END CREDITS
    Directed by: Hester Vale           (or a role line ending in 'by', then its names)

Prose becomes Markdown a kit can print: a paragraph a line, a short line without final
punctuation that opens a chapter of the production notes as a `##` heading, a line quoted
whole (with its '— Name' line) as a `>` pull quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .press_page import CREW_WORDS, PageLine

_END = tuple(".!?:;,…\"'”’)")
_QUOTED = re.compile(r"[“\"].+[”\"]")
_ATTRIBUTION = re.compile(r"[—–-]\s*\S.*")
_INTERVIEWER = re.compile(r"(?:an\s+)?interview(?:ed)?\s+(?:conducted\s+)?by\s+(.+?)\.?", re.I)
_FILMOGRAPHY = re.compile(r"(?:selected\s+)?filmography\s*:?", re.I)
_WORK = re.compile(r"((?:18|19|20)\d\d)\s*(?:[–—:-]\s*|\s)(.+)")
_DIRECTED = (
    re.compile(r"(.+?)\s*\((?:dir\.?|directed by)\s*([^()]+)\)", re.I),
    re.compile(r"(.+?),\s*(?:dir\.?|directed by)\s+(.+)", re.I),
    re.compile(r"(.+?)\s+[–—]\s+(?:dir\.?\s+|directed by\s+)?(.+)", re.I),
)
_PERSON = (
    re.compile(r"(.+?)\s*\(([^()]+)\)"),
    re.compile(r"(.+?)\s+(?:is|as)\s+(.+)"),
    re.compile(r"(.+?)\s+[–—]\s+(.+)"),
    re.compile(r"(.+?),\s+(.+)"),
)
_CREDIT = re.compile(r"([^:\t…]{2,60}?)(?:\s*:\s*|\t+\s*|\s{2,}|\s*\.{3,}\s*|\s*…\s*)(\S.*)")
_COMPANY_ENDS = re.compile(r"(?:inc|ltd|llc|co|corp|gmbh|s\.?a|s\.?l\.?u?|b\.?v|plc)\.?", re.I)


@dataclass
class Bio:
    """One person's biography: the heading line that names them, as it is read."""

    heading: PageLine
    name: str
    part: str | None  # the character (cast) or the role (filmmakers) the heading gives
    known: bool  # the page names this person elsewhere (cast list, crew, captions)
    paragraphs: list[PageLine] = field(default_factory=list)
    filmography: list[PageLine] = field(default_factory=list)


@dataclass(frozen=True)
class CreditBlock:
    line: PageLine
    role: str
    names: tuple[str, ...]


def interview_markdown(lines: list[PageLine]) -> tuple[str, str | None]:
    """The interview as Markdown, and who asked when a line says 'Interview by …'."""
    interviewer = None
    paragraphs: list[str] = []
    for line in lines:
        found = _INTERVIEWER.fullmatch(line.text)
        if found and interviewer is None and not paragraphs:
            interviewer = found.group(1).strip()
            continue
        paragraphs.append(line.text)
    return _markdown(paragraphs), interviewer


def chapters_markdown(lines: list[PageLine]) -> str:
    """Production notes as Markdown: chapter headings, paragraphs and pull quotes."""
    blocks: list[str] = []
    for index, line in enumerate(lines):
        text = line.text
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if _QUOTED.fullmatch(text):
            blocks.append(f"> {text}")
        elif _ATTRIBUTION.fullmatch(text) and blocks and blocks[-1].startswith("> "):
            blocks[-1] += f"\n>\n> {text}"
        elif _is_heading(text) and following and not _is_heading(following):
            blocks.append(f"## {text}")
        else:
            blocks.append(text)
    return _markdown(blocks)


def _is_heading(text: str) -> bool:
    return len(text) <= 60 and not text.endswith(_END) and not text.startswith(("“", '"'))


def _markdown(blocks: list[str]) -> str:
    return "\n\n".join(blocks) + "\n" if blocks else ""


def read_bios(lines: list[PageLine], known: set[str]) -> tuple[list[Bio], list[PageLine]]:
    """The biographies in a section, and the lines before the first one (not placed)."""
    bios: list[Bio] = []
    before: list[PageLine] = []
    in_filmography = False
    for line in lines:
        person = _person_heading(line, known)
        if person is not None:
            bios.append(person)
            in_filmography = False
        elif not bios:
            before.append(line)
        elif _FILMOGRAPHY.fullmatch(line.text):
            in_filmography = True
        elif in_filmography:
            bios[-1].filmography.append(line)
        else:
            bios[-1].paragraphs.append(line)
    return bios, before


def _person_heading(line: PageLine, known: set[str]) -> Bio | None:
    text = line.text
    if len(text) > 80 or text.endswith(".") or _WORK.fullmatch(text):
        return None
    if _fold(text) in known:
        return Bio(line, text, None, True)
    for form in _PERSON:
        found = form.fullmatch(text)
        if found is None:
            continue
        name, part = found.group(1).strip(), found.group(2).strip()
        if _fold(name) in known or _looks_like_name(name):
            return Bio(line, name, part, _fold(name) in known)
    return Bio(line, text, None, False) if _looks_like_name(text) else None


def _looks_like_name(text: str) -> bool:
    """A name the page gives nowhere else counts when set in capitals, as headings are."""
    return 1 < len(text.split()) <= 5 and _is_capitals(text)


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def spelt_from_capitals(name: str) -> str:
    """'MAREN ODUYA-BRASK' as 'Maren Oduya-Brask' (a guess, which the caller reports)."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), name)


def filmography_entries(lines: list[PageLine]) -> list[dict[str, str]] | None:
    """``[{year, title, director}]`` when every line reads as 'YEAR Title (dir. Name)',
    else None (the caller keeps the lines as Markdown)."""
    entries = []
    for line in lines:
        found = _WORK.fullmatch(line.text)
        if found is None:
            return None
        entry = {"year": found.group(1), "title": found.group(2).strip()}
        for form in _DIRECTED:
            directed = form.fullmatch(entry["title"])
            if directed:
                entry["title"], entry["director"] = directed.group(1), directed.group(2).strip()
                break
        entries.append(entry)
    return entries


def credit_line(line: PageLine) -> CreditBlock | None:
    """'Directed by: Hester Vale', 'Music … Cora Lind', 'Producers<tab>A, B' as a block."""
    found = _CREDIT.fullmatch(line.text)
    if found is None:
        return None
    return CreditBlock(line, found.group(1).strip(), split_names(found.group(2)))


def split_names(text: str) -> tuple[str, ...]:
    """Names separated by ',' or ';', keeping 'Lockside Pictures, Inc.' whole."""
    names: list[str] = []
    for part in re.split(r"\s*[,;]\s*", text.strip()):
        if names and _COMPANY_ENDS.fullmatch(part):
            names[-1] += f", {part}"
        elif part:
            names.append(part)
    return tuple(names)


def end_credits(lines: list[PageLine]) -> tuple[list[CreditBlock], list[PageLine]]:
    """Credits in end-credit order: 'Role: names' lines, or a role line ('Music by',
    'Editor') followed by one name a line. Returns the blocks and the lines it cannot place."""
    blocks: list[CreditBlock] = []
    unplaced: list[PageLine] = []
    role: PageLine | None = None
    names: list[str] = []

    def close() -> None:
        if role is not None:
            if names:
                blocks.append(CreditBlock(role, role.text.rstrip(":").strip(), tuple(names)))
            else:
                unplaced.append(role)

    for line in lines:
        if _is_role(line.text):
            close()
            role, names = line, []
        elif (block := credit_line(line)) is not None:
            close()
            role = None
            blocks.append(block)
        elif role is not None:
            names.extend(split_names(line.text))
        else:
            unplaced.append(line)
    close()
    return blocks, unplaced


def _is_role(text: str) -> bool:
    key = " ".join(text.casefold().rstrip(":").split())
    return (key.endswith(" by") and len(text) <= 40) or key in CREW_WORDS
