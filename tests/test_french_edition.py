"""The example kit's French edition (`the-last-lock --lang fr`) as a French press reader gets
it: the PDF's own text, read back with pypdf, holds French usage and no English kitpress set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from kitpress.pipeline import BuildOptions, build

from .conftest import REPO

KIT = REPO / "assets" / "the-last-lock"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> str:
    out: Path = tmp_path_factory.mktemp("fr")
    result = build(KIT, BuildOptions(format="pdf", out=out, language="fr"))
    pdf = next(path for _, path in result.written if path.suffix == ".pdf")
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_a_french_colon_follows_a_no_break_space_in_the_pdf_text(french: str) -> None:
    assert f"De gauche à droite{NBSP}:" in french  # the captions' house words
    assert f"photo{NBSP}: Ruth Amsel" in french
    assert f"saison{NBSP}: un bateau" in french  # the prose, through French typography
    assert re.findall(r"\w :(?!//)", french) == []  # no breakable space before a colon
