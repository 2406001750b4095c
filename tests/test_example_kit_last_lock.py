"""The second example kit, `assets/the-last-lock/` (an invented film): it uses every key and
section kitpress has, every file it names is there, its pictures are at press sizes in sRGB
and the whole kit stays small; its title art and logos are paths only, its laurel is
transparent. It builds strictly, with no warning, in every shipped layout."""

from __future__ import annotations

import io
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image, ImageCms

from kitpress.kit import fields
from kitpress.kit.load import load_kit
from kitpress.pipeline import BuildOptions, build, check

from .conftest import REPO, needs_poppler

KIT = REPO / "assets" / "the-last-lock"
# The agreed keys of issue 13 (in fields.TOP once parts A and B land).
ISSUE_13 = (
    "filmmakers",
    "interview",
    "interviewer",
    "production_notes",
    "credits",
    "title_art",
    "logos",
    "billing_block",
    "website",
    "press_materials",
    "embargo",
)
# An English-language film has no original title other than its title; its key art is the
# cover, so it names no cover still (the Parallel Mothers kit does).
NOT_USED = {"original_title", "cover"}
SVG = "{http://www.w3.org/2000/svg}"


def kit_data() -> dict[str, Any]:
    data = yaml.safe_load((KIT / "kit.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def named_files(data: dict[str, Any]) -> list[str]:
    """Every file kit.yaml names: {file: …} values, stills, photos, art, laurels."""
    found: list[str] = []

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and key in {"file", "photo", "laurel", "key_art", "title_art"}:
            found.append(node)

    walk(data)
    return found


def test_the_kit_uses_every_top_level_key() -> None:
    data = kit_data()
    wanted = [k for k in (*fields.TOP, *ISSUE_13) if k not in NOT_USED]
    assert [key for key in wanted if key not in data] == []


def test_the_kit_uses_every_key_inside_its_entries() -> None:
    data = kit_data()
    used = {
        "cast": {k for entry in data["cast"] for k in entry},
        "festivals": {k for entry in data["festivals"] for k in entry},
        "quotes": {k for entry in data["quotes"] for k in entry},
        "contacts": {k for entry in data["contacts"] for k in entry},
        "stills": {k for entry in data["stills"] for k in entry},
        "filmmakers": {k for entry in data["filmmakers"] for k in entry},
    }
    expected = {
        "cast": {*fields.CAST, "bio", "filmography", "photo"},
        "festivals": {*fields.FESTIVAL, "laurel"},
        "quotes": {*fields.QUOTE, "stars", "hero"},
        "contacts": set(fields.CONTACT),
        "stills": set(fields.STILL) - {"id"},
        "filmmakers": {"name", "role", "bio", "filmography", "photo"},
    }
    assert {key: expected[key] - used[key] for key in used} == {key: set() for key in used}
    roles = [contact["role"] for contact in data["contacts"]]
    assert [r for r in roles if r not in fields.CONTACT_ROLES] == [
        "World Sales",
        "UK Press",
        "Festival Bookings",
    ]
    people = [p for still in data["stills"] for p in still.get("people", [])]
    assert {"crew": "Director"} in people  # behind the scenes
    assert {"cast": "nell", "in_character": False} in people
    assert sum(1 for quote in data["quotes"] if quote.get("hero")) == 1
    assert data["festivals"][0]["award"] and "award" not in data["festivals"][2]


def test_every_file_the_kit_names_is_there() -> None:
    files = named_files(kit_data())
    assert len(files) >= 30
    assert [name for name in files if not (KIT / name).is_file()] == []


def test_the_press_notes_have_their_forms() -> None:
    interview = (KIT / "interview.md").read_text(encoding="utf-8")
    questions = [p for p in interview.split("\n\n") if p.startswith("**")]
    assert len(questions) >= 5
    notes = (KIT / "production-notes.md").read_text(encoding="utf-8")
    assert notes.count("\n## ") + notes.startswith("## ") >= 4
    assert "\n> “" in notes and "\n> — Hester Vale" in notes
    prose = [p.read_text(encoding="utf-8") for p in KIT.rglob("*.md")]
    assert [text for text in prose if "'" in text or '"' in text] == []  # real quotes only


def test_pictures_are_at_press_sizes_in_srgb_and_the_kit_is_small() -> None:
    sizes = {}
    for path in sorted(KIT.rglob("*.jpg")):
        with Image.open(path) as image:
            assert image.mode == "RGB", path
            profile = ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))
            assert "sRGB" in ImageCms.getProfileDescription(profile), path
            sizes[path.relative_to(KIT).as_posix()] = image.size
    stills = [size for name, size in sizes.items() if name.startswith("stills/")]
    portraits = [size for name, size in sizes.items() if name.startswith("portraits/")]
    assert stills == [(3000, 2000)] * 9
    assert portraits == [(1200, 1500)] * 6
    # The key art covers an A4 page with 3 mm bleed (216 x 303 mm) at 300 ppi or more.
    width, height = sizes["art/key-art.jpg"]
    assert width / (216 / 25.4) >= 300 and height / (303 / 25.4) >= 300
    total = sum(p.stat().st_size for p in KIT.rglob("*") if p.is_file())
    assert total < 3 * 1024 * 1024


def test_title_art_and_logos_are_paths_only() -> None:
    for path in [KIT / "art" / "title.svg", *sorted((KIT / "logos").glob("*.svg"))]:
        root = ET.parse(path).getroot()
        tags = {element.tag.removeprefix(SVG) for element in root.iter()}
        assert tags <= {"svg", "title", "path", "rect", "circle", "g", "clipPath"}, path
        assert root.get("viewBox"), path
        assert len(root.findall(f".//{SVG}path")) >= 1


def test_the_laurel_is_transparent_around_its_leaves() -> None:
    with Image.open(KIT / "laurels" / "estuary-2026.png") as laurel:
        rgba = laurel.convert("RGBA")
    alpha = rgba.getchannel("A")
    assert alpha.getpixel((0, 0)) == 0 and alpha.getpixel((rgba.width - 1, 0)) == 0
    assert alpha.getextrema() == (0, 255)


@pytest.mark.parametrize("layout", ["default", "classic", "festival-letter", "minimal"])
def test_every_shipped_layout_checks_the_kit_strictly_without_a_warning(layout: str) -> None:
    checked = check(KIT, layout, strict=True)  # every output a kit is sent with
    assert [str(w) for w in checked.warnings if w.severity != "note"] == []


@needs_poppler
def test_the_kit_builds_without_warnings_and_its_sections_are_on_the_pages(
    tmp_path: Path,
) -> None:
    _, warnings = load_kit(KIT)
    assert warnings == []
    result = build(KIT, BuildOptions(format="pdf", out=tmp_path, strict=True))
    assert result.pdf is not None
    text = subprocess.run(
        ["pdftotext", str(result.pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")  # in reading order: a side column's lines as one block
    flat = " ".join(text.split())
    for expected in (
        "Where did THE LAST LOCK begin?",  # the interview
        "Finding Nell and Tom",  # a production notes chapter
        "Maren Oduya trained at the Bristol Old Vic",  # a cast biography
        "Anna Korhonen founded Lockside Pictures",  # a filmmaker biography
        "LOCK-KEEPING ADVISER",  # the full credits, whose roles are set in capitals
        "© 2026 Lockside Pictures Ltd.",  # the back cover
        "https://press.example.com/the-last-lock",
        "Reviews embargoed until 4 September 2026",
    ):
        assert expected in flat, expected
