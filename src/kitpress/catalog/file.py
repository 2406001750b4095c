"""Read catalog.yaml: the kits of a line-up, the layout and output folder they are built
with, the market, and the company presenting them; every problem at once, located."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..document.lineup import Company
from ..errors import InputError, Issue
from ..kit.files import resolve_in_kit
from ..kit.load import KIT_FILE
from ..kit.validate import read_contacts
from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Scalar
from ..reading.marked_yaml import load as load_yaml

CATALOG_FILE = "catalog.yaml"

TOP = {
    "market": "The market or festival the line-up is for, e.g. 'Marché du Film 2026'.",
    "date": "The market's first day, YYYY-MM-DD, printed on the cover.",
    "company": "The sales company or distributor presenting the line-up (required).",
    "logo": "The company's logo (PNG or JPEG), relative to catalog.yaml.",
    "url": "The company's web site (http or https).",
    "contacts": "The company's contacts: a list of {role, name, company, email, phone, url, "
    "address}.",
    "layout": "Layout name or folder for every kit and the catalogue [default: default].",
    "out": "Output folder, relative to catalog.yaml: each kit in a folder of its own under it, "
    "the line-up catalogue beside them [default: output].",
    "kits": "The titles, in the catalogue's order: a kit folder, or {kit, status}.",
}
ENTRY = {
    "kit": "The kit folder (or its kit.yaml), relative to catalog.yaml.",
    "status": "Where the film stands, e.g. 'Completed' or 'In post-production'.",
}


class CatalogError(InputError):
    """Problems in catalog.yaml."""


@dataclass(frozen=True)
class CatalogEntry:
    kit: Path  # the kit folder or kit.yaml, as the catalogue resolves it
    status: str | None = None


@dataclass(frozen=True)
class CatalogFile:
    source: Path
    market: str
    market_date: datetime.date | None
    company: Company
    layout: str
    out: Path
    entries: tuple[CatalogEntry, ...]


def load_catalog(path: Path) -> CatalogFile:
    """The validated catalogue file, or a `CatalogError` with every problem in it."""
    if path.is_dir():
        path = path / CATALOG_FILE
    label = path.name
    if not path.is_file():
        raise CatalogError([Issue(str(path), None, "", "no catalogue here: no such file")])
    data = load_yaml(path, label, CatalogError)
    checker = Checker(label)
    catalog = _catalog(checker, checker.obj(data, "", TOP), path.absolute())
    if checker.errors or catalog is None:
        raise CatalogError(checker.errors)
    return catalog


def _catalog(checker: Checker, top: Obj | None, source: Path) -> CatalogFile | None:
    if top is None:
        return None
    root = source.parent
    company = top.text("company", required=True)
    logo = _logo(top, root)
    contacts = read_contacts(top, checker)
    entries = _entries(top, root)
    if not entries and top.get("kits") is None:
        checker.error(top.line_of("kits"), "kits", "required: the kit folders of the line-up")
    layout = top.text("layout") or "default"  # a layout's name, or a folder beside the file
    if (root / layout).is_dir():
        layout = str(root / layout)
    return CatalogFile(
        source=source,
        market=top.text("market") or "",
        market_date=top.date("date", required=False),
        company=Company(company or "", logo, contacts, top.url("url")),
        layout=layout,
        out=root / (top.text("out") or "output"),
        entries=entries,
    )


def _logo(top: Obj, root: Path) -> Path | None:
    written = top.text("logo")
    if written is None:
        return None
    path, problem = resolve_in_kit(root, written)
    if problem:  # in the catalogue's words, not a kit's
        problem = problem.replace("relative to kit.yaml", f"relative to {CATALOG_FILE}")
        problem = problem.replace("the kit folder", "the catalogue's folder")
    if path is not None and problem is None:
        try:
            with Image.open(path) as image:
                image.verify()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            problem = f"'{written}' is not a picture kitpress can read (give a PNG or JPEG)"
    if problem:
        top.checker.error(top.line_of("logo"), "logo", problem)
        return None
    return path


def _entries(top: Obj, root: Path) -> tuple[CatalogEntry, ...]:
    found: list[CatalogEntry] = []
    seen: dict[Path, str] = {}
    for i, value in top.items("kits"):
        where = f"kits[{i}]"
        if isinstance(value, Scalar):
            written, status, line = value.text.strip(), None, value.line
        else:
            entry = top.checker.obj(value, where, ENTRY)
            if entry is None:
                continue
            written = entry.text("kit", required=True) or ""
            status, line = entry.text("status"), entry.line_of("kit")
            where = entry.sub("kit")
        if not written:
            continue
        kit = root / written
        if not (kit / KIT_FILE).is_file() and not (kit.is_file() and kit.suffix == ".yaml"):
            message = f"no kit at '{written}' (a folder with a {KIT_FILE})"
            top.checker.error(line, where, message)
            continue
        real = kit.resolve()
        if real in seen:
            top.checker.error(line, where, f"'{written}' is listed twice (first as {seen[real]})")
            continue
        seen[real] = where
        found.append(CatalogEntry(kit, status))
    return tuple(found)
