"""The web press page as files: every section of the press document with its labels, the
gallery's pictures and downloads (the ZIP's own files), sharing and search data, the layout's
`web:` settings, safe prose, fonts subset to the page, and byte-identical builds with a
manifest of every file. In a browser: test_html_browser.py."""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from fontTools.ttLib import TTFont
from PIL import Image

from kitpress import pipeline
from kitpress.cli import main
from kitpress.document.labels import ENGLISH
from kitpress.errors import LayoutError
from kitpress.layout.load import load_layout
from kitpress.outputs.html.prose import prose_html
from kitpress.outputs.html.video import embed_url
from kitpress.pipeline import BuildOptions, build

from .conftest import REPO, needs_exiftool


class Page(HTMLParser):
    """The elements of a page with their attributes, and its text, as a reader sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(" ".join(data.split()))

    def all(self, tag: str, **having: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k) == v for k, v in having.items())
        ]

    @property
    def meta(self) -> dict[str, str]:
        """Each meta tag's content by its name or property."""
        tags = [a for t, a in self.elements if t == "meta" and "content" in a]
        return {a.get("property") or a.get("name") or "": a["content"] for a in tags}

    @property
    def words(self) -> str:
        return "\n".join(self.text)


def site_of(kit: Path, out: Path, layout: str = "default") -> Path:
    build(kit, BuildOptions(format="html", out=out, layout=layout))
    return out / "site"


def page_of(site: Path) -> Page:
    return Page((site / "index.html").read_text(encoding="utf-8"))


def test_the_page_has_every_section_of_the_document_with_its_labels(
    small_kit: Path, tmp_path: Path
) -> None:
    site = site_of(small_kit, tmp_path / "out")
    page = page_of(site)
    document = pipeline.check(small_kit, formats="html").document
    headings = [t for t in page.text if t in ENGLISH.sections.values()]
    # a contact's role may read as a heading does ('Press'): not one of the section headings
    contacts = len(headings) - headings[::-1].index(ENGLISH.sections["contacts"])
    for contact in document.kit.contacts:
        del headings[headings.index(document.labels.contact_role(contact.role), contacts)]
    # the covers are designed blocks without a heading (the kit's distributor gives it a back)
    titled = [k for k in document.sections if k not in ("cover", "back_cover")]
    assert document.sections[-1] == "back_cover"
    wanted = [ENGLISH.sections[k] for k in titled]
    assert headings[-len(wanted) :] == wanted  # each heading, in the layout's order
    assert [a["id"] for a in page.all("h2")] == [f"{k}-title" for k in titled]
    assert len(page.all("h1")) == 1
    words = page.words
    for entry in document.stills:
        assert entry.caption.text in words and entry.caption.rights in words
    for label, value in document.facts:
        assert f"{label}\n{value}" in words
    assert "29 October 2009" in words and "Thursday" not in words
    assert "Christos Stergioglou\nas Father" in words
    assert "A film by Giorgos Lanthimos" in words and "Presented by Kino Lorber" in words
    assert "“Startling.”\n— Sight & Sound" in words
    assert "Prix Un Certain Regard\n— Un Certain Regard" in words
    assert page.all("a", href="mailto:press@example.com")
    assert page.all("a", href="https://example.com/trailer?a=1&b=2", rel="noopener")
    # the synopsis's markup is text, its link a link
    assert 'family: AT&T <Cannes> <img src="x.png"/> and' in words
    assert len(page.all("em")) == 1 and page.all("img", src="x.png") == []
    assert page.all("a", href="https://example.com")
    assert page.all("html", lang="en")


