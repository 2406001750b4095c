"""Page composition and the grid, read back from the built PDFs of both example kits in every
shipped layout: one value column for every two-column list, labels on their values'
baseline, the praise never split into a lone quote, a lone still never on the last page."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from kitpress.layout.discover import available
from kitpress.layout.load import load_layout
from kitpress.pipeline import BuildOptions, build

from .conftest import EXAMPLE_KIT, REPO

HEADING_GAP = 22.0  # points above a section heading that follows on a page: space, not text

KITS = {"parallel-mothers": EXAMPLE_KIT, "the-last-lock": REPO / "assets" / "the-last-lock"}
LAYOUTS = ("default", "classic", "festival-letter", "minimal")
MAX_VALUE_COLUMNS = 2  # distinct second-column positions a layout may use, all pages together
COLUMN_GAP = 12.0  # points of white between a label's end and its value's start
BASELINE = 0.5  # points: glyphs this close in baseline share a line
MM = 72 / 25.4
FOOTER_BAND = 0.08  # of the page height: the running footer, not content
CAPTION_SIZE = 8.5  # points: every layout's stills captions, smaller than any list's values


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    assert set(LAYOUTS) <= set(available())
    built = {}
    for name, kit in KITS.items():
        for layout in LAYOUTS:
            out = tmp_path_factory.mktemp(f"{name}-{layout}")
            result = build(kit, BuildOptions(format="screen-pdf", out=out, layout=layout))
            assert result.pdf is not None
            built[name, layout] = result.pdf
    return built


def _lines(page: pdfplumber.page.Page) -> list[list[dict[str, float]]]:
    """The page's visible glyphs grouped by baseline (from each glyph's text matrix, so type
    of two sizes on one baseline is one line), each line from left to right."""
    glyphs = [c for c in page.chars if c["text"].strip()]
    lines: list[list[dict[str, float]]] = []
    for glyph in sorted(glyphs, key=lambda c: (-c["matrix"][5], c["x0"])):
        if lines and abs(lines[-1][0]["matrix"][5] - glyph["matrix"][5]) <= BASELINE:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _second_columns(pdf: Path, margin: float) -> Counter[float]:
    """Where each two-column line (a label at the left margin, a value well clear of it)
    starts its second column, in whole millimetres from the page's left edge."""
    found: Counter[float] = Counter()
    with pdfplumber.open(pdf) as document:
        for page in document.pages[1:-1]:  # the covers set no lists
            foot = page.height * (1 - FOOTER_BAND)
            for line in _lines(page):
                if abs(line[0]["x0"] - margin) > 1 or line[0]["bottom"] > foot:
                    continue
                for left, right in itertools.pairwise(line):
                    if right["x0"] - left["x1"] > COLUMN_GAP:
                        if right["size"] <= CAPTION_SIZE:  # captions of stills side by side
                            break
                        found[round(right["x0"] / MM)] += 1
                        break
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_every_two_column_list_sets_its_values_in_one_column(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    margin = load_layout(layout).page.margin_left
    columns = _second_columns(pdfs[kit, layout], margin)
    # Labels that sat above their values' baseline would make no two-column line at all.
    assert sum(columns.values()) >= 8, columns
    assert len(columns) <= MAX_VALUE_COLUMNS, columns


def _content(page: pdfplumber.page.Page) -> str:
    foot = page.height * (1 - FOOTER_BAND)
    return " ".join(w["text"] for w in page.extract_words() if w["bottom"] < foot)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_no_page_holds_a_lone_quote(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    with pdfplumber.open(pdfs[kit, layout]) as document:
        for number, page in enumerate(document.pages[1:-1], start=2):
            text = _content(page)
            alone = text.startswith("“") and text.count("“") == 1 and len(text) < 400
            assert not alone, f"page {number} holds one quote: {text}"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_the_last_stills_page_does_not_hold_one_still_alone(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    with pdfplumber.open(pdfs[kit, layout]) as document:
        photos = [len([i for i in page.images if i["width"] > 40 * MM]) for page in document.pages]
    stills_pages = [count for count in photos[1:-1] if count]
    assert stills_pages[-1] >= 2 or stills_pages[-2] <= 1, photos


MIN_FILL = 0.60  # of the text area, on every inside page but the last and the contents


def _fill(page: pdfplumber.page.Page, top: float, height: float) -> float:
    foot = page.height * (1 - FOOTER_BAND)
    bottoms = [w["bottom"] for w in page.extract_words() if w["bottom"] < foot]
    bottoms += [i["bottom"] for i in page.images]
    return (max(bottoms, default=top) - top) / height


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_no_inside_page_is_left_thin(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    spec = load_layout(layout).page
    thin = []
    with pdfplumber.open(pdfs[kit, layout]) as document:
        inside = document.pages[1:-2]  # the covers, and the last inside page, may end short
        for number, page in enumerate(inside, start=2):
            if page.extract_words()[:1] and page.extract_words()[0]["text"] == "Contents":
                continue  # the table of contents is a page of its own by design
            fill = _fill(page, spec.margin_top, spec.frame_height)
            if fill < MIN_FILL:
                thin.append((number, round(fill, 2)))
    assert thin == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_a_list_split_between_pages_leaves_no_row_alone(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    """Every two-column row a page holds has another beside it on that page: a list that
    runs on to the next page takes at least two rows there and leaves two behind."""
    margin = load_layout(layout).page.margin_left
    with pdfplumber.open(pdfs[kit, layout]) as document:
        for number, page in enumerate(document.pages[1:-1], start=2):
            foot = page.height * (1 - FOOTER_BAND)
            rows = 0
            for line in _lines(page):
                if abs(line[0]["x0"] - margin) > 1 or line[0]["bottom"] > foot:
                    continue
                pairs = itertools.pairwise(line)
                rows += any(
                    right["x0"] - left["x1"] > COLUMN_GAP
                    and right["size"] > CAPTION_SIZE  # not the captions of stills side by side
                    and left["size"] <= right["size"]  # nor a chapter heading beside its text
                    for left, right in pairs
                )
            assert rows != 1, f"page {number} holds one row of a list alone"


def _photo_rows(page: pdfplumber.page.Page) -> list[list[dict[str, float]]]:
    """The page's photos (wider than 40 mm) grouped by their top, each row left to right."""
    photos = sorted((i for i in page.images if i["width"] > 40 * MM), key=lambda i: i["top"])
    rows: list[list[dict[str, float]]] = []
    for image in photos:
        if rows and abs(rows[-1][0]["top"] - image["top"]) < 1:
            rows[-1].append(image)
        else:
            rows.append([image])
    return [sorted(row, key=lambda i: i["x0"]) for row in rows]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_every_row_of_stills_runs_the_full_measure_from_the_margin(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    """A still alone in its row runs the full measure; stills side by side share their top
    (so their captions start on one line), the first at the left margin, the last at the
    right: no portrait centred alone between landscapes, no row narrower than the text."""
    page_spec = load_layout(layout).page
    right = page_spec.margin_left + page_spec.frame_width
    rows = []
    with pdfplumber.open(pdfs[kit, layout]) as document:
        for page in document.pages[1:-1]:
            rows += [row for row in _photo_rows(page) if row[0]["width"] > 0.3 * right]
    stills = [row for row in rows if len(row) > 1 or row[0]["width"] > 0.9 * page_spec.frame_width]
    assert sum(len(row) for row in stills) >= 5, rows  # 9 stills less the cover's, inline
    for row in stills:
        assert abs(row[0]["x0"] - page_spec.margin_left) < 1, [i["x0"] / MM for i in row]
        assert abs(row[-1]["x1"] - right) < 1, [i["x1"] / MM for i in row]


MAX_STILL_CROP = 0.10  # of a still's frame height, hidden by its clip at most
CLOSING_CROP = 0.25  # the pair on the last stills page, rather than one short row


def _clipped_images(pdf: Path) -> list[tuple[int, float, float]]:
    """(page, placed height, shown height) of every photo, as MuPDF draws the inside pages
    (``mutool trace``): the image's placed height, and the height of the clipping paths
    around it."""
    import re
    import subprocess

    pages = len(pdfplumber.open(pdf).pages)
    trace = subprocess.run(
        ["mutool", "trace", str(pdf), f"2-{pages - 1}"], capture_output=True, text=True
    ).stdout
    found, page, clips, path = [], 1, [], []  # clips: the heights of the open clip paths
    for line in trace.splitlines():
        line = line.strip()
        if line.startswith("<page "):
            page += 1
        elif line.startswith("<clip_path"):
            scale = abs(float(re.findall(r'transform="([^"]+)"', line)[0].split()[3]))
            path = [scale]
        elif line.startswith(("<moveto", "<lineto")) and path:
            path.append(float(re.findall(r'y="([^"]+)"', line)[0]))
        elif line.startswith("</clip_path>") and path:
            ys = path[1:]
            clips.append(path[0] * (max(ys) - min(ys)) if ys else float("inf"))
            path = []
        elif line.startswith("<pop_clip") and clips:
            clips.pop()
        elif line.startswith("<fill_image"):
            matrix = [float(x) for x in re.findall(r'transform="([^"]+)"', line)[0].split()]
            width, height = abs(matrix[0]), abs(matrix[3])
            if width > 40 * MM:
                found.append((page, height, min([height, *clips])))
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_no_still_loses_more_than_a_tenth_of_its_frame(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    images = _clipped_images(pdfs[kit, layout])
    assert len(images) >= 6  # the inside pages': the back cover's still is measured apart
    cropped = [(page, round(1 - shown / placed, 3)) for page, placed, shown in images]
    # The hero still that fills a thin page's foot, or the closing pair on the last stills
    # page, may give up to a quarter of their height; every other still a tenth at most.
    assert len([c for c in cropped if c[1] > MAX_STILL_CROP]) <= 2, cropped
    assert all(c[1] <= CLOSING_CROP for c in cropped), cropped


def test_a_list_splits_three_rows_a_side_or_moves_whole() -> None:
    from reportlab.platypus import Table, TableStyle

    from kitpress.outputs.pdf.render.sections import no_lone_rows

    def parts(rows: int, room_rows: float) -> list[int]:
        table = Table([[f"label {i}", f"value {i}"] for i in range(rows)], rowHeights=[20] * rows)
        table.setStyle(TableStyle(no_lone_rows(rows)))
        table.wrap(400, 1000)
        return [len(part._cellvalues) for part in table.split(400, room_rows * 20 + 1)]

    assert parts(12, 2) == []  # two rows at a page's foot: the list moves whole
    assert parts(12, 3) == [3, 9]
    assert parts(12, 10) == [9, 3]  # two rows alone on the next page: three go over
    assert parts(8, 7) == []  # a short list never splits


def _runs_under_a_portrait(page: pdfplumber.page.Page, margin: float) -> list[str]:
    """Lines of a bio or filmography set at the left margin below a portrait's top: text that
    wrapped under the portrait instead of keeping to its column (a name or heading, in larger
    type, ends the person)."""
    portraits = [i for i in page.images if 20 * MM < i["width"] < 80 * MM]
    if not portraits:
        return []
    foot = page.height * (1 - FOOTER_BAND)
    found, inside = [], False
    for line in _lines(page):
        top, size, left = line[0]["top"], line[0]["size"], line[0]["x0"]
        if top > foot or size >= 12:  # a person's name, or the next section's heading
            inside = False
            continue
        beside = any(p["top"] <= top <= p["bottom"] and left > p["x1"] for p in portraits)
        inside = inside or beside
        if inside and abs(left - margin) < 1:
            found.append("".join(c["text"] for c in line)[:40])
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
def test_biographies_and_filmographies_keep_beside_the_portrait(
    pdfs: dict[tuple[str, str], Path], layout: str
) -> None:
    margin = load_layout(layout).page.margin_left
    with pdfplumber.open(pdfs["the-last-lock", layout]) as document:
        under = [
            (n, line)
            for n, page in enumerate(document.pages[1:-1], start=2)
            for line in _runs_under_a_portrait(page, margin)
        ]
    assert under == []


def test_a_kit_with_full_credits_names_its_crew_once(pdfs: dict[tuple[str, str], Path]) -> None:
    """The Last Lock's credits name everyone its key crew list does: the credits are set, the
    crew list that would repeat them is not."""
    with pdfplumber.open(pdfs["the-last-lock", "default"]) as document:
        pages = [page.extract_text() for page in document.pages[1:-1]]
    headings = {line for text in pages for line in text.splitlines()}
    assert "Credits" in headings and "Crew" not in headings
    assert sum(text.count("Sami Quell") for text in pages) == 1  # the editor, in no bio


def test_printed_folios_sit_on_the_outer_edge(tmp_path: Path) -> None:
    """In the print PDF (and so the booklet) a left-hand page's folio is at its left margin,
    a right-hand page's at its right, each page's own margins (mirrored: the outside ones);
    the screen PDF keeps every folio at the right."""
    result = build(EXAMPLE_KIT, BuildOptions(format="print-pdf", out=tmp_path, layout="default"))
    assert result.print_pdf is not None
    page_spec = replace(load_layout("default").page, pages_a_sheet=2)  # printed: facing pages
    with pdfplumber.open(result.print_pdf) as document:
        bleed = float(document.pages[0].trimbox[0])
        sides = []
        for number, page in enumerate(document.pages[1:-1], start=2):
            foot = [w for w in page.extract_words() if w["top"] > page.height * (1 - FOOTER_BAND)]
            folio = next((w for w in foot if w["text"] == str(number)), None)
            if folio is None:  # the blank inside back cover: no folio
                assert number == len(document.pages) - 1 and not page.extract_text().strip()
                continue
            left = abs(folio["x0"] - bleed - page_spec.left_margin(number)) < 1
            right = folio["x1"] - bleed - (page_spec.width - page_spec.right_margin(number))
            right = abs(right) < 1
            sides.append((number, "left" if left else "right" if right else "elsewhere"))
    assert sides == [(n, "left" if n % 2 == 0 else "right") for n, _ in sides]


def test_a_printed_kit_leaves_at_most_one_page_of_its_booklet_blank(tmp_path: Path) -> None:
    """The Last Lock's 14 pages would leave two blank in a booklet of 16: the print PDF made
    into a booklet takes a ruled notes page and a blank inside back cover before its back
    cover, which keeps no folio and is the last page of the last sheet."""
    kit = KITS["the-last-lock"]
    options = BuildOptions(format="print-pdf,booklet", out=tmp_path, layout="default")
    result = build(kit, options)
    assert result.print_pdf is not None
    with pdfplumber.open(result.print_pdf) as document:
        count = len(document.pages)
        texts = [page.extract_text() for page in document.pages]
        back = document.pages[-1]
        foot = [w for w in back.extract_words() if w["top"] > back.height * (1 - FOOTER_BAND)]
    assert count % 4 == 0, count  # the back cover is the outside back, not a page inside
    stills = max(n for n, t in enumerate(texts) if "THE LAST LOCK." in t)  # the last content
    assert all(t.split("\n")[0] == "Notes" for t in texts[stills + 1 : -2]), texts[stills:]
    assert count - stills - 1 <= 4  # notes, inside back and back cover fill one sheet at most
    assert "Notes" not in texts[-2] and len(texts[-2].split("\n")) <= 1  # the folio line only
    assert not any(w["text"] == str(count) for w in foot)


def test_a_print_pdf_not_made_into_a_booklet_takes_one_blank_page_at_most(
    tmp_path: Path,
) -> None:
    """Printed on both sides of loose sheets, a kit needs its back cover on an even page, no
    more: Parallel Mothers' five pages take one blank inside back cover, no notes pages; made
    into a booklet they fill two sheets of four."""
    kit = KITS["parallel-mothers"]
    result = build(kit, BuildOptions(format="print-pdf", out=tmp_path / "print"))
    assert result.print_pdf is not None
    with pdfplumber.open(result.print_pdf) as document:
        texts = [page.extract_text() or "" for page in document.pages]
    assert len(texts) % 2 == 0 and len(texts) <= 6, len(texts)
    assert not any(t.split("\n")[0] == "Notes" for t in texts)
    booklet = build(kit, BuildOptions(format="booklet", out=tmp_path / "booklet"))
    (sheets,) = [where for _, where in booklet.written if where.suffix == ".pdf"]
    assert len(PdfReader(sheets).pages) == 4  # 8 pages, two on each side of two sheets


def _page_texts(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [page.extract_text() or "" for page in document.pages[1:-1]]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_short_kits_one_row_lists_are_rows_of_its_technical_details(
    pdfs: dict[tuple[str, str], Path], layout: str
) -> None:
    """Parallel Mothers has one release date, a crew of one and one festival: no heading
    stands over one row; they are rows of the technical details, under its heading."""
    text = "\n".join(_page_texts(pdfs["parallel-mothers", layout]))
    lines = text.splitlines()
    assert not {"Release dates", "Crew", "Festivals and awards"} & {x.title() for x in lines}
    start = next(i for i, x in enumerate(lines) if x.casefold() == "technical details")
    box = "\n".join(lines[start : start + 12])
    for row in ("DIRECTOR Pedro Almodóvar", "US 5 April 2022 · Home entertainment", "VENICE"):
        assert row in box, box


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("the-last-lock-fr")
    options = BuildOptions(format="screen-pdf", out=out, layout="default", language="fr")
    result = build(KITS["the-last-lock"], options)
    assert result.pdf is not None
    return result.pdf


def _label_lines(pdf: Path, layout: str) -> list[list[list[str]]]:
    """Each list label's lines, as words: the small capitals in the side column, a line
    within a label's leading of the one above it being that label's next line."""
    spec = load_layout(layout).page
    side = spec.margin_left + spec.label_column - spec.columns_gap + 1
    labels: list[list[list[str]]] = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages[1:-1]:
            words = page.extract_words(extra_attrs=["size"])
            small = [
                w
                for w in words
                if w["size"] < 9 and w["x0"] >= spec.margin_left - 1 and w["x1"] <= side
            ]
            rows: dict[int, list[str]] = {}
            for w in small:
                rows.setdefault(round(w["top"]), []).extend(w["text"].split())
            blocks: list[list[list[str]]] = []
            above = -100
            for top in sorted(rows):
                if top - above < 16:  # the label's next line: a label's leading is 14 pt
                    blocks[-1].append(rows[top])
                else:
                    blocks.append([rows[top]])
                above = top
            labels += [  # capitals and years only: not a caption beside a still
                block
                for block in blocks
                if not any(letter.islower() for line in block for word in line for letter in word)
            ]
    return labels


def test_a_label_that_wraps_keeps_two_words_on_its_last_line_in_english_and_french(
    pdfs: dict[tuple[str, str], Path], french: Path
) -> None:
    """The side column holds the common labels on one line ("CINEMATOGRAPHER") or two,
    never with one word alone below: "DIRECTOR / OF PHOTOGRAPHY", "PREMIER / ASSISTANT
    RÉALISATEUR"; a label of two parts breaks between them ("RELEASE DATES · / NETHERLANDS")."""
    english = _label_lines(pdfs["the-last-lock", "default"], "default")
    wrapped = [label for label in english if len(label) > 1]
    joined = [[word for line in label for word in line] for label in wrapped]
    assert ["DIRECTOR", "OF", "PHOTOGRAPHY"] in joined, english
    for label in wrapped + [x for x in _label_lines(french, "default") if len(x) > 1]:
        parted = label[0][-1] == "·"  # broken after its separator: "RELEASE DATES · / US"
        assert len(label) == 2 and (len(label[-1]) >= 2 or parted), label


def _text_starts_beside_portraits(page: pdfplumber.page.Page) -> set[float]:
    portraits = [i for i in page.images if 20 * MM < i["width"] < 80 * MM]
    return {
        round(line[0]["x0"] / MM, 1)
        for line in _lines(page)
        if any(
            p["top"] <= line[0]["top"] <= p["bottom"] and line[0]["x0"] > p["x1"] for p in portraits
        )
    }


@pytest.mark.parametrize("layout", LAYOUTS)
def test_bios_beside_portraits_start_on_the_lists_value_column(
    pdfs: dict[tuple[str, str], Path], layout: str
) -> None:
    spec = load_layout(layout).page
    values = round((spec.margin_left + spec.label_column) / MM, 1)
    with pdfplumber.open(pdfs["the-last-lock", layout]) as document:
        starts = set().union(*(_text_starts_beside_portraits(p) for p in document.pages[1:-1]))
    # Every bio line starts there; a filmography's titles hang past its years' column.
    assert starts and min(starts) == values, (starts, values)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_contacts_sit_side_by_side_and_the_trailer_code_under_its_list(
    pdfs: dict[tuple[str, str], Path], layout: str
) -> None:
    spec = load_layout(layout).page
    values = spec.margin_left + spec.label_column
    with pdfplumber.open(pdfs["the-last-lock", layout]) as document:
        words = [w for page in document.pages[1:3] for w in page.extract_words()]
        roles = [w for w in words if w["text"] == "WORLD"]  # the second block
        for number, page in enumerate(document.pages[1:-1], start=2):
            codes = [i for i in page.images if abs(i["width"] - 62) < 2]
            for code in codes:  # no row of a list goes on below the code on its page
                below = [line for line in _lines(page) if line[0]["top"] > code["bottom"] + 20]
                rows = [
                    line
                    for line in below
                    if abs(line[0]["x0"] - spec.margin_left) < 1
                    and any(abs(c["x0"] - values) < 1 for c in line)
                    and line[0]["size"] < 9
                ]
                assert rows == [], (number, ["".join(c["text"] for c in r) for r in rows])
    # beside the first, on the grid's value column (three columns, the side column's
    # first), else at the frame's half
    side = min(spec.label_column, spec.frame_width / 2)
    columns = [spec.margin_left + side]
    columns.append(spec.margin_left + (spec.frame_width + spec.columns_gap) / 2)
    assert roles and all(min(abs(w["x0"] - x) for x in columns) < 1 for w in roles), roles
    first = [w for w in words if w["text"] == "INTERNATIONAL"][:1]  # the first block's role
    assert first and abs(first[0]["x0"] - spec.margin_left) < 1, first


def test_the_inside_front_says_the_running_time_certificate_and_first_release(
    pdfs: dict[tuple[str, str], Path],
) -> None:
    inside = _page_texts(pdfs["the-last-lock", "default"])[0]
    lines = inside.splitlines()
    embargo = next(i for i, line in enumerate(lines) if line.startswith("Reviews embargoed"))
    assert (
        lines[embargo + 1] == "104 minutes · 12A (BBFC) · UK & Ireland · Theatrical 16 October 2026"
    )


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_every_still_is_placed_at_the_layouts_ppi_whichever_way_its_row_is_set(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    """The closing pair's pictures are made for the full measure, so drawn one above the
    other (or side by side) they keep the layout's ppi; the example stills are large enough."""
    wanted = load_layout(layout).stills.pdf_ppi
    with pdfplumber.open(pdfs[kit, layout]) as document:
        ppis = [
            (number, round(image["srcsize"][0] / (image["width"] / 72)))
            for number, page in enumerate(document.pages[1:-1], start=2)
            for image in page.images
            if image["width"] > 40 * MM
        ]
    assert [p for p in ppis if p[1] < wanted - 1] == [], ppis


def _baselines(page: pdfplumber.page.Page, words: str) -> list[dict[str, float]]:
    """The glyphs of the line that begins with ``words`` (its first glyph first)."""
    for line in _lines(page):
        text = "".join(c["text"] for c in line).casefold()
        start = text.find(words.replace(" ", "").casefold())
        if start >= 0:
            return line[start:]
    return []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_prose_runs_in_the_text_column_its_chapter_headings_hung_beside_it(
    pdfs: dict[tuple[str, str], Path], layout: str
) -> None:
    """The production notes' chapter heading stands at the margin in the side column, its
    first baseline on the first baseline of its text, which starts on the value column
    every list sets its values on; so does every line of the prose on the page."""
    spec = load_layout(layout)
    text_column = spec.page.margin_left + spec.page.label_column
    body = spec.styles["body"].size
    with pdfplumber.open(pdfs["the-last-lock", layout]) as document:
        page = next(p for p in document.pages if "a story" in p.extract_text().casefold())
        head = _baselines(page, "A story")
        assert head and abs(head[0]["x0"] - spec.page.margin_left) < 1, head[:1]
        beside = next(
            c for c in _lines(page) if abs(c[0]["matrix"][5] - head[0]["matrix"][5]) < 0.5
        )
        text = [c for c in beside if c["x0"] > text_column - 1]
        assert "".join(c["text"] for c in text).startswith("THELASTLOCKbegan"), beside[:5]
        assert abs(text[0]["x0"] - text_column) < 1
        starts = {
            round(line[0]["x0"] / MM)
            for line in _lines(page)
            if abs(line[0]["size"] - body) < 0.1 and line[0]["x0"] > spec.page.margin_left + 1
        }
    assert starts == {round(text_column / MM)}, starts


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_quote_has_its_stars_beside_it_and_its_source_under_it(
    pdfs: dict[tuple[str, str], Path], layout: str
) -> None:
    """The praise on the grid: a quote in the text column, its critic's stars in the side
    column standing on its first baseline, who said it on the line under the quote."""
    spec = load_layout(layout).page
    text_column = spec.margin_left + spec.label_column
    with pdfplumber.open(pdfs["the-last-lock", layout]) as document:
        page = next(p for p in document.pages if "IMOGEN SALT" in (p.extract_text() or ""))
        quote = _baselines(page, "“A quietly")
        source = _baselines(page, "— IMOGEN SALT")
        stars = [r for r in page.rects if r["x1"] < text_column and r["width"] < 12]
        curves = [c for c in page.curves if c["x1"] < text_column and c["width"] < 12]
    assert quote and abs(quote[0]["x0"] - text_column) < 1
    assert source and abs(source[0]["x0"] - text_column) < 1
    assert source[0]["top"] > quote[0]["top"]  # under the quote
    marks = curves or stars  # the five stars, drawn as shapes in the side column
    assert marks and all(m["x0"] >= spec.margin_left - 1 for m in marks)
    first_baseline = page.height - quote[0]["matrix"][5]
    # the stars' row (their foot 3 pt above its own) stands on the quote's first baseline
    assert min(abs(m["bottom"] + 3 - first_baseline) for m in marks) < 1.5


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_the_technical_details_are_one_box_on_one_page(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    """From the year to the last row (the trailer's, or the festival's where it is merged
    in), the technical details move as one; only where moving them would leave the page
    they start on thin (the text above its heading's gap ending above the page's 60 % line)
    do they go on over it."""
    last = "TRAILER" if kit == "the-last-lock" else "VENICE"
    with pdfplumber.open(pdfs[kit, layout]) as document:
        pages = document.pages[1:-1]
        texts = [page.extract_text() or "" for page in pages]
        start = next(n for n, text in enumerate(texts) if re.search(r"(^|\n)YEAR ", text))
        heading = next(w for w in pages[start].extract_words() if w["text"].upper() == "TECHNICAL")
        spec = load_layout(layout).page
        down = (heading["top"] - HEADING_GAP - spec.margin_top) / spec.frame_height
    if f"\n{last}" not in texts[start]:
        assert down < 0.6, (start + 2, round(down, 2))
        assert f"\n{last}" in texts[start + 1]


MAX_INSIDE_SIZES = 6  # type sizes on the inside pages: a few sizes make the hierarchy


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kit", KITS)
def test_the_inside_pages_are_set_in_a_few_sizes(
    pdfs: dict[tuple[str, str], Path], kit: str, layout: str
) -> None:
    with pdfplumber.open(pdfs[kit, layout]) as document:
        sizes = Counter(
            round(c["size"], 1)
            for page in document.pages[1:-1]
            for c in page.chars
            if c["text"].strip()
        )
    assert len(sizes) <= MAX_INSIDE_SIZES, sorted(sizes)
    assert min(sizes) >= 7.5, sorted(sizes)  # 7 pt only on the covers' laurels


@pytest.mark.parametrize("layout", LAYOUTS)
def test_two_stills_stand_among_the_prose_in_the_text_column(
    pdfs: dict[tuple[str, str], Path], layout: str
) -> None:
    """The long synopsis and the production notes each carry a still the text column wide,
    aligned on it, before the stills pages; its caption and rights line stand beside it in
    the side column, their last line on the picture's foot."""
    spec = load_layout(layout).page
    text_column = spec.margin_left + spec.label_column
    width = spec.frame_width - spec.label_column
    with pdfplumber.open(pdfs["the-last-lock", layout]) as document:
        texts = [page.extract_text() or "" for page in document.pages]
        stills_page = next(n for n, t in enumerate(texts) if re.search(r"(?im)^stills$", t))
        placed = [
            (number, image, page.extract_words())
            for number, page in enumerate(document.pages[1:stills_page], start=1)
            for image in page.images
            if abs(image["width"] - width) < 1.5
        ]
    assert len(placed) == 2, [(n, round(i["x0"]), round(i["width"])) for n, i, _ in placed]
    for number, image, words in placed:
        assert abs(image["x0"] - text_column) < 1
        beside = [
            w
            for w in words
            if w["x1"] <= text_column - spec.columns_gap + 1
            and image["top"] <= w["top"] and w["bottom"] <= image["bottom"] + 1
        ]  # fmt: skip
        assert any(w["text"] == "©" for w in beside), (number, [w["text"] for w in beside])
        foot = max(w["bottom"] for w in beside)
        assert image["bottom"] - foot < 3, (number, image["bottom"], foot)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_cast_is_listed_in_end_credit_form(
    pdfs: dict[tuple[str, str], Path], layout: str
) -> None:
    """Each character beside the actor in tracked capitals, no "as": "Nell Harrow   MAREN
    ODUYA", the actors' capitals spaced by 5 % of their size at least (by glyph positions)."""
    with pdfplumber.open(pdfs["the-last-lock", layout]) as document:
        pages = [p for p in document.pages[1:-1] if "Nell Harrow" in (p.extract_text() or "")]
        lines = [line for p in pages for line in p.extract_text_lines()]
    row = next(
        line for line in lines if line["text"].startswith("Nell Harrow") and "ODUYA" in line["text"]
    )
    assert row["text"] == "Nell Harrow MAREN ODUYA"
    actor = [c for c in row["chars"] if c["text"] in "MAREN"][-5:]  # the actor's last word's
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(actor[-4:])]  # letters' spacing
    assert min(gaps) >= 0.05 * actor[0]["size"] - 0.1
