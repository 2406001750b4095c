"""A press quote as the layout sets it: without the quotation marks the user typed around it.

The layout adds its own marks, so `"A triumph."`, `“A triumph.”`, `«A triumph.»` and
`„Ein Triumph.“` must all come out as the bare words, or they print twice. Marks inside
the quote stay: `“Startling,” says one; “funny,” says the other.` is not one quotation.
"""

from __future__ import annotations

# Opening and closing marks in the common styles: English, German, Polish, Swedish, French,
# Swiss, Danish, Japanese and Chinese, straight and curly, double and single.
DOUBLE_OPENING = '"“”„«»「〝'
DOUBLE_CLOSING = '"”“«»」〞'
SINGLE_OPENING = "'‘’‚‹›『"
SINGLE_CLOSING = "'’‘‹›』"
_SPACES = " \u00a0\u202f\u2009"  # guillemets are often typed with (narrow) no-break spaces
_AFTER = ".!?…"  # 'the “best film”.' keeps its full stop


def without_outer_quotes(text: str) -> str:
    """``text`` without one pair of quotation marks around all of it, if it has them."""
    body = text.strip()
    stop = ""
    if len(body) > 2 and body[-1] in _AFTER and body[-2] in DOUBLE_CLOSING + SINGLE_CLOSING:
        body, stop = body[:-1], body[-1]
    if len(body) < 2:
        return text
    first, inner, last = body[0], body[1:-1], body[-1]
    if first in DOUBLE_OPENING and last in DOUBLE_CLOSING:
        enclosing = not any(mark in inner for mark in DOUBLE_OPENING + DOUBLE_CLOSING)
    elif first in SINGLE_OPENING and last in SINGLE_CLOSING:
        enclosing = not any(_is_quote_mark(inner, i) for i in range(len(inner)))
    else:
        enclosing = False
    if not enclosing or not inner.strip(_SPACES):
        return text
    inner = inner.strip(_SPACES)
    return inner + stop if stop and not inner.endswith(tuple(_AFTER)) else inner


def _is_quote_mark(text: str, at: int) -> bool:
    """A single mark at ``at`` that is not an apostrophe between two letters (it's, don't)."""
    if text[at] not in SINGLE_OPENING + SINGLE_CLOSING:
        return False
    between_letters = 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()
    return not between_letters
