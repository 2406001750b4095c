"""The example kit's French translation (`assets/the-last-lock/kit.fr.yaml` and its
`*.fr.md` files) is a complete overlay in the translation format, set in French typography."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from kitpress.kit.load import load_kit

from .conftest import REPO

KIT = REPO / "assets" / "the-last-lock"
# The keys a translation overlay may hold, and inside each list, the keys it may translate.
OVERLAY_TEXT = {
    "title", "logline", "synopsis", "long_synopsis", "directors_statement", "interview",
    "production_notes", "genres", "countries", "languages", "subtitles", "colour",
    "billing_block", "copyright_line", "embargo", "rights", "crew", "title_art",
}  # fmt: skip
OVERLAY_LISTS = {
    "cast": {"id", "character", "bio", "filmography"},
    "filmmakers": {"name", "role", "bio", "filmography"},
    "credits": {"role"},
    "festivals": {"section", "award"},
    "quotes": {"text"},
    "release_dates": {"territory", "window"},
    "contacts": {"role"},
    "stills": {"file", "description", "alt"},
}
NNBSP, NBSP = "\u202f", "\u00a0"


def _yaml(name: str) -> dict[str, Any]:
    data = yaml.safe_load((KIT / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _texts(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for value in node.values() for t in _texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return []


def _french_files() -> list[Path]:
    return sorted(KIT.rglob("*.fr.md"))


def _french_art() -> list[Path]:
    return sorted(KIT.rglob("*.fr.svg"))  # the French title art


def test_the_kit_declares_french_and_still_loads() -> None:
    kit, _ = load_kit(KIT)
    assert kit.language == "en" and kit.translations == ("fr",)


def test_the_overlay_holds_only_translated_text_matching_the_kit() -> None:
    main, french = _yaml("kit.yaml"), _yaml("kit.fr.yaml")
    assert set(french) - OVERLAY_TEXT - set(OVERLAY_LISTS) == set()
    assert french["title"] == "La Dernière Écluse"
    for key, allowed in OVERLAY_LISTS.items():
        assert all(set(entry) <= allowed for entry in french[key]), key
    assert {c["id"] for c in french["cast"]} <= {c["id"] for c in main["cast"]}
    assert [f["name"] for f in french["filmmakers"]] == [f["name"] for f in main["filmmakers"]]
    assert [s["file"] for s in french["stills"]] == [s["file"] for s in main["stills"]]
    assert set(french["crew"]) == set(main["crew"])
    for key in ("credits", "festivals", "quotes", "release_dates", "contacts"):
        assert len(french[key]) == len(main[key]), key  # matched by position
    assert french["crew"]["Director"] == "Réalisation"
    assert french["crew"]["Director of Photography"] == "Image"


def test_every_french_file_is_named_and_there() -> None:
    named = [
        node["file"]
        for entry in (_yaml("kit.fr.yaml"), *_yaml("kit.fr.yaml")["cast"])
        for node in (entry.values() if isinstance(entry, dict) else [])
        if isinstance(node, dict) and "file" in node
    ]
    named += [f["bio"]["file"] for f in _yaml("kit.fr.yaml")["filmmakers"]]
    named += [_yaml("kit.fr.yaml")["title_art"]["on_dark"]]
    found = [*_french_files(), *_french_art()]
    assert sorted(named) == sorted(p.relative_to(KIT).as_posix() for p in found)
    for name in named:  # each beside its English original
        assert (KIT / name.replace(".fr.", ".")).is_file(), name


def test_the_french_is_set_in_french_typography() -> None:
    texts = _texts(_yaml("kit.fr.yaml")) + [p.read_text(encoding="utf-8") for p in _french_files()]
    joined = "\n".join(texts)
    assert "'" not in joined and '"' not in joined  # typographic apostrophes: ’
    assert joined.count("’") > 100
    assert re.findall(r"«(?!\u202f)|(?<!\u202f)»", joined) == []  # « » hold narrow spaces
    assert joined.count("«") == joined.count("»") >= 5
    assert re.findall(r"[^\u202f\u00a0\n][;!?]|[^\u202f\u00a0\n]:(?!//)", joined) == []
    assert re.findall(r" [;:!?]", joined) == []  # never an ordinary, breakable space
    assert f"35{NBSP}mm" in joined and f"19{NBSP}h" in joined  # a number and its unit kept together
    assert f"Pourquoi un conflit si feutré{NNBSP}?" in joined