def test_the_gallery_shows_and_offers_the_zips_own_files(small_kit: Path, tmp_path: Path) -> None:
    text = (small_kit / "kit.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    people: [zofia]\n", "    people: [zofia]\n    alt: A girl at a window\n"
    )
    (small_kit / "kit.yaml").write_text(text, encoding="utf-8")
    site = site_of(small_kit, tmp_path / "out")
    page = page_of(site)
    document = pipeline.check(small_kit, formats="html").document
    pictures = [a for a in page.all("img") if a.get("loading") == "lazy"]
    assert len(pictures) == len(document.stills) == 3
    with zipfile.ZipFile(next((site / "downloads").glob("*.zip"))) as archive:
        packed = {Path(n).name: archive.read(n) for n in archive.namelist()}
    for entry, img in zip(document.stills, pictures, strict=True):
        thumb, web = (site / img["src"]), site / f"stills/web/{entry.stem}_web.jpg"
        with Image.open(thumb) as a, Image.open(web) as b:
            assert (int(img["width"]), int(img["height"])) == a.size
            assert img["srcset"] == (f"{img['src']} {a.width}w, stills/web/{web.name} {b.width}w")
            assert max(a.size) == 480 and b.info["dpi"] == (72, 72)
        assert img["alt"] == (entry.still.alt or entry.caption.text)
        print_file = site / f"stills/print/{entry.stem}_print.jpg"
        for kind, path in (("thumb", thumb), ("web", web), ("print", print_file)):
            assert path.read_bytes() == packed[path.name], f"{kind} differs from the ZIP's"
        with Image.open(print_file) as image:
            size = f"{image.width}×{image.height} px, {round(print_file.stat().st_size / 1000)} KB"
            assert image.info["dpi"] == (300, 300)
        assert page.all("a", href=f"stills/print/{print_file.name}", download="")
        assert size in page.words
    assert pictures[1]["alt"] == "A girl at a window"
    assert page.all("a", href="downloads/dogtooth-friends_press-kit.pdf", download="")
    zip_size = round((site / "downloads/dogtooth-friends_press-kit.zip").stat().st_size / 1000)
    assert f"All stills, captions and the press kit (ZIP, {zip_size} KB)" in page.words


