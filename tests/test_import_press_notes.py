"""`kitpress import` reads the press notes a page has: INTERVIEW, PRODUCTION NOTES, ABOUT THE
CAST, ABOUT THE FILMMAKERS and credits in end-credit form (under CREDITS or END CREDITS),
and writes the kit keys of issue 13: Markdown files for the prose and the biographies,
filmographies as lists, credits as {role, names}. The seed page's form still reads as
before (tests/test_import.py holds it)."""

from __future__ import annotations

from pathlib import Path

import yaml

from kitpress.importing.assemble import KitPlan, plan_kit
from kitpress.importing.facts import read_facts
from kitpress.importing.kit_writer import bare, kit_text, read_back
from kitpress.importing.page_import import ImportOptions, import_page
from kitpress.importing.press_page import read_page
from kitpress.kit.load import load_kit

from .conftest import make_still

PAGE = """\
The Last Lock

Logline
A lock-keeper's daughter has one winter to save the canal her family has tended for a century.

CREDITS
Directed by: Hester Vale
Written by: Hester Vale, Tobias Wren
Produced by: Anna Korhonen; Lockside Pictures, Inc.
Country: United Kingdom

CAST
Maren Oduya
DIRECTED BY
Hester Vale

INTERVIEW
Interview by Jane Doe
Q: Where did the film begin?
A: On a towpath in February, watching a lock fill.
JD: Why a lock-keeper?
HV: Because she decides who passes.

PRODUCTION NOTES
Development
The film began as a short story Hester Vale wrote on the night train to Leeds.
Casting
Maren Oduya read for Nell twice, once in a rehearsal room and once on the towpath itself.
“A lock is a promise that the water will wait.”
— Hester Vale

ABOUT THE CAST
A word on the cast.
MAREN ODUYA (Nell)
Maren Oduya trained at the Bristol Old Vic Theatre School.
She lives in Glasgow.
Selected filmography
2023 The Quiet Year (dir. Pia Lund)
2021 – Salt Roads – Omar Reyes
ILYA BRASK is Tom Harrow
Ilya Brask made his name in the theatre.
Filmography
Harbour Lights (television, 2022)

ABOUT THE FILMMAKERS
HESTER VALE
Hester Vale was born in Hull.
Filmography
2019 Low Water
SAMI QUELL (Editor)
Sami Quell cut both of Vale's features.

END CREDITS
Music by
Cora Lind
Line Producer: Sam Ortiz
Sound
Ade Brook
Mo Tarr

PHOTOS
L to R: Maren Oduya as Nell, Ilya Brask as Tom Harrow in THE LAST LOCK. \
© Lockside Pictures, photo by Ruth Amsel. Courtesy of Northlight Releasing.
"""


def plan_of(tmp_path: Path, text: str = PAGE) -> KitPlan:
    page_file = tmp_path / "page.txt"
    page_file.write_text(text, encoding="utf-8")
    page = read_page(page_file)
    return plan_kit(page, read_facts(page), [tmp_path / "a.jpg"], tmp_path, None)


def test_biographies_become_bio_files_and_filmographies(tmp_path: Path) -> None:
    plan = plan_of(tmp_path)
    nell, tom = plan.data["cast"]
    assert nell == {
        "id": "nell",
        "actor": "Maren Oduya",
        "character": "Nell",
        "bio": {"file": "bios/maren-oduya.md"},
        "filmography": [
            {"year": "2023", "title": "The Quiet Year", "director": "Pia Lund"},
            {"year": "2021", "title": "Salt Roads", "director": "Omar Reyes"},
        ],
    }
    # Not in the cast list: ABOUT THE CAST adds him, with the character its heading gives.
    assert tom == {
        "id": "tom-harrow",
        "actor": "Ilya Brask",
        "character": "Tom Harrow",
        "bio": {"file": "bios/ilya-brask.md"},
        "filmography": {"file": "bios/ilya-brask-filmography.md"},
    }
    assert plan.files["bios/maren-oduya.md"] == (
        "Maren Oduya trained at the Bristol Old Vic Theatre School.\n\nShe lives in Glasgow.\n"
    )
    # A line that is not 'YEAR Title (dir. Name)' keeps the filmography as Markdown.
    assert plan.files["bios/ilya-brask-filmography.md"] == ("- Harbour Lights (television, 2022)\n")


