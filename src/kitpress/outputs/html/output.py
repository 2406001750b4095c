"""The web press page (`--format html`): a static site in `site/` beside the PDF and the ZIP,
from the same press document. It builds on the ZIP: its downloads are the ZIP's own still
files (with the same embedded captions and credits), and it carries copies of the ZIP and the
PDF, so the `site` folder alone is what a static host publishes."""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from kitpress.document.formats import long_date
from kitpress.document.model import KEY_ART, PressDocument
from kitpress.document.praise import in_order, lead_quote
from kitpress.document.prose_blocks import prose_blocks
from kitpress.document.typography import quotation
from kitpress.errors import Issue
from kitpress.stills.renditions import Rendition, Target, decode_for

from ..base import BuildContext, Made, Output, OutputOptions, Requests
from . import css
from .artwork import Art, art_picture, people_views, portrait_targets
from .contrast import contrast_warnings, luminance
from .fonts import woff2
from .page import (
    Cover,
    Picture,
    cover_facts,
    credit_line,
    dates_in,
    file_size,
    page_title,
    still_view,
)
from .prose import link_href, prose_html
from .site import FOLDER, SiteFiles
from .structured import description, json_ld, movie, social_tags
from .video import embed_url

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parent / "templates"
COVER_WIDE = (1600, 800)  # a still on the cover, as the page's banner, and a phone's copy
COVER_NARROW = (800, 400)  # (key art fits inside the square of the width, uncropped)
DARK = 0.2  # relative luminance under which a cover reads as dark
STILL_KINDS = ("thumb", "web", "print")  # the ZIP's files, which the page shows and offers


class HtmlSite(Output):
    name = "html"
    label = "web page"

    def builds_on(self, options: OutputOptions) -> tuple[str, ...]:
        return ("zip",)  # its still files, the ZIP itself and the PDF it carries

    def warnings(self, document: PressDocument, options: OutputOptions) -> list[Issue]:
        return contrast_warnings(document.layout)

    def picture_sizes(
        self, document: PressDocument, options: OutputOptions
    ) -> Mapping[str, list[tuple[int, int]]]:
        cover = document.cover
        wanted = portrait_targets(document, Path())
        portraits = [(p, wanted[p.key]) for p in document.portraits]
        sizes = {p.key: [decode_for(p.pixels, t) for t in targets] for p, targets in portraits}
        if cover is not None:
            sizes[cover.key] = [
                decode_for(cover.pixels, t) for t in _cover_targets(document, Path())
            ]
        return sizes

    def requests(self, document: PressDocument, options: OutputOptions, work: Path) -> Requests:
        wanted = portrait_targets(document, work)
        if document.cover is not None:
            wanted[document.cover.key] = _cover_targets(document, work)
        return wanted

    def owns(self) -> tuple[str, ...]:
        # hashed names of earlier builds go, a translation's site (site/fr/…) with them
        return ("site/*", "site/*/*", "site/*/*/*", "site/*/*/*/*")

    def make(self, ctx: BuildContext) -> Made:
        folder = site_folder(ctx.languages, ctx.document.language)
        files = SiteFiles(ctx.work, folder=folder, shared=folder != FOLDER)
        page = _render(ctx, files)
        return Made(files.products(page, self.label))


def site_folder(languages: tuple[str, ...], language: str) -> str:
    """site/ for the first language built (the kit's own under `--lang all`), site/<tag>/
    for each other."""
    return FOLDER if not languages or language == languages[0] else f"{FOLDER}/{language}"


def published(site: str | None, languages: tuple[str, ...], language: str) -> str | None:
    """Where ``language``'s page is published when the layout says where the site is: the
    site's address, or its <tag>/ folder for a translation."""
    folder = site_folder(languages, language)
    if site is None or folder == FOLDER:
        return site
    return site.rstrip("/") + "/" + folder.removeprefix(FOLDER + "/") + "/"


