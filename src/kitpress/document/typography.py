"""Typewriter quotes as a typesetter sets them, by the rules of the document's language.

English: `"` and `'` open after a space, an opening bracket or a dash and at the start, and
close everywhere else; an apostrophe inside a word (don't, Almodóvar's) or before a year's
digits (’70s) or an elision (’em, ’tis) is ’. Text between backticks (a code span) is left
as typed. Any output that sets words for a reader (the PDF's paragraphs, a web page) takes
them from here; data meant to be copied (embedded captions, caption sheets) keeps them as
typed.
"""

from __future__ import annotations

import re

OPENERS = frozenset(" \t\n\u00a0([{\u2014\u2013-/\u2018\u201c")  # a quote after these opens
ELISIONS = re.compile(r"(?:em|tis|twas|til|cause|n)\b", re.I)  # 'em, 'tis, rock 'n' roll
_CODE = re.compile(r"(`[^`]*`)")


def curly_quotes(text: str, language: str = "en", before: str = "") -> str:
    """``text`` with its typewriter quotes set as typographic ones; ``before`` is the text
    just before it (the end of the previous run of a paragraph), which decides whether a
    quote at its very start opens or closes. Languages other than English are left as
    typed until their rules are added."""
    if not language.lower().startswith("en") or ('"' not in text and "'" not in text):
        return text
    out: list[str] = []
    for index, part in enumerate(_CODE.split(text)):
        if index % 2:  # a code span
            out.append(part)
            continue
        out.append(_english(part, (before + "".join(out))[-1:]))
    return "".join(out)


def _english(text: str, before: str) -> str:
    chars = list(text)
    for i, char in enumerate(chars):
        if char not in "'\"":
            continue
        prev = chars[i - 1] if i else before
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        opens = not prev or prev in OPENERS
        if char == '"':
            chars[i] = "\u201c" if opens else "\u201d"
        elif prev.isalnum() and nxt.isalnum():
            chars[i] = "\u2019"  # inside a word: don't, Almodóvar's, rock'n'roll
        elif opens and (nxt.isdigit() or ELISIONS.match(text, i + 1)):
            chars[i] = "\u2019"  # ’70s, ’em: an apostrophe, though it starts the word
        else:
            chars[i] = "\u2018" if opens else "\u2019"
    return "".join(chars)
