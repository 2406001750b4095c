"""The caption sheet in the ZIP is safe to open in a spreadsheet: no cell runs as a formula
(OWASP's CSV injection advice), and `import-captions` reads such cells back as typed."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from kitpress.csv_cells import as_typed, neutralised
from kitpress.importing.captions_import import import_captions
from kitpress.kit.load import load_kit
from kitpress.pipeline import BuildOptions, build

from .conftest import make_still

LINK = '=HYPERLINK("http://example.com/x","Credits")'
KIT = f"""\
title: Dogtooth
cast:
  - {{id: ana, actor: "@ana", character: Older Daughter}}
rights:
  copyright: Boo Productions
stills:
  - file: stills/one.jpg
    description: "-1 degree outside, the garden"
    rights: {{photographer: '{LINK}'}}
  - file: stills/two.jpg
    people: [ana]
    rights: {{photographer: "+30 Studio"}}
"""


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    folder = tmp_path / "kit"
    (folder / "stills").mkdir(parents=True)
    (folder / "kit.yaml").write_text(KIT, encoding="utf-8")
    make_still(folder / "stills" / "one.jpg", (300, 200), 1)
    make_still(folder / "stills" / "two.jpg", (300, 200), 2)
    return folder


def _sheet(result: object) -> list[dict[str, str]]:
    with zipfile.ZipFile(result.zip) as archive:  # type: ignore[attr-defined]
        name = next(n for n in archive.namelist() if n.endswith("/captions.csv"))
        text = archive.read(name).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_no_cell_of_the_caption_sheet_starts_a_formula(kit: Path, tmp_path: Path) -> None:
    rows = _sheet(build(kit, BuildOptions(format="zip", out=tmp_path / "out")))
    assert rows[0]["photographer"] == "'" + LINK
    assert rows[1]["photographer"] == "'+30 Studio"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        (LINK, "'" + LINK),
        ("+30", "'+30"),
        ("-1 degree", "'-1 degree"),
        ("@ana", "'@ana"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1", "'\r=1"),
        ("'quoted' on purpose", "'quoted' on purpose"),
        ("Iglesias Más", "Iglesias Más"),
    ],
)
def test_a_neutralised_cell_reads_back_as_typed(typed: str, written: str) -> None:
    assert neutralised(typed) == written
    assert as_typed(written) == typed


def test_import_captions_reads_quoted_cells_as_typed(kit: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "captions.csv"
    sheet.write_text(
        "file,description,photographer\n"
        "one.jpg,'-2 degrees,'=Robbie Ryan\n"
        "two.jpg,'quoted' on purpose,'@studio\n",
        encoding="utf-8",
    )
    import_captions(sheet, kit, force=True)
    loaded, _ = load_kit(kit)
    first, second = loaded.stills
    assert first.description == "-2 degrees"
    assert first.rights is not None and first.rights.photographer == "=Robbie Ryan"
    assert second.description == "'quoted' on purpose"
    assert second.rights is not None and second.rights.photographer == "@studio"