def alternates(
    languages: tuple[str, ...], language: str, site: str | None = None
) -> list[tuple[str, str]]:
    """(tag, link) of every language's page, this one's included, as seen from
    ``language``'s page: what `<link rel="alternate" hreflang>` and the language switch say.
    Relative links, or the pages' addresses when the layout gives the site's (``site``)."""
    if len(languages) < 2:
        return []
    if site is not None:
        return [(tag, published(site, languages, tag) or site) for tag in languages]
    up = "../" if site_folder(languages, language) != FOLDER else ""
    links = []
    for tag in languages:
        there = site_folder(languages, tag).removeprefix(FOLDER).strip("/")
        links.append((tag, f"{up}{there}/index.html" if there else f"{up}index.html"))
    return links


def _cover_targets(document: PressDocument, work: Path) -> list[Target]:
    """A still on the cover is cut to a banner; key art (a poster) is shown whole."""
    assert document.cover is not None
    poster = document.cover.key == KEY_ART
    quality = document.layout.stills.web_quality
    folder = work / "web-cover"
    return [
        Target(
            kind,
            None,
            (box[0], box[0]) if poster else box,
            quality,
            folder / f"{document.name}_{kind}.jpg",
            embed=False,
            own_decode=True,
            fill=not poster,
        )
        for kind, box in (("web-cover", COVER_WIDE), ("web-cover-narrow", COVER_NARROW))
    ]


