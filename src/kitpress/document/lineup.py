"""The line-up: a sales company's titles for one market, each as its composed press document.

What a catalogue-level output (the line-up catalogue PDF) reads, as the press kit's outputs
read a `PressDocument`: no file, no page, no format.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from ..kit.model import Contact
from ..layout.model import Layout
from .model import PressDocument


@dataclass(frozen=True)
class Company:
    """Who presents the line-up: its name, logo and contacts."""

    name: str
    logo: Path | None = None
    contacts: tuple[Contact, ...] = ()
    url: str | None = None


@dataclass(frozen=True)
class Title:
    document: PressDocument
    status: str | None = None  # "Completed", "In post-production"… as the catalogue says


@dataclass(frozen=True)
class Lineup:
    market: str  # "Marché du Film 2026"
    market_date: datetime.date | None
    company: Company
    titles: tuple[Title, ...]  # in the catalogue's order
    layout: Layout
    slug: str  # the catalogue's name in file names
    source_label: str = "catalog.yaml"  # how messages name the catalogue file

    @property
    def dated(self) -> datetime.datetime:
        """When the line-up last changed: its newest title's date (the PDF's own date)."""
        return max(t.document.dated for t in self.titles)

    @property
    def name(self) -> str:
        return f"{self.slug}_line-up"
