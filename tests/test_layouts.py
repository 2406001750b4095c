"""Every shipped layout builds a complete kit: cover with laurels and quote, every section's
text, stills in the layout's arrangement, and no section heading stranded at a page foot."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from kitpress.layout.discover import available
from kitpress.layout.load import load_layout
from kitpress.pipeline import BuildOptions, build

from .conftest import make_still, needs_poppler

KIT = """\
title: "Dogtooth & <Friends>"
logline: A family keeps its children inside the garden walls.
synopsis: Three teenagers live with their parents behind a high fence.
cast:
  - {id: father, actor: Christos Stergioglou, character: Father}
  - {id: ana, actor: Aggeliki Papoulia, character: Older Daughter}
crew:
  Director: Giorgos Lanthimos
festivals:
  - {name: Festival de Cannes, year: 2009, section: Un Certain Regard,
     award: Prix Un Certain Regard}
  - {name: Sarajevo Film Festival, year: 2009}
quotes:
  - {text: Startling and very funny., source: Sight & Sound}
rights: {copyright: Boo Productions, photographer: Pat Photo}
year: 2009
trailer: https://example.com/dogtooth/trailer?lang=en&hd=1
stills:
"""


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kit")
    entries = []
    # Seven: the first is the cover's, and the stills pages show the other six.
    for i, size in enumerate([(900, 600)] * 4 + [(600, 900)] * 2 + [(900, 600)]):
        make_still(folder / "stills" / f"s{i}.jpg", size, i)
        entries.append(f"  - {{file: stills/s{i}.jpg, people: [ana]}}\n")
    (folder / "kit.yaml").write_text(KIT + "".join(entries), encoding="utf-8")
    return folder


def _pages(kit: Path, layout: str, out: Path) -> list[str]:
    result = build(kit, BuildOptions(format="pdf", out=out, layout=layout))
    assert result.pdf is not None
    return [page.extract_text() for page in PdfReader(result.pdf).pages]


def test_at_least_three_shipped_layouts_besides_the_default() -> None:
    assert {"classic", "festival-letter", "minimal", "default"} <= set(available())


@pytest.mark.parametrize("layout", ["default", "classic", "festival-letter", "minimal"])
def test_cover_has_title_laurels_and_quote(kit: Path, tmp_path: Path, layout: str) -> None:
    cover = " ".join(_pages(kit, layout, tmp_path)[0].split()).upper()
    assert "DOGTOOTH & <FRIENDS>" in cover
    assert "PRIX UN CERTAIN REGARD" in cover
    assert "OFFICIAL SELECTION" in cover and "SARAJEVO" in cover
    assert "STARTLING AND VERY FUNNY." in cover


def test_short_sections_follow_on_and_headings_never_end_a_page(kit: Path, tmp_path: Path) -> None:
    pages = _pages(kit, "default", tmp_path)
    assert "Press" in pages[1]  # the praise on the inside front
    together = next(text for text in pages if "Synopsis" in text)  # sections follow on
    # The crew of two is rows of the technical details, on the same page as the cast.
    assert "Cast" in together and "DIRECTOR" in together, together
    layout = load_layout("default")
    for text in pages[1:]:
        last = text.strip().splitlines()[-2] if text.strip() else ""
        assert last not in {"Cast", "Crew", "Press", "Festivals and awards"}
    assert "details" not in layout.new_page and "synopsis" not in layout.new_page


def test_grid_layout_puts_four_stills_a_page(kit: Path, tmp_path: Path) -> None:
    pages = _pages(kit, "minimal", tmp_path)
    still_pages = [p for p in pages if "L to R" in p or "in DOGTOOTH" in p]
    assert [p.count("DOGTOOTH") for p in still_pages] == [4, 2]  # the cover's not again
    assert sum(p.count("© Boo Productions") for p in pages) == 1  # shared: set once


def test_stacked_layout_pairs_the_two_portraits(kit: Path, tmp_path: Path) -> None:
    result = build(kit, BuildOptions(format="pdf", out=tmp_path, layout="default"))
    assert result.pdf is not None
    portraits = [  # upright pictures on each page after the cover
        sum(1 for i in page.images if i.image.height > i.image.width)
        for page in PdfReader(result.pdf).pages[1:]
    ]
    assert sorted(portraits)[-1] == 2 and sum(portraits) == 2  # both on one page, side by side


def _layout(tmp_path: Path, text: str) -> str:
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "layout.yaml").write_text("extends: default\n" + text, encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "cover: {style: spine}\n",
            "brand/layout.yaml:2: cover.style: unknown cover style 'spine' "
            "(known: band, full, framed, poster)",
        ),
        (
            "cover: {scrim: 1.5}\n",
            "brand/layout.yaml:2: cover.scrim: expected a strength from 0 to 1, e.g. 0.9 "
            "(got '1.5')",
        ),
        (
            "cover: {title: huge}\n",
            "brand/layout.yaml:2: cover.title: unknown title setting 'huge' (known: display, set)",
        ),
        (
            "cover: {art_share: 0.95}\n",
            "brand/layout.yaml:2: cover.art_share: expected a share of the page from 0.3 to "
            "0.8, e.g. 0.52 (got '0.95')",
        ),
        (
            "new_page: [synopsis, stils]\n",
            "brand/layout.yaml:2: new_page[1]: unknown section 'stils' (known: cover, contacts, "
            "quotes, synopsis, long_synopsis, directors_statement, details, releases, interview, "
            "production_notes, about_cast, about_filmmakers, cast, crew, credits, festivals, "
            "stills, back_cover)",
        ),
    ],
)
def test_cover_and_page_break_settings_are_validated(
    tmp_path: Path, text: str, message: str
) -> None:
    from kitpress.errors import LayoutError

    with pytest.raises(LayoutError) as caught:
        load_layout(_layout(tmp_path, text))
    assert caught.value.lines() == [message]


def test_trailer_is_a_live_link_and_a_qr_code_that_reads_back(kit: Path, tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp (QR reader) not installed")
    result = build(kit, BuildOptions(format="pdf", out=tmp_path))
    assert result.pdf is not None
    reader = PdfReader(result.pdf)
    texts = [p.extract_text() for p in reader.pages]
    page_index = next(i for i, text in enumerate(texts) if "Technical details" in text)
    page = reader.pages[page_index]
    links = [a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])]
    assert "https://example.com/dogtooth/trailer?lang=en&hd=1" in links
    document = pypdfium2.PdfDocument(str(result.pdf))
    picture = document[page_index].render(scale=200 / 72).to_pil()
    codes = [code.text for code in zxingcpp.read_barcodes(picture)]
    assert codes == ["https://example.com/dogtooth/trailer?lang=en&hd=1"]


@needs_poppler
def test_contents_lists_each_section_at_its_page(kit: Path, tmp_path: Path) -> None:
    # classic's contents page is for a kit of 12 inside pages or more; this one asks for it
    # from the first page, to have the short test kit listed
    layout = tmp_path / "listed"
    layout.mkdir()
    (layout / "layout.yaml").write_text("extends: classic\ncontents: {min_pages: 0}\n")
    pages = _pages(kit, str(layout), tmp_path / "out")
    pdf = next((tmp_path / "out").glob("*.pdf"))
    layout_text = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    listed = {
        title: int(number)
        for title, number in re.findall(r"^\s*(\S.*?)[ .]{4,}(\d+)\s*$", layout_text, re.M)
    }
    assert "Contents" in pages[1]
    assert {"Synopsis", "Cast", "Festivals and awards", "Press", "Stills"} <= set(listed)
    for title, number in listed.items():
        assert title in pages[number - 1]


def test_a_very_long_title_shrinks_to_stay_on_the_cover(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    kit.mkdir()
    title = " ".join(["Extraordinarily"] * 330)  # about 5,000 characters
    (kit / "kit.yaml").write_text(f'title: "{title}"\n', encoding="utf-8")
    result = build(kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None
    cover = PdfReader(result.pdf).pages[0]
    height = float(cover.mediabox.height)
    rows: list[float] = []

    def visit(text: str, cm: object, tm: list[float], *_: object) -> None:
        if text.strip():
            rows.append(tm[5])

    words = cover.extract_text(visitor_text=visit)
    assert words.upper().count("EXTRAORDINARILY") == 330
    assert rows and all(0 < y < height for y in rows)