@needs_exiftool
def test_a_downloaded_still_carries_its_caption_and_credits(
    small_kit: Path, tmp_path: Path
) -> None:
    site = site_of(small_kit, tmp_path / "out")
    entry = pipeline.check(small_kit, formats="html").document.stills[0]
    read = subprocess.run(
        [
            "exiftool",
            "-j",
            "-XMP-dc:Description",
            "-IPTC:By-line",
            "-XMP-dc:Rights",
            str(site / f"stills/web/{entry.stem}_web.jpg"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    tags = json.loads(read.stdout)[0]
    assert tags["Description"] == entry.metadata.caption
    assert tags["By-line"] == "Iglesias Más"


def test_two_builds_are_byte_identical_and_the_manifest_lists_every_file(
    small_kit: Path, tmp_path: Path
) -> None:
    first, second = site_of(small_kit, tmp_path / "a"), site_of(small_kit, tmp_path / "b")
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()
    )
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    listing = json.loads((first / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert [f["name"] for f in listing] == [n for n in files if n != "manifest.json"]
    for record in listing:
        data = (first / record["name"]).read_bytes()
        assert record["bytes"] == len(data)
        assert record["sha256"] == hashlib.sha256(data).hexdigest()
    assets = [n for n in files if n.startswith("assets/")]
    assert {Path(n).suffix for n in assets} == {".css", ".woff2", ".jpg"}
    for name in assets:
        hashed = re.fullmatch(r"assets/[a-z-]+\.([0-9a-f]{10})\.(css|woff2|jpg)", name)
        assert hashed, name
        assert hashlib.sha256((first / name).read_bytes()).hexdigest().startswith(hashed[1])


def test_a_rebuild_removes_the_files_an_earlier_build_wrote(
    small_kit: Path, tmp_path: Path
) -> None:
    site = site_of(small_kit, tmp_path / "out")
    before = {p.name for p in (site / "assets").iterdir()}
    kit = small_kit / "kit.yaml"
    quote = "Startling. Потрясающе."  # letters the fonts had not carried
    kit.write_text(kit.read_text(encoding="utf-8").replace("Startling.", quote), "utf-8")
    site_of(small_kit, tmp_path / "out")
    after = {p.name for p in (site / "assets").iterdir()}
    assert len(before - after) == 7 and len(after) == len(before)  # new fonts and CSS only
    assert f"“{quote}”" in page_of(site).words


def test_search_and_sharing_data_with_the_layouts_site_url(small_kit: Path, tmp_path: Path) -> None:
    kit = small_kit / "kit.yaml"
    text = kit.read_text(encoding="utf-8")
    kit.write_text(
        text.replace("https://example.com/trailer?a=1&b=2", "https://youtu.be/dQw4w9WgXcQ")
    )
    folder = tmp_path / "brand"
    folder.mkdir()
    Image.new("RGB", (200, 60), "#9b2226").save(folder / "logo.png")
    (folder / "layout.yaml").write_text(
        "extends: default\nweb:\n  site_url: https://press.example.com/{slug}\n  logo: logo.png\n",
        encoding="utf-8",
    )
    site = site_of(small_kit, tmp_path / "out", str(folder))
    html = (site / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    base = "https://press.example.com/dogtooth-friends/"
    meta = page.meta
    assert meta["og:url"] == base
    assert re.fullmatch(re.escape(base) + r"assets/cover\.[0-9a-f]{10}\.jpg", meta["og:image"])
    assert meta["twitter:image"] == meta["og:image"]
    assert page.all("link", rel="canonical", href=base)
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found is not None
    movie = json.loads(found[1])
    assert movie["name"] == "Dogtooth & <Friends>" and "<" not in found[1]
    assert movie["alternateName"] == "Κυνόδοντας"
    assert movie["duration"] == "PT1H37M"
    assert movie["datePublished"] == "2009-10-29"
    assert movie["genre"] == ["Drama", "Comedy"] and movie["inLanguage"] == ["Greek"]
    assert movie["image"] == meta["og:image"]
    assert movie["trailer"]["@type"] == "VideoObject"
    assert movie["trailer"]["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert page.all("iframe", src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    logo = page.all("img", **{"class": "logo"})[0]
    assert (logo["width"], logo["height"]) == ("200", "60")
    assert (site / logo["src"]).read_bytes() == (folder / "logo.png").read_bytes()


def test_without_a_site_url_addresses_are_relative_and_no_unknown_host_is_embedded(
    small_kit: Path, tmp_path: Path
) -> None:
    page = page_of(site_of(small_kit, tmp_path / "out"))
    meta = page.meta
    assert meta["og:image"].startswith("assets/cover.") and "og:url" not in meta
    assert page.all("iframe") == []  # example.com is no video host: a link only


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://m.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/123456789", "https://player.vimeo.com/video/123456789?dnt=1"),
        (
            "https://player.vimeo.com/video/123456789",
            "https://player.vimeo.com/video/123456789?dnt=1",
        ),
        ('https://www.youtube.com/watch?v=x"><script>', None),
        ("https://example.com/watch?v=dQw4w9WgXcQ", None),
        ("https://evil.example/youtube.com/embed/dQw4w9WgXcQ", None),
        ("javascript:alert(1)//youtu.be/dQw4w9WgXcQ", None),
        ("https://vimeo.com/channels/staffpicks", None),
    ],
)
def test_only_known_video_hosts_are_embedded(url: str, player: str | None) -> None:
    assert embed_url(url) == player


def test_prose_keeps_the_safe_subset_and_only_safe_links() -> None:
    html = str(
        prose_html(
            "A *strange* **day** <b>x</b> & [web](https://a.example) [call](tel:+3491) "
            "[file](file:///etc/passwd) [ftp](ftp://a.example) <https://b.example>\n\n- one\n- two"
        )
    )
    assert html == (
        "<p>A <em>strange</em> <strong>day</strong> &lt;b&gt;x&lt;/b&gt; &amp; "
        '<a href="https://a.example" rel="noopener">web</a> <a href="tel:+3491">call</a> '
        '[file](file:///etc/passwd) ftp <a href="https://b.example" rel="noopener">https://b.example</a></p>\n'
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "web: {site_url: ftp://press.example.com}\n",
            "brand/layout.yaml:2: web.site_url: expected a web address starting with https:// "
            "(got 'ftp://press.example.com')",
        ),
        (
            "web: {logo: logo.png}\n",
            "brand/layout.yaml:2: web.logo: 'logo.png' not found beside layout.yaml",
        ),
        (
            "web: {logo: logo.gif}\n",
            "brand/layout.yaml:2: web.logo: expected a .png, .jpg or .svg file (got 'logo.gif')",
        ),
        (
            "web: {embed_trailers: false}\n",
            "brand/layout.yaml:2: web.embed_trailers: unknown key 'embed_trailers' (did you mean "
            "'embed_trailer'?)",
        ),
        (
            "web: https://press.example.com\n",
            "brand/layout.yaml:2: web: expected a mapping of keys (text given)",
        ),
    ],
)
def test_the_layouts_web_section_is_validated(tmp_path: Path, text: str, message: str) -> None:
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "layout.yaml").write_text("extends: default\n" + text, encoding="utf-8")
    with pytest.raises(LayoutError) as caught:
        load_layout(str(folder))
    assert caught.value.lines() == [message]


def test_a_section_with_no_partial_is_left_out_without_error(
    small_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A section the document layer gains before the page has a partial for it."""
    composed = pipeline.compose_document

    def with_new_section(*args: object, **kwargs: object) -> object:
        document = composed(*args, **kwargs)  # type: ignore[arg-type]
        return replace(
            document, sections=(*document.sections[:2], "trivia", *document.sections[2:])
        )

    monkeypatch.setattr(pipeline, "compose_document", with_new_section)
    page = page_of(site_of(small_kit, tmp_path / "out"))
    shown = pipeline.check(small_kit, formats="html").document.sections
    assert [a["id"] for a in page.all("section")] == [
        k for k in shown if k not in ("trivia", "back_cover")
    ]


def test_fonts_are_the_layouts_subset_to_the_page(small_kit: Path, tmp_path: Path) -> None:
    site = site_of(small_kit, tmp_path / "out")
    fonts = sorted((site / "assets").glob("*.woff2"))
    assert [re.sub(r"\.[0-9a-f]{10}", "", f.name) for f in fonts] == [
        "sans-bold.woff2",
        "sans-regular.woff2",
        "serif-bold.woff2",
        "serif-bolditalic.woff2",
        "serif-italic.woff2",
        "serif-regular.woff2",
    ]
    for path in fonts:
        data = path.read_bytes()
        assert data[:4] == b"wOF2" and len(data) < 60_000
        font = TTFont(io.BytesIO(data))
        cmap = font.getBestCmap()
        assert all(ord(c) in cmap for c in "Κυνόδοντας Łęcka-Wróblewská ΚΥΝΌΔΟΝΤΑΣ")
        assert ord("Ж") not in cmap  # no text of the page uses Cyrillic
        assert font["name"].getDebugName(1).startswith("Noto")
    css = next((site / "assets").glob("style.*.css")).read_text(encoding="utf-8")
    assert css.count("@font-face") == 6
    assert ".t-heading{font-family:kp-sans,sans-serif;font-weight:700" in css
    assert ".t-kicker{" in css and "letter-spacing:0.176em;text-transform:uppercase" in css


def test_all_makes_the_page_and_the_cli_names_it_once(small_kit: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(small_kit), "--format", "pdf,html", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "site" in line]
    assert lines == [f"web page  {out / 'site' / 'index.html'}"]
    assert sorted(p.name for p in out.iterdir()) == ["dogtooth-friends_press-kit.pdf", "site"]
    assert (out / "site/downloads/dogtooth-friends_press-kit.pdf").read_bytes() == (
        out / "dogtooth-friends_press-kit.pdf"
    ).read_bytes()
    from kitpress.outputs import registry

    assert "html" in registry.EVERYTHING


def test_a_layout_colour_too_faint_for_the_web_is_a_warning(
    small_kit: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "layout.yaml").write_text(
        'extends: default\ncolours: {muted: "#aaaaaa"}\n', encoding="utf-8"
    )
    checked = pipeline.check(small_kit, str(folder), formats="html")
    warnings = [str(w) for w in checked.warnings if "layout.yaml" in str(w)]
    assert warnings == [
        "brand/layout.yaml: colours.muted: warning: #aaaaaa on #ffffff has a contrast of 2.3:1 "
        "on the web page (label, role, rights, footer); text needs at least 4.5:1 to be read "
        "by everyone (WCAG AA)"
    ]
    default = pipeline.check(small_kit, formats="html").warnings
    assert [w for w in default if "layout.yaml" in str(w)] == []


def test_without_a_logline_the_description_is_the_synopsiss_opening(
    small_kit: Path, tmp_path: Path
) -> None:
    kit = small_kit / "kit.yaml"
    text = kit.read_text(encoding="utf-8").replace(
        "logline: A family keeps its children inside the garden walls.\n", ""
    )
    kit.write_text(text, encoding="utf-8")
    (small_kit / "synopsis.md").write_text(
        "A *father* keeps his three children, **grown** as they are, inside the walls of a "
        "country house.\nThey know nothing of the world beyond the garden, and the words "
        "they are taught mean other things, until a guest from outside arrives.\n",
        encoding="utf-8",
    )
    page = page_of(site_of(small_kit, tmp_path / "out"))
    meta = page.meta
    assert meta["description"] == (
        "A father keeps his three children, grown as they are, inside the walls of a country "
        "house. They know nothing of the world beyond the garden, and the words…"
    )
    assert meta["og:description"] == meta["twitter:description"] == meta["description"]


LAST_LOCK = REPO / "assets" / "the-last-lock"


@pytest.fixture(scope="module")
def last_lock(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Page]:
    """The example kit with every section of press notes, built once for these tests."""
    site = site_of(LAST_LOCK, tmp_path_factory.mktemp("last-lock"))
    return site, page_of(site)


def test_the_press_notes_sections_read_back_from_the_page(last_lock: tuple[Path, Page]) -> None:
    _, page = last_lock
    document = pipeline.check(LAST_LOCK, formats="html").document
    ids = [a.get("id") for a in page.all("section")]
    for key in ("interview", "production_notes", "about_cast", "about_filmmakers", "credits"):
        assert key in ids and document.labels.sections[key] in page.text
    assert document.labels.sections["interview"] == "Interview with Hester Vale"
    words = page.words
    assert "Interview by Dara Fennimore" in words
    questions = [b for b in document.interview if b.kind == "question"]
    assert len(questions) == 6 == len(page.all("div", **{"class": "question"}))
    assert "Where did THE LAST LOCK begin?\nOn a towpath, in February" in words
    chapters = [b.markdown for b in document.production_notes if b.kind == "heading"]
    assert (
        [t for t in page.text if t in chapters]
        == chapters
        == [
            "A story from the towpath",
            "Finding Nell and Tom",
            "Shooting a real winter",
            "The keeper’s cottage",
            "The sound of water",
        ]
    )
    assert "## " not in words
    assert len(page.all("figure", **{"class": "pull-quote"})) == 1
    assert "“A lock is a promise that the water will wait for you." in words
    for person in (*document.about_cast, *document.about_filmmakers):
        assert f"{person.name}\n{person.part}" in words if person.part else person.name in words
    assert "Selected filmography" in words
    assert "2026\nThe Last Lock\n— Hester Vale, as Nell Harrow" in words
    for credit in document.credits:
        assert credit.role in page.text and all(n in page.text for n in credit.names)


def test_portraits_are_web_renditions_sized_in_the_page(last_lock: tuple[Path, Page]) -> None:
    site, page = last_lock
    document = pipeline.check(LAST_LOCK, formats="html").document
    names = [p.name for p in (*document.about_cast, *document.about_filmmakers) if p.portrait]
    portraits = page.all("img", **{"class": "portrait"})
    assert [a["alt"] for a in portraits] == names and len(names) == 6
    for attributes in portraits:
        assert re.fullmatch(
            r"assets/the-last-lock_portrait-[a-z-]+\.[0-9a-f]{10}\.jpg", attributes["src"]
        )
        with Image.open(site / attributes["src"]) as image:
            size = image.size
            assert image.format == "JPEG" and image.mode == "RGB"
        assert (int(attributes["width"]), int(attributes["height"])) == size
        assert max(size[0] / 400, size[1] / 560) == pytest.approx(1, abs=0.01)


def test_the_footer_is_the_back_cover_and_the_cover_shows_the_art(
    last_lock: tuple[Path, Page],
) -> None:
    site, page = last_lock
    kit = pipeline.check(LAST_LOCK, formats="html").document.kit
    logos = [a for a in page.all("img") if a.get("src", "").startswith("assets/logo.")]
    assert [a["alt"] for a in logos] == [logo.name for logo in kit.logos]
    for attributes, logo in zip(logos, kit.logos, strict=True):
        assert (site / attributes["src"]).read_bytes() == logo.art.file.read_bytes()
        assert attributes["src"].endswith(".svg") and int(attributes["height"]) > 0
    words = page.words
    assert kit.copyright_line and kit.copyright_line in words
    assert page.all("a", href="https://example.com/the-last-lock")
    assert page.all("a", href="https://press.example.com/the-last-lock")
    assert "Press materials:" in words and "Presented by Northlight Releasing" in words
    assert kit.billing_block and kit.billing_block.text
    assert kit.billing_block.text.split()[0] in words
    # the cover: the title art is the h1, its alt the title; the laurel art; the hero's stars
    (title,) = [a for a in page.all("img") if a.get("src", "").startswith("assets/title.")]
    assert title["alt"] == kit.title == "The Last Lock"
    html = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 id="film-title"[^>]*><img src="assets/title\.', html)
    (laurel,) = [a for a in page.all("img") if a.get("src", "").startswith("assets/laurel.")]
    assert "Golden Heron for Best Film" in laurel["alt"]
    stars = [a["aria-label"] for a in page.all("p", **{"class": "stars"})]
    assert stars == [
        "5 out of 5 stars",
        "5 out of 5 stars",
        "4 out of 5 stars",
        "4 out of 5 stars",
    ]  # the cover's hero quote, then the press section's
    assert "★★★★★" in words and "★★★★☆" in words


def test_an_embargo_is_said_at_the_top_and_keeps_search_engines_away(
    last_lock: tuple[Path, Page], small_kit: Path, tmp_path: Path
) -> None:
    _, page = last_lock
    assert page.meta["robots"] == "noindex"
    skip = page.text.index(ENGLISH.skip_to_content)  # the first thing after the skip link
    assert page.text[skip + 1] == "Reviews embargoed until 4 September 2026, 18:00 BST"
    plain = page_of(site_of(small_kit, tmp_path / "out"))
    assert "robots" not in plain.meta
    assert plain.all("p", **{"class": "embargo t-label"}) == []


def test_hostile_text_in_the_press_notes_fields_stays_text(small_kit: Path, tmp_path: Path) -> None:
    with (small_kit / "kit.yaml").open("a", encoding="utf-8") as kit:
        kit.write(
            "interview: \"**<script>alert('q')</script>?**\\n\\nA: <img src=x onerror=alert(1)>\"\n"
            'interviewer: "<b>Jo</b>"\n'
            "production_notes: \"## <script>alert('ch')</script>\\n\\n> <i>said</i>\"\n"
            "billing_block: \"<script>alert('billing')</script>\"\n"
            "embargo: {until: 2026-09-04T18:00:00Z, text: \"<script>alert('e')</script>\"}\n"
        )
    site = site_of(small_kit, tmp_path / "out")
    html = (site / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    for typed in (
        "<script>alert('q')</script>?",
        "<img src=x onerror=alert(1)>",
        "Interview by <b>Jo</b>",
        "<script>alert('ch')</script>",
        "<i>said</i>",
        "<script>alert('billing')</script>",
        "<script>alert('e')</script>",
    ):
        assert typed in page.words
    assert len(page.all("script")) == 1 and page.all("img", src="x") == []
    assert page.all("b") == [] and page.all("i") == []


def test_the_cover_names_the_original_title_only_where_it_differs(
    small_kit: Path, tmp_path: Path
) -> None:
    # a French kit of a French film: its original title is its title, said once
    cover_line = '<p class="t-cover-small">{}</p>'
    page = (site_of(small_kit, tmp_path / "out") / "index.html").read_text(encoding="utf-8")
    assert cover_line.format("Κυνόδοντας") in page
    kit_yaml = small_kit / "kit.yaml"
    same = kit_yaml.read_text(encoding="utf-8").replace(
        "original_title: Κυνόδοντας", 'original_title: "Dogtooth & <Friends>"'
    )
    kit_yaml.write_text(same, encoding="utf-8")
    page = (site_of(small_kit, tmp_path / "again") / "index.html").read_text(encoding="utf-8")
    assert 't-cover-small">Dogtooth' not in page and "t-cover-title" in page
