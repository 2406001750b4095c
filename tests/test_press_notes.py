"""Press notes' people and long prose, end to end: biographies with portraits and selected
filmographies, filmmakers linked to crew, the interview's questions and answers, production
notes in chapters with pull quotes, and the end credits with merged roles.

The document layer's structure is tested directly; the PDFs of every shipped layout and both
profiles are read back with pypdf (text on its page) and poppler's pdfimages (portraits'
pixel sizes, effective ppi and colour space)."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from kitpress.document.end_credits import end_credits
from kitpress.document.labels import ENGLISH
from kitpress.document.prose_blocks import ProseBlock, interview_blocks, prose_blocks
from kitpress.errors import StillError
from kitpress.kit.model import CrewCredit
from kitpress.outputs.pdf.portraits import portrait_box, portrait_pixels
from kitpress.pipeline import BuildOptions, BuildResult, build, check

from .conftest import check_errors, needs_poppler
from .press_notes_kit import write_press_notes_kit

LAYOUTS = ("default", "classic", "minimal", "festival-letter")


def test_chapters_and_pull_quotes_are_parsed_once_for_every_output() -> None:
    notes = "Shot in *autumn*.\n\n## Finding the lock\n\n> Flood it **twice**\n> a day.\n\nAfter.\n"
    assert prose_blocks(notes) == (
        ProseBlock("text", "Shot in *autumn*."),
        ProseBlock("heading", "Finding the lock"),
        ProseBlock("quote", "Flood it **twice**\na day."),
        ProseBlock("text", "After."),
    )


def test_lists_stay_in_their_text_run() -> None:
    assert prose_blocks("Crew:\n\n- one\n- two\n") == (ProseBlock("text", "Crew:\n\n- one\n- two"),)


def test_questions_are_bold_paragraphs_q_prefixes_or_the_interviewers_initials() -> None:
    interview = (
        "**Where did it begin?**\n\nWith my *grandfather*.\n\nJD: Why the canal?\n\n"
        "A: Water cannot be faked.\n\n**Q:** Next?\n\n**Bold** opens this answer.\n"
    )
    assert interview_blocks(interview, "Jane Doe") == (
        ProseBlock("question", "Where did it begin?"),
        ProseBlock("answer", "With my *grandfather*."),
        ProseBlock("question", "Why the canal?"),
        ProseBlock("answer", "Water cannot be faked."),
        ProseBlock("question", "Next?"),
        ProseBlock("answer", "**Bold** opens this answer."),
    )


def test_initials_mark_questions_only_for_the_interviewer_named() -> None:
    assert interview_blocks("JD: Why?", None) == (ProseBlock("answer", "JD: Why?"),)


def test_adjacent_roles_of_one_person_merge_as_end_credits_say_them() -> None:
    credits = (
        CrewCredit("Directed by", ("Ada Brenner",)),
        CrewCredit("Written by", ("Ada Brenner",)),
        CrewCredit("Produced by", ("Ruth Kemper",)),
        CrewCredit("Edited by", ("Ruth Kemper", "Joris Veld")),
        CrewCredit("Music", ("Oona Fell",)),
        CrewCredit("Sound by", ("Oona Fell",)),
    )
    assert end_credits(credits, ENGLISH) == (
        CrewCredit("Written and directed by", ("Ada Brenner",)),
        CrewCredit("Produced by", ("Ruth Kemper",)),
        CrewCredit("Edited by", ("Ruth Kemper", "Joris Veld")),
        CrewCredit("Music", ("Oona Fell",)),
        CrewCredit("Sound by", ("Oona Fell",)),
    )


def test_three_roles_merge_in_one_line() -> None:
    credits = tuple(CrewCredit(r, ("Ada",)) for r in ("Directed by", "Produced by", "Written by"))
    assert end_credits(credits, ENGLISH) == (
        CrewCredit("Written, produced and directed by", ("Ada",)),
    )


def test_filmmakers_take_their_role_from_crew_and_the_director_leads(tmp_path: Path) -> None:
    kit = write_press_notes_kit(tmp_path / "kit")
    text = (kit / "kit.yaml").read_text(encoding="utf-8")
    first, second = text.index("  - name: Ada Brenner"), text.index("  - name: Ruth Kemper")
    producer_first = text[:first] + text[second : text.index("credits:")] + text[first:second]
    (kit / "kit.yaml").write_text(producer_first + text[text.index("credits:") :], "utf-8")
    document = check(kit, formats="screen-pdf").document
    assert [f.name for f in document.kit.filmmakers] == ["Ruth Kemper", "Ada Brenner"]
    assert [(p.name, p.part) for p in document.about_filmmakers] == [
        ("Ada Brenner", "Director"),
        ("Ruth Kemper", "Producer"),
    ]
    assert [(p.name, p.part) for p in document.about_cast] == [
        ("Maren Holt", "as Ilse"),
        ("Piet Aalders", "as Joost"),
    ]


def test_sections_are_absent_without_their_data(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "kit.yaml").write_text(
        "title: Bare\ncast: [{id: a, actor: Ann Ode}]\ncrew: {Director: Bo Ray}\n"
        "filmmakers: [{name: Bo Ray}]\n",
        encoding="utf-8",
    )
    sections = check(kit, formats="screen-pdf").document.sections
    assert "cast" in sections and "crew" in sections
    for key in ("about_cast", "about_filmmakers", "interview", "production_notes", "credits"):
        assert key not in sections


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_press_notes_kit(tmp_path_factory.mktemp("press-notes") / "kit")


@pytest.fixture(scope="module", params=LAYOUTS)
def built(
    request: pytest.FixtureRequest, kit: Path, tmp_path_factory: pytest.TempPathFactory
) -> BuildResult:
    out = tmp_path_factory.mktemp(f"out-{request.param}")
    return build(kit, BuildOptions(format="pdf,print-pdf", layout=request.param, out=out))


def _layout_of(built: BuildResult) -> str:
    return built.out_dir.name.removeprefix("out-").rstrip("0123456789")


def _pages(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def _page_with(pages: list[str], heading: str) -> str:
    found = [p for p in pages if heading.casefold() in p.casefold() and ". . . ." not in p]
    assert found, f"no page with {heading!r}"
    return found[0]


def test_builds_in_every_layout_without_warnings(built: BuildResult) -> None:
    assert [str(w) for w in built.warnings if w.severity != "note"] == []


def test_each_section_is_on_its_page(built: BuildResult) -> None:
    for pdf in (built.pdf, built.print_pdf):
        assert pdf is not None
        pages = _pages(pdf)
        interview = _page_with(pages, "Interview by Jane Doe")
        assert "Where did The Last Lock begin?" in interview
        assert "Water cannot be faked" in interview or "water cannot be faked" in interview
        assert not re.search(r"\b(JD|Q|A):", interview) and "**" not in interview
        notes = _running(pages, "Production notes")  # sections flow: onto the next page too
        assert "finding the lock" in notes.casefold() and "##" not in notes
        assert "We needed a lock that still worked" in notes and ">" not in notes
        cast = _running(pages, "About the cast")
        for text in ("as Ilse", "Toneelacademie", "Selected filmography", "Winter Ferry"):
            assert text.casefold() in cast.casefold(), text
        assert "Tomas Lind, as Greta" in cast
        assert "Low Water" in cast and "carpenter" in cast
        makers = _running(pages, "About the filmmakers")
        assert makers.casefold().index("ada brenner") < makers.casefold().index("ruth kemper")
        assert "Tidewater, Director" in makers and "Kanaal Films" in makers
        start = pages.index(_page_with(pages, "Written and directed by"))
        credits = " ".join(pages[start : start + 2])  # the credits may run onto the next page
        assert "Ruth Kemper" in credits and "Oona Fell" in credits


def _running(pages: list[str], heading: str) -> str:
    """The text of the page where ``heading`` is and of the page after it."""
    start = pages.index(_page_with(pages, heading))
    return " ".join(pages[start : start + 2])


@needs_poppler
def test_portraits_are_placed_at_their_size_and_ppi(built: BuildResult, kit: Path) -> None:
    document = check(kit, _layout_of(built), formats="screen-pdf").document
    portraits = document.portraits
    assert len(portraits) == 2
    for pdf, ppi, colour in ((built.pdf, 200, "rgb"), (built.print_pdf, 300, "cmyk")):
        assert pdf is not None
        rows = _images(pdf)
        pages = _pages(pdf)
        cast_page = 1 + pages.index(_page_with(pages, "About the cast"))
        on_page = [r for r in rows if r["page"] == cast_page]
        assert on_page  # the first portrait is on the section's first page (both may be)
        image = on_page[0]
        layout = document.layout
        width, height = portrait_pixels(layout, portraits[0], ppi)
        # the engine keeps the source's aspect ratio: a pixel of rounding either way
        assert abs(int(image["width"]) - width) <= 1 and abs(int(image["height"]) - height) <= 1
        assert image["colour"] == colour
        # at its box, or smaller beside a short bio (down to 60 % of its height): never softer
        assert ppi - 1 <= image["ppi"] <= ppi / 0.6 + 1
        box = portrait_box(layout, portraits[0].pixels)
        assert abs(width / (box[0] / 72) - ppi) <= 1


def _images(pdf: Path) -> list[dict[str, int | str]]:
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    rows = []
    for line in listing:
        cols = line.split()
        rows.append(
            {
                "page": int(cols[0]),
                "width": int(cols[3]),
                "height": int(cols[4]),
                "colour": cols[5],
                "ppi": int(cols[12]),
            }
        )
    return rows


def test_a_small_portrait_is_a_located_warning(tmp_path: Path) -> None:
    kit = write_press_notes_kit(tmp_path / "kit", portrait=(200, 260))
    warnings = [str(w) for w in check(kit, formats="pdf,print-pdf").warnings if "photo" in w.path]
    assert warnings == [
        "kit.yaml:15: cast[0].photo: warning: maren-holt.jpg is placed at 134 ppi in the PDF "
        "(200 wanted); a larger portrait would be sharper",
        "kit.yaml:15: cast[0].photo: warning: maren-holt.jpg is placed at 134 ppi in the "
        "print PDF (300 wanted); a larger portrait would be sharper",
        "kit.yaml:31: filmmakers[0].photo: warning: ada-brenner.jpg is placed at 134 ppi in the "
        "PDF (200 wanted); a larger portrait would be sharper",
        "kit.yaml:31: filmmakers[0].photo: warning: ada-brenner.jpg is placed at 134 ppi in "
        "the print PDF (300 wanted); a larger portrait would be sharper",
    ]


def test_an_unreadable_portrait_is_a_located_error(tmp_path: Path) -> None:
    kit = write_press_notes_kit(tmp_path / "kit")
    (kit / "portraits" / "maren-holt.jpg").write_bytes(b"not a picture at all")
    lines = check_errors(kit, StillError)
    assert lines == [
        "kit.yaml:15: cast[0].photo: maren-holt.jpg: the file is a text file, not an image"
    ]


@pytest.mark.parametrize(
    "newest", ["bios/maren-holt.md", "interview.md", "portraits/ada-brenner.jpg"]
)
def test_the_people_and_prose_files_date_the_kit(tmp_path: Path, newest: str) -> None:
    kit = write_press_notes_kit(tmp_path / "kit")
    old = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC).timestamp()
    for path in kit.rglob("*"):
        os.utime(path, (old, old))
    new = datetime.datetime(2024, 5, 1, 9, tzinfo=datetime.UTC)
    os.utime(kit / newest, (new.timestamp(), new.timestamp()))
    assert check(kit, formats="screen-pdf").document.dated == new


def test_a_portrait_beside_the_stills_is_not_a_left_out_still(tmp_path: Path) -> None:
    kit = write_press_notes_kit(tmp_path / "kit")
    (kit / "portraits" / "maren-holt.jpg").rename(kit / "stills" / "maren-holt.jpg")
    yaml = (kit / "kit.yaml").read_text(encoding="utf-8")
    (kit / "kit.yaml").write_text(
        yaml.replace("portraits/maren-holt.jpg", "stills/maren-holt.jpg"), encoding="utf-8"
    )
    notes = [str(w) for w in check(kit, formats="screen-pdf").warnings if w.path == "stills"]
    assert notes == []


def test_answers_may_start_with_the_initials_of_who_answers() -> None:
    interview = "JD: Why the canal?\n\nAB: Because water cannot be faked.\n\nQ: And AB?\n"
    assert interview_blocks(interview, "Jane Doe", ("Ada Brenner",)) == (
        ProseBlock("question", "Why the canal?"),
        ProseBlock("answer", "Because water cannot be faked."),
        ProseBlock("question", "And AB?"),
    )


def test_a_quote_nested_past_any_parser_limit_keeps_its_words() -> None:
    assert prose_blocks(">" * 5000 + " deep\n") == (ProseBlock("quote", "deep"),)
    nested = "> We needed a lock\n>\n> > that still worked.\n"
    assert prose_blocks(nested) == (ProseBlock("quote", "We needed a lock\n\nthat still worked."),)


@needs_poppler
def test_a_sans_layout_sets_the_people_and_prose_in_sans_only(built: BuildResult) -> None:
    if _layout_of(built) not in ("festival-letter", "minimal"):  # "sans throughout" layouts
        pytest.skip("a layout with serif type")
    for pdf in (built.pdf, built.print_pdf):
        listing = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert {line.split()[0].split("+")[-1].split("-")[0] for line in listing} == {"NotoSans"}
