"""Typewriter quotes and punctuation as a typesetter sets them, by the rules of the document's
language.

A `"` or `'` opens after a space, an opening bracket or a dash and at the start, and closes
everywhere else; an apostrophe inside a word (don't, Almodóvar's, l'amour) is ’, and in
English so is one before a year's digits (’70s) or an elision (’em, ’tis). The marks are the
language's own press usage:

- English “…” and ‘…’;
- French «…» with a narrow no-break space (U+202F) inside, “…” within them, ' only as the
  apostrophe; and a narrow no-break space before ; ! ? and a no-break space before :
  (typed or not, a word space there becomes the unbreakable one);
- German „…“ and ‚…‘;
- Spanish and Italian «…», with “…” within them;
- Portuguese “…” and ‘…’ (the form Brazilian and most Portuguese papers print).

Text between backticks (a code span) and HTML entities are left as typed. Any output that
sets words for a reader (the PDF's paragraphs, a web page) takes them from here; data meant
to be copied (embedded captions, caption sheets) keeps them as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NNBSP = "\u202f"  # narrow no-break space: inside French quotes, before ; ! ?
NBSP = "\u00a0"  # no-break space: before a French colon
OPENERS = frozenset(" \t\n\u00a0\u202f([{\u2014\u2013-/\u2018\u201c\u201e\u201a\u00ab")
ELISIONS = re.compile(r"(?:em|tis|twas|til|cause|n)\b", re.I)  # 'em, 'tis, rock 'n' roll
_VERBATIM = re.compile(r"(`[^`]*`|&#?[0-9A-Za-z]+;)")  # code spans and entities
_SPACES = " \t\u00a0\u202f"


@dataclass(frozen=True)
class Marks:
    """A language's quotation marks: the outer pair, the pair within it, the single pair."""

    open: str
    close: str
    inner_open: str
    inner_close: str
    single_open: str = "\u2018"
    single_close: str = "\u2019"
    inside: str = ""  # the space set inside the outer pair
    nests: bool = False  # a `"` within a `"` takes the inner pair
    single_quotes: bool = True  # False: a `'` is always an apostrophe


ENGLISH = Marks("\u201c", "\u201d", "\u2018", "\u2019")
MARKS = {
    "en": ENGLISH,
    "fr": Marks(
        "\u00ab", "\u00bb", "\u201c", "\u201d", inside=NNBSP, nests=True, single_quotes=False
    ),
    "de": Marks("\u201e", "\u201c", "\u201a", "\u2018", "\u201a", "\u2018"),
    "es": Marks("\u00ab", "\u00bb", "\u201c", "\u201d", nests=True),
    "it": Marks("\u00ab", "\u00bb", "\u201c", "\u201d", nests=True),
    "pt": Marks("\u201c", "\u201d", "\u2018", "\u2019"),
}
FRENCH_SPACE_BEFORE = {";": NNBSP, "!": NNBSP, "?": NNBSP, ":": NBSP}
# A French ; ! ? : after a word (or a closing mark) and before a space, a closing mark or
# the end: not a URL's "://", a time's "10:30" or a query's "?q=".
_FRENCH_PUNCTUATION = re.compile(
    r"(?<=[\w\u00bb\u201d)\]…%])[ \u00a0\u202f]*([;!?:])(?=[\s\u00bb\u201d)\]]|$)"
)


def marks_for(language: str) -> Marks | None:
    """The quotation marks of ``language`` (a BCP 47 tag); None where kitpress knows none,
    and the text is left as typed."""
    return MARKS.get(language.replace("_", "-").split("-")[0].lower())


def curly_quotes(text: str, language: str = "en", before: str = "") -> str:
    """``text`` with its typewriter quotes set as typographic ones, and in French its
    punctuation spaced; ``before`` is the text just before it (the end of the previous run of
    a paragraph), which decides whether a quote at its very start opens or closes."""
    marks = marks_for(language)
    french = marks is not None and marks.inside == NNBSP
    if marks is None or not (french or '"' in text or "'" in text):
        return text
    out: list[str] = []
    for index, part in enumerate(_VERBATIM.split(text)):
        if index % 2:  # a code span or an entity
            out.append(part)
            continue
        part = _quotes(part, (before + "".join(out))[-1:], marks)
        out.append(_french_spacing(part) if french else part)
    return "".join(out)


def _quotes(text: str, before: str, marks: Marks) -> str:
    out: list[str] = []
    depth = 0  # the double quotes open so far, for the nesting languages
    for i, char in enumerate(text):
        if char not in "'\"":
            out.append(char)
            continue
        prev = text[i - 1] if i else before
        nxt = text[i + 1] if i + 1 < len(text) else ""
        opens = not prev or prev in OPENERS
        if char == '"':
            out.append(_double(out, opens, depth, marks))
            depth = depth + 1 if opens else max(depth - 1, 0)
        elif (prev.isalnum() and nxt.isalnum()) or not marks.single_quotes:
            out.append("\u2019")  # inside a word: don't, Almodóvar's, l'amour
        elif opens and marks is ENGLISH and (nxt.isdigit() or ELISIONS.match(text, i + 1)):
            out.append("\u2019")  # ’70s, ’em: an apostrophe, though it starts the word
        else:
            out.append(marks.single_open if opens else marks.single_close)
    return _inside_spaces("".join(out), marks)


def _double(out: list[str], opens: bool, depth: int, marks: Marks) -> str:
    inner = marks.nests and (depth >= 1 if opens else depth >= 2)
    if inner:
        return marks.inner_open if opens else marks.inner_close
    return marks.open if opens else marks.close


def _inside_spaces(text: str, marks: Marks) -> str:
    """The outer marks with the language's space inside them, whether typed or not, and
    whether the marks were typed as such or made from `"`."""
    if not marks.inside:
        return text
    text = re.sub(f"{marks.open}[{_SPACES}]*", marks.open + marks.inside, text)
    return re.sub(f"[{_SPACES}]*{marks.close}", marks.inside + marks.close, text)


def _french_spacing(text: str) -> str:
    return _FRENCH_PUNCTUATION.sub(lambda m: FRENCH_SPACE_BEFORE[m.group(1)] + m.group(1), text)


def quotation(text: str, language: str) -> str:
    """``text`` between ``language``'s outer quotation marks, as a quote from the press is
    printed: “Masterful.”, «\u202fMagistral.\u202f», „Meisterhaft.“ (English's where kitpress
    knows none)."""
    marks = marks_for(language) or ENGLISH
    return f"{marks.open}{marks.inside}{text}{marks.inside}{marks.close}"
