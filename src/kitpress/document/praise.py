"""Which press quote leads: the one marked `hero`, else the first. Every output sets the lead
quote first and larger (the PDF's press page, the cover's one quote)."""

from __future__ import annotations

from ..kit.model import Quote


def lead_quote(quotes: tuple[Quote, ...]) -> Quote:
    """The quote that leads: the first marked `hero`, else the first."""
    return next((q for q in quotes if q.hero), quotes[0])


def in_order(quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """The lead quote first, the others as the kit lists them."""
    lead = lead_quote(quotes)
    return (lead, *(q for q in quotes if q is not lead))
