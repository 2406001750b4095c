"""kit.yaml loading and validation: every problem located, worded, and reported at once.

Each folder under ``tests/data/kits/`` is one scenario: a small ``kit.yaml`` and an
``expected.txt`` holding the exact error lines, one per line (empty for a valid kit).
Stills are never committed: every scenario is copied into ``tmp_path`` and gets two tiny
JPEGs, ``stills/a.jpg`` and ``stills/b.jpg``, written there with Pillow.
"""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from kitpress.errors import Issue, KitError
from kitpress.kit.load import load_kit
from kitpress.kit.model import Festival, Kit, Release

KITS = Path(__file__).resolve().parent / "data" / "kits"
STILL_NAMES = ("a.jpg", "b.jpg")

# Scenarios whose kit.yaml is rewritten at test time, so no odd bytes are committed.
ENCODE: dict[str, Callable[[str], bytes]] = {
    "utf-16": lambda text: text.encode("utf-16"),
    "not-utf-8": lambda text: text.encode("latin-1"),
    "control-character": lambda text: text.replace("{BEL}", "\a").encode("utf-8"),
}
# Scenarios checked with strict=True (their expected lines are warnings turned errors).
STRICT = {"still-used-twice"}
# Real bugs in src/ (see the report): expected.txt holds what the code should say.
KNOWN_BUGS: dict[str, str] = {}  # scenario -> reason, for a bug found but not yet fixed
LOCATED = re.compile(r"^kit\.yaml:\d+: [\w.\[\]]+: \S")


def expected_lines(name: str) -> list[str]:
    return (KITS / name / "expected.txt").read_text(encoding="utf-8").splitlines()


def prepare(name: str, tmp_path: Path) -> Path:
    """Copy scenario ``name`` into ``tmp_path``, with its stills and final encoding."""
    kit = tmp_path / name
    shutil.copytree(KITS / name, kit, ignore=shutil.ignore_patterns("expected.txt"))
    (kit / "stills").mkdir(exist_ok=True)
    for still in STILL_NAMES:
        Image.new("RGB", (8, 6), (120, 80, 40)).save(kit / "stills" / still, "JPEG")
    if name in ENCODE:
        kit_file = kit / "kit.yaml"
        kit_file.write_bytes(ENCODE[name](kit_file.read_text(encoding="utf-8")))
    return kit


def _scenario_names() -> list[str]:
    return sorted(p.name for p in KITS.iterdir() if (p / "kit.yaml").is_file())


def _error_scenarios() -> list[pytest.ParameterSet]:
    params = []
    for name in _scenario_names():
        if not expected_lines(name):
            continue
        marks = []
        if name in KNOWN_BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name]))
        params.append(pytest.param(name, marks=marks, id=name))
    return params


def load(kit: Path, *, strict: bool = False) -> tuple[Kit, list[Issue]]:
    return load_kit(kit, strict=strict)


def test_every_scenario_has_kit_and_expected_lines() -> None:
    folders = sorted(p.name for p in KITS.iterdir() if p.is_dir())
    assert len(folders) >= 30
    for name in folders:
        assert (KITS / name / "kit.yaml").is_file(), name
        assert (KITS / name / "expected.txt").is_file(), name


@pytest.mark.parametrize("name", _error_scenarios())
def test_scenario_reports_exact_lines(name: str, tmp_path: Path) -> None:
    kit = prepare(name, tmp_path)
    with pytest.raises(KitError) as exc:
        load(kit, strict=name in STRICT)
    assert exc.value.lines() == expected_lines(name)
    assert exc.value.exit_code == 2


def test_every_problem_at_once(tmp_path: Path) -> None:
    """The acceptance case: three unrelated problems, three located lines, one run."""
    kit = prepare("every-problem-at-once", tmp_path)
    with pytest.raises(KitError) as exc:
        load(kit)
    lines = exc.value.lines()
    assert len(lines) == 3
    assert all(LOCATED.match(line) for line in lines), lines
    assert [line.split(":")[1] for line in lines] == ["2", "7", "8"]
    assert "did you mean 'year'?" in lines[0]
    assert "did you mean 'janis'?" in lines[1]
    assert "file not found: 'stills/missing.jpg'" in lines[2]


def test_yaml_1_1_values_stay_as_typed(tmp_path: Path) -> None:
    kit, warnings = load(prepare("yaml-1-1-values", tmp_path))
    assert warnings == []
    assert kit.title == "Parallel Mothers"
    assert kit.year == 2021
    assert kit.runtime == 120
    assert kit.countries == ("NO",)
    assert kit.languages == ("Spanish", "no")
    assert kit.aspect_ratio == "16:9"
    assert kit.sound == "NO"
    assert kit.colour == "yes"
    assert kit.rating == "1:35:00"
    assert kit.genres == ("Drama", "on", "off")
    assert kit.production_companies == ("El Deseo", "1e3", "0x1F", ".inf")
    assert kit.copyright_line == "2021-09-10"
    assert kit.releases == (Release("NO", "Theatrical", datetime.date(2021, 9, 10)),)
    assert kit.festivals == (Festival("Venezia", 2021, None, "Volpi Cup"),)


