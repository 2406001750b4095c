"""`kitpress import-captions`: a caption spreadsheet merged into the user's own kit.yaml.

The kit.yaml is the user's source file: everything outside the still entries that change
must stay byte for byte. Metadata is read back from the built ZIP with exiftool.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kitpress.cli import main
from kitpress.errors import ImportProblem
from kitpress.importing.captions_import import import_captions
from kitpress.kit.load import load_kit
from kitpress.pipeline import BuildOptions, build

from .conftest import make_still, needs_exiftool

KIT = """\
# Dogtooth: my own notes, kept by every tool.
title: "Dogtooth & <Friends>"   # quoted on purpose
cast:
  - {id: father, actor: Christos Stergioglou, character: Father}
  - {id: ana, actor: Aggeliki Papoulia, character: Older Daughter}
crew:
  Director: Γιώργος Λάνθιμος

rights:
  copyright: Boo Productions
  courtesy: Kino Lorber   # the US distributor

stills:
  # the dinner scene
  - file: stills/one.jpg
    people: [father]    # only him
  # the garden
  - file: stills/two.jpg
    description: 'The garden'
  - file: stills/three.jpg

# the film's own line, after the stills
copyright_line: © 2009 Boo Productions
"""

HEADER = "file,people,description,copyright,photographer,courtesy,alt text\n"


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "kit.yaml").write_text(KIT, encoding="utf-8")
    for i, name in enumerate(("one.jpg", "two.jpg", "three.jpg")):
        make_still(folder / "stills" / name, (240, 160), i)
    return folder


def write_csv(where: Path, text: str, *, bom: bool = False, name: str = "captions.csv") -> Path:
    path = where / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_only_the_changed_entry_changes_and_every_comment_survives(
    kit: Path, tmp_path: Path
) -> None:
    rows = HEADER + 'two.jpg,"ana; Christos Stergioglou",The garden,,Jiří Dvořák,,Alt & <text>\n'
    result = import_captions(write_csv(tmp_path, rows), kit)
    assert result.changed == ["stills/two.jpg"]
    expected = KIT.replace(
        "    description: 'The garden'\n",
        "    description: 'The garden'\n"
        "    people:\n"
        "      - ana\n"
        "      - father\n"
        "    alt: Alt & <text>\n"
        "    rights:\n"
        "      photographer: Jiří Dvořák\n",
    )
    assert (kit / "kit.yaml").read_text(encoding="utf-8") == expected
    loaded, _ = load_kit(kit)
    assert [p.character for p in loaded.stills[1].people] == ["Older Daughter", "Father"]


def test_a_changed_key_is_rewritten_in_place(kit: Path, tmp_path: Path) -> None:
    rows = HEADER + "one.jpg,Γιώργος Λάνθιμος (director),,,,,\n"
    import_captions(write_csv(tmp_path, rows), kit, force=True)
    expected = KIT.replace(
        "    people: [father]    # only him\n", "    people:\n      - crew: Director\n"
    )
    assert (kit / "kit.yaml").read_text(encoding="utf-8") == expected


def test_a_flow_style_stills_list_is_rewritten_and_nothing_else(kit: Path, tmp_path: Path) -> None:
    flow = "stills: [{file: stills/one.jpg}, {file: stills/two.jpg, alt: Two}]\n"
    text = "# mine\ntitle: Film   # note\n" + flow + "year: 2009  # after\n"
    (kit / "kit.yaml").write_text(text, encoding="utf-8")
    import_captions(write_csv(tmp_path, HEADER + "one.jpg,,At dinner,,,,\n"), kit)
    block = (
        "stills:\n"
        "  - file: stills/one.jpg\n"
        "    description: At dinner\n"
        "  - file: stills/two.jpg\n"
        "    alt: Two\n"
    )
    assert (kit / "kit.yaml").read_text(encoding="utf-8") == text.replace(flow, block)


def test_replacing_a_different_value_is_refused_without_force(kit: Path, tmp_path: Path) -> None:
    rows = HEADER + "two.jpg,,The lawn,,,,\none.jpg,ana,,Boo Productions,,,\n"
    captions = write_csv(tmp_path, rows)
    before = (kit / "kit.yaml").read_bytes()
    refused = run("import-captions", str(captions), str(kit))
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [
        "error: captions.csv:2: description: would replace 'The garden' with 'The lawn' for "
        "two.jpg; import with --force to replace it",
        "error: captions.csv:3: people: would replace 'Christos Stergioglou' with 'ana' for "
        "one.jpg; import with --force to replace it",
    ]
    assert (kit / "kit.yaml").read_bytes() == before
    forced = run("import-captions", str(captions), str(kit), "--force")
    assert forced.exit_code == 0
    assert forced.stdout == (
        f"updated {kit / 'kit.yaml'}: 2 stills (stills/one.jpg, stills/two.jpg)\n"
    )
    assert forced.stderr.splitlines() == [
        "captions.csv:2: description: warning: replaced 'The garden' with 'The lawn' for two.jpg",
        "captions.csv:3: people: warning: replaced 'Christos Stergioglou' with 'ana' for one.jpg",
    ]
    loaded, _ = load_kit(kit)
    assert loaded.stills[1].description == "The lawn"
    assert loaded.stills[0].people[0].name == "Aggeliki Papoulia"
    assert loaded.stills[0].rights.copyright is None  # same as the kit's: no override


def test_nothing_to_change_writes_nothing(kit: Path, tmp_path: Path) -> None:
    captions = write_csv(tmp_path, HEADER + "stills/one.jpg,father,,Boo Productions,,,\n")
    before = (kit / "kit.yaml").stat()
    done = run("import-captions", str(captions), str(kit))
    assert done.exit_code == 0
    assert done.stdout == f"{kit / 'kit.yaml'}: already says all of it; nothing changed\n"
    assert (kit / "kit.yaml").stat().st_mtime_ns == before.st_mtime_ns


def test_header_spellings_bom_semicolons_and_crlf(kit: Path, tmp_path: Path) -> None:
    text = KIT.replace("\n", "\r\n")
    (kit / "kit.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    rows = "File Name;ALT_TEXT;Courtesy Of;People Shown\r\nTHREE.JPG;A fork;MUBI & Co.;ana\r\n"
    import_captions(write_csv(tmp_path, rows, bom=True), kit)
    data = (kit / "kit.yaml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# Dogtooth")
    assert b"\n" not in data.replace(b"\r\n", b"")
    loaded, _ = load_kit(kit)
    three = loaded.stills[2]
    assert (three.alt, three.rights.courtesy, three.people[0].cast_id) == (
        "A fork",
        "MUBI & Co.",
        "ana",
    )


@pytest.mark.parametrize(
    ("rows", "errors"),
    [
        (
            "file,Photgrapher,alt\nx.jpg,y,z\n",
            ["captions.csv:1: header: unknown column 'Photgrapher' (did you mean 'photographer'?)"],
        ),
        (
            "file,notes\n",
            [
                "captions.csv:1: header: unknown column 'notes' (the columns are file, "
                "people, description, copyright, photographer, courtesy, alt text, caption, "
                "credits)"
            ],
        ),
        (
            "people,alt\n",
            ["captions.csv:1: header: no 'file' column: each row needs the still's file name"],
        ),
        (
            HEADER + "one.jpg,,a,,,,\ntwo.jpg,,,,,,\n\nfour.jpg,,,,,,\none.jpg,,,,,,\n",
            [
                "captions.csv:5: file: 'four.jpg' is not a still in kit.yaml (did you mean "
                "'two.jpg'?)",
                "captions.csv:6: file: 'one.jpg' is already on line 2",
            ],
        ),
        (
            HEADER + "one.jpg,Christos Stergioglou; fathr,,,,,\n",
            [
                "captions.csv:2: people: 'fathr' is not a cast id or an actor in the cast "
                "(did you mean 'father'?); write 'Name (role)' for anyone else"
            ],
        ),
        (
            HEADER + "one.jpg,,a,b,c,d,e,f\n",
            ["captions.csv:2: 8 cells but the header has 7 columns"],
        ),
        (
            HEADER + "one.jpg,,,,,,alt\x07\n",
            ["captions.csv:2: alt text: contains a control character (U+0007); remove it"],
        ),
    ],
)
def test_spreadsheet_problems_are_located_errors(
    rows: str, errors: list[str], kit: Path, tmp_path: Path
) -> None:
    captions = write_csv(tmp_path, rows)
    before = (kit / "kit.yaml").read_bytes()
    with pytest.raises(ImportProblem) as caught:
        import_captions(captions, kit)
    assert caught.value.lines() == errors
    assert (kit / "kit.yaml").read_bytes() == before
    done = run("import-captions", str(captions), str(kit))
    assert done.exit_code == 2
    assert done.stderr.splitlines() == [f"error: {line}" for line in errors]


def test_a_missing_kit_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    captions = write_csv(tmp_path, HEADER)
    done = run("import-captions", str(captions), str(tmp_path / "nokit"))
    assert done.exit_code == 2
    assert done.stderr == (
        f"error: {tmp_path / 'nokit'}: no kit here: no such file or folder "
        "(kitpress init makes a new kit)\n"
    )


def _exiftool(path: Path) -> dict[str, Any]:
    done = subprocess.run(["exiftool", "-j", "-G1", str(path)], capture_output=True, check=True)
    tags: dict[str, Any] = json.loads(done.stdout.decode("utf-8"))[0]
    return tags


@needs_exiftool
def test_a_caption_spreadsheet_round_trips_into_the_zips_metadata(
    kit: Path, tmp_path: Path
) -> None:
    rows = (
        HEADER + '"three.jpg","Aggeliki Papoulia; father","At dinner & <after>",'
        '"© Kino & Co","Jiří Dvořák","MUBI","Two people at a table"\n'
    )
    import_captions(write_csv(tmp_path, rows), kit)
    result = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert result.zip is not None
    with zipfile.ZipFile(result.zip) as archive:
        name = next(n for n in archive.namelist() if n.endswith("still-03_print.jpg"))
        still = tmp_path / "still-03.jpg"
        still.write_bytes(archive.read(name))
    tags = _exiftool(still)
    caption = (
        "L to R: Aggeliki Papoulia as Older Daughter, Christos Stergioglou as Father at dinner "
        "& <after> in DOGTOOTH & <FRIENDS>. © Kino & Co, photo by Jiří Dvořák. "
        "Courtesy of MUBI."
    )
    assert tags["XMP-dc:Description"] == caption
    assert tags["XMP-dc:Creator"] == "Jiří Dvořák"
    assert tags["XMP-dc:Rights"] == "© Kino & Co"
    assert tags["XMP-photoshop:Credit"] == "MUBI"
    assert tags["XMP-iptcExt:PersonInImage"] == ["Aggeliki Papoulia", "Christos Stergioglou"]
    assert tags["XMP-iptcCore:AltTextAccessibility"] == "Two people at a table"