def _environment() -> Environment:
    # imported here: `check` and builds of other formats need no templates
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(
            enabled_extensions=("html",), disabled_extensions=("css",), default=True
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["tel"] = tel_href
    return env


def tel_href(phone: str) -> str:
    """A phone number as a tel: link's digits: +34 91 555 01 00 -> +34915550100."""
    return "".join(c for c in phone if c.isdigit() or c == "+")


def _render(ctx: BuildContext, files: SiteFiles) -> bytes:
    """The page, its stylesheet and fonts (subset to the page's characters) into ``files``."""
    document = ctx.document
    env = _environment()
    values = _values(ctx, files, env)
    draft = env.get_template("page.html").render(values, stylesheet="")
    characters = _characters(draft)
    values["stylesheet"] = _stylesheet(document, files, env, characters, ctx.cache_folder)
    return env.get_template("page.html").render(values).encode("utf-8")


def _values(ctx: BuildContext, files: SiteFiles, env: Environment) -> dict[str, object]:
    document, layout = ctx.document, ctx.document.layout
    labels, kit = document.labels, document.kit
    stills = []
    for entry in document.stills:
        made = ctx.renditions[entry.still.id]
        pictures = {
            kind: _picture(files, f"stills/{kind}/{made[kind].path.name}", made[kind])
            for kind in STILL_KINDS
        }
        stills.append(still_view(entry, pictures, labels))
    cover = _cover(ctx, files)
    site = layout.web.site_url.replace("{slug}", document.slug) if layout.web.site_url else None
    base = published(site, ctx.languages, document.language)
    title = page_title(document)
    image = cover.wide.href if cover else None
    available = set(env.list_templates())
    sections = [k for k in document.sections if f"sections/{k}.html" in available]
    trailer = link_href(kit.trailer)
    return {
        "doc": document,
        "kit": kit,
        "alternates": alternates(ctx.languages, document.language, site),
        "labels": labels,
        "layout": layout,
        "title": title,
        "description": description(document),
        "sections": sections,
        "nav": [k for k in sections if k in labels.sections],
        "stills": stills,
        "cover": cover,
        "logo": _logo(document, files),
        "downloads": _downloads(ctx, files),
        "trailer": trailer,
        "player": embed_url(trailer) if trailer and layout.web.embed_trailer else None,
        "json_ld": json_ld(movie(document, base, image)),
        "social": social_tags(document, title, base, image),
        "base": base,
        "updated": long_date(document.dated.date(), labels.language),
        "prose": prose_html,
        "blocks": prose_blocks,
        "people": {
            "about_cast": people_views(document.about_cast, files, ctx.renditions),
            "about_filmmakers": people_views(document.about_filmmakers, files, ctx.renditions),
        },
        "hero": lead_quote(kit.quotes) if kit.quotes else None,
        "quotes": in_order(kit.quotes) if kit.quotes else (),
        **_artwork(document, files),
        "link_href": link_href,
        "long_date": dates_in(labels.language),
        "quoted": functools.partial(quotation, language=labels.language),
        "credit_line": credit_line(kit, labels),
        "cover_facts": cover_facts(kit, labels),
    }


def _picture(files: SiteFiles, name: str, rendition: Rendition) -> Picture:
    files.moved(name, rendition.path)
    return Picture(name, *rendition.size, files.size(name))


def _cover(ctx: BuildContext, files: SiteFiles) -> Cover | None:
    cover = ctx.document.cover
    if cover is None:
        return None
    made = ctx.renditions[cover.key]
    pictures = []
    for kind in ("web-cover", "web-cover-narrow"):
        data = made[kind].path.read_bytes()
        name = files.hashed(kind.removeprefix("web-"), ".jpg", data)
        pictures.append(Picture(name, *made[kind].size, len(data)))
    poster = cover.key == KEY_ART
    return Cover(pictures[0], pictures[1], poster, ctx.document.kit.title if poster else "")


def _artwork(document: PressDocument, files: SiteFiles) -> dict[str, object]:
    """The title art, the logos, the billing block's image and each festival's laurel."""
    kit, labels = document.kit, document.labels
    block = kit.billing_block
    laurels: dict[int, Art | None] = {}
    for i, festival in enumerate(kit.festivals):
        said = [*labels.festival_lines(festival.award, festival.section), festival.name]
        if festival.year:
            said[-1] += f" {festival.year}"
        laurels[i] = art_picture(document, files, festival.laurel, "laurel", ", ".join(said))
    return {
        "title_art": art_picture(document, files, kit.title_art, "title", kit.title),
        "logos": [
            a
            for logo in kit.logos
            if (a := art_picture(document, files, logo.art, "logo", logo.name))
        ],
        "billing_art": art_picture(
            document, files, block.art if block else None, "billing-block", block.text or ""
        )
        if block
        else None,
        "laurels": laurels,
        # title art drawn for light paper, on a dark cover: knocked out in the cover's ink
        "knock_out": luminance(document.layout.colour("cover_paper")) < DARK,
    }


def _logo(document: PressDocument, files: SiteFiles) -> Picture | None:
    logo = document.layout.web.logo
    if logo is None:
        return None
    data = logo.read_bytes()
    width = height = 0
    if logo.suffix.lower() != ".svg":
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    return Picture(files.hashed("logo", logo.suffix.lower(), data), width, height, len(data))


def _downloads(ctx: BuildContext, files: SiteFiles) -> list[tuple[str, str]]:
    """The ZIP and the PDF it carries, as (link, words) for the page's downloads."""
    labels = ctx.document.labels
    archive = ctx.made["zip"].main()
    pdf = ctx.made[f"{ctx.options.profile}-pdf"].main()
    out = []
    for product, words in ((pdf, labels.download_pdf), (archive, labels.download_zip)):
        name = f"downloads/{product.name}"
        if product.path is not None:
            files.linked(name, product.path)
        else:
            files.files[name] = product.read()
        out.append((name, words.format(size=file_size(files.size(name)))))
    return out


def _stylesheet(
    document: PressDocument, files: SiteFiles, env: Environment, text: str, cache: Path | None
) -> str:
    layout = document.layout
    fonts = []
    for face in css.faces(layout):
        data = woff2(face.source(layout.fonts[face.family]), text, cache)
        fonts.append((face, files.hashed(face.stem, ".woff2", data)))
    sheet = env.get_template("style.css").render(
        fonts=[(f, name.removeprefix("assets/")) for f, name in fonts],
        rules=css.rules(layout),
        colour=layout.colour,
    )
    return files.hashed("style", ".css", sheet.encode("utf-8"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _characters(page: str) -> str:
    """Every character the page's text shows (in upper case too, for styles set so), and a
    base set for Western European text, so most kits share one subset and any text a
    visitor pastes into the page's search renders."""
    reader = _Text()
    reader.feed(page)
    text = "".join(reader.parts)
    return "".join(sorted(set(text) | set(text.upper()) | BASE_CHARACTERS))


BASE_CHARACTERS = {chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x180))} | set(
    "‐‑–—‘’‚“”„†‡•…‰‹›€™−"
)