def test_filmmakers_in_the_crew_are_linked_not_given_a_role_twice(tmp_path: Path) -> None:
    plan = plan_of(tmp_path)
    assert plan.data["filmmakers"] == [
        {
            "name": "Hester Vale",
            "bio": {"file": "bios/hester-vale.md"},
            "filmography": [{"year": "2019", "title": "Low Water"}],
        },
        {"name": "Sami Quell", "role": "Editor", "bio": {"file": "bios/sami-quell.md"}},
    ]
    assert plan.data["crew"] == {"Director": "Hester Vale"}


def test_credits_in_end_credit_form_keep_their_order(tmp_path: Path) -> None:
    plan = plan_of(tmp_path)
    assert plan.data["credits"] == [
        {"role": "Directed by", "names": "Hester Vale"},
        {"role": "Written by", "names": ["Hester Vale", "Tobias Wren"]},
        {"role": "Produced by", "names": ["Anna Korhonen", "Lockside Pictures, Inc."]},
        {"role": "Music by", "names": "Cora Lind"},
        {"role": "Line Producer", "names": "Sam Ortiz"},
        {"role": "Sound", "names": ["Ade Brook", "Mo Tarr"]},
    ]
    assert plan.data["countries"] == "United Kingdom"  # a detail under CREDITS stays one


def test_interview_and_production_notes_become_markdown(tmp_path: Path) -> None:
    plan = plan_of(tmp_path)
    assert plan.data["interview"] == {"file": "interview.md"}
    assert plan.data["interviewer"] == "Jane Doe"
    assert plan.files["interview.md"] == (
        "Q: Where did the film begin?\n\nA: On a towpath in February, watching a lock fill.\n\n"
        "JD: Why a lock-keeper?\n\nHV: Because she decides who passes.\n"
    )
    assert plan.data["production_notes"] == {"file": "production-notes.md"}
    assert plan.files["production-notes.md"] == (
        "## Development\n\n"
        "The film began as a short story Hester Vale wrote on the night train to Leeds.\n\n"
        "## Casting\n\n"
        "Maren Oduya read for Nell twice, once in a rehearsal room and once on the towpath "
        "itself.\n\n"
        "> “A lock is a promise that the water will wait.”\n>\n> — Hester Vale\n"
    )


def test_what_cannot_be_placed_is_a_warning_and_a_comment(tmp_path: Path) -> None:
    plan = plan_of(tmp_path)
    assert [str(w) for w in plan.warnings] == [
        "page.txt:33: warning: not under a person's name in ABOUT THE CAST; kept as a "
        "comment at the end of kit.yaml",
        "page.txt:50: warning: read 'SAMI QUELL' as 'Sami Quell'; check the spelling",
    ]
    text = kit_text(plan.data, [], plan.footer)
    assert "# line 33: A word on the cast.\n" in text


def test_the_kit_yaml_written_reads_back_the_same(tmp_path: Path) -> None:
    plan = plan_of(tmp_path)
    written = tmp_path / "kit.yaml"
    written.write_text(kit_text(plan.data, ["imported"], plan.footer), encoding="utf-8")
    read_back(written, plan.data)
    assert (
        yaml.safe_load(written.read_text(encoding="utf-8"))["credits"][2]
        == (
            bare(plan.data["credits"])[2]  # type: ignore[index]
        )
    )


def test_a_page_without_press_notes_writes_none_of_their_keys(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "Low Water\n\nLogline\nA river rises.\n\nCAST\nAnn Lee\n")
    assert sorted(plan.data) == ["cast", "logline", "stills", "title"]
    assert plan.files == {}


def test_an_imported_page_with_press_notes_loads_as_a_kit(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    make_still(tmp_path / "photos" / "still-01.jpg", (240, 160), 1)
    import_page(page, ImportOptions(tmp_path / "photos", tmp_path / "kit"))
    kit, _ = load_kit(tmp_path / "kit")
    assert (tmp_path / "kit" / "bios" / "maren-oduya.md").is_file()
    assert [member.actor for member in kit.cast] == ["Maren Oduya", "Ilya Brask"]


def test_a_filmmaker_with_no_role_anywhere_is_a_warning(tmp_path: Path) -> None:
    page = "Low Water\n\nABOUT THE FILMMAKERS\nRUTH AMSEL\nRuth Amsel photographs rivers.\n"
    plan = plan_of(tmp_path, page)
    assert plan.data["filmmakers"] == [
        {"name": "Ruth Amsel", "bio": {"file": "bios/ruth-amsel.md"}}
    ]
    assert [str(w) for w in plan.warnings][:2] == [
        "page.txt:4: warning: read 'RUTH AMSEL' as 'Ruth Amsel'; check the spelling",
        "page.txt:4: filmmakers: warning: no role for Ruth Amsel (not in the crew either); "
        "add one in kit.yaml",
    ]