def test_still_used_twice_is_a_warning(tmp_path: Path) -> None:
    kit, warnings = load(prepare("still-used-twice", tmp_path))
    assert len(kit.stills) == 3
    assert kit.stills[0].file == kit.stills[2].file
    assert [w.severity for w in warnings] == ["warning"]
    assert [str(w) for w in warnings] == [
        "kit.yaml:5: stills[2].file: warning: the same file is already stills[0]"
    ]


def test_still_used_twice_is_an_error_when_strict(tmp_path: Path) -> None:
    with pytest.raises(KitError) as exc:
        load(prepare("still-used-twice", tmp_path), strict=True)
    assert [i.severity for i in exc.value.issues] == ["error"]
    assert exc.value.lines() == expected_lines("still-used-twice")


def test_example_kit_loads_cleanly() -> None:
    example = KITS.parents[2] / "assets" / "parallel-mothers"
    kit, warnings = load(example)
    assert warnings == []
    assert kit.title == "Parallel Mothers"
    assert [member.id for member in kit.cast] == ["janis", "ana", "elena", "teresa", "arturo"]
    assert len(kit.stills) == 9


def test_kit_file_may_be_named_directly(tmp_path: Path) -> None:
    kit_dir = prepare("yaml-1-1-values", tmp_path)
    kit, _ = load(kit_dir / "kit.yaml")
    assert kit.source == (kit_dir / "kit.yaml").absolute()
    assert kit.root == kit_dir.absolute()


def test_missing_kit_folder_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(KitError) as exc:
        load(missing)
    assert exc.value.lines() == [
        f"{missing}: no kit here: no such file or folder (kitpress init makes a new kit)"
    ]


def test_errors_and_warnings_are_sorted_by_line(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "kit.yaml").write_text(
        "runtime: long\nyear: soon\ntitle: X\ntrailer: ftp://example.com/t\n", encoding="utf-8"
    )
    with pytest.raises(KitError) as exc:
        load(kit)
    assert [issue.line for issue in exc.value.issues] == [1, 2, 4]
    assert [issue.path for issue in exc.value.issues] == ["runtime", "year", "trailer"]


def test_the_kits_language_and_translations_are_bcp47_tags_in_their_usual_case(tmp_path):
    from kitpress.kit.load import load_kit

    (tmp_path / "kit.yaml").write_text("language: en-gb\ntranslations: [FR, pt_br]\ntitle: X\n")
    kit, _ = load_kit(tmp_path)
    assert (kit.language, kit.translations) == ("en-GB", ("fr", "pt-BR"))


def test_a_language_that_is_no_tag_is_a_located_error(tmp_path):
    from kitpress.errors import KitError
    from kitpress.kit.load import load_kit

    (tmp_path / "kit.yaml").write_text("title: X\nlanguage: French\n")
    with pytest.raises(KitError) as raised:
        load_kit(tmp_path)
    assert "kit.yaml:2" in str(raised.value) and "'French' is not a language tag" in str(
        raised.value
    )


def test_a_language_that_is_no_tag_is_the_only_error_its_translations_get(tmp_path):
    # a French kit translated into English, its language written as a word: English is not
    # 'the kit's own language' (the language kitpress would fall back to is none the user wrote)
    (tmp_path / "kit.yaml").write_text("title: X\nlanguage: French\ntranslations: [en]\n")
    (tmp_path / "kit.en.yaml").write_text("title: Y\n")
    with pytest.raises(KitError) as raised:
        load_kit(tmp_path)
    assert raised.value.lines() == [
        "kit.yaml:2: language: 'French' is not a language tag (did you mean 'fr'?)"
    ]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("French", "did you mean 'fr'?"),
        ("français", "did you mean 'fr'?"),
        ("Deutsch", "did you mean 'de'?"),
        ("portuguese", "did you mean 'pt'?"),
        ("Klingonish", "e.g. en, en-GB, fr, pt-BR"),
    ],
)
def test_a_language_written_by_its_name_is_told_its_tag(tmp_path, written, hint):
    (tmp_path / "kit.yaml").write_text(f"title: X\nlanguage: {written}\n", encoding="utf-8")
    with pytest.raises(KitError) as raised:
        load_kit(tmp_path)
    assert raised.value.lines() == [
        f"kit.yaml:2: language: '{written}' is not a language tag ({hint})"
    ]


def test_a_translation_written_by_its_name_is_told_its_tag(tmp_path):
    (tmp_path / "kit.yaml").write_text("title: X\nlanguage: fr\ntranslations: [English]\n")
    with pytest.raises(KitError) as raised:
        load_kit(tmp_path)
    assert raised.value.lines() == [
        "kit.yaml:3: translations[0]: 'English' is not a language tag (did you mean 'en'?)"
    ]


@pytest.mark.parametrize(
    ("language", "role"),
    [
        ("fr", "Réalisation"),
        ("fr", "Scénario et réalisation"),
        ("es", "Dirección"),
        ("de", "Regie"),
        ("it", "Regia"),
        ("pt", "Realização"),
    ],
)
def test_a_director_credited_in_the_kits_language_is_its_director(tmp_path, language, role):
    # a French kit's `Réalisation: …` (as kitpress import keeps a French page's crew) is who
    # 'Un film de …' names on the cover
    (tmp_path / "kit.yaml").write_text(
        f"title: X\nlanguage: {language}\ncrew:\n  Image: Ana Lens\n  {role}: Sophie Marchand\n",
        encoding="utf-8",
    )
    kit, _ = load_kit(tmp_path)
    assert kit.directors == ("Sophie Marchand",)
