"""The Last Lock in both its languages, as a publicist sends them: each PDF in its own words,
dates and quotation marks, and one set of stills whose captions carry both languages."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from kitpress.pipeline import BuildOptions, build

from .conftest import REPO

KIT = REPO / "assets" / "the-last-lock"
NNBSP = "\u202f"  # the narrow no-break space French sets inside « » and before ; ! ?


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("both-languages")
    build(KIT, BuildOptions(format="zip", out=out, language="all"))
    return out


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        (
            "en",
            [
                "Technical details",
                "A FILM BY HESTER VALE",
                "16 October 2026",
                "104 minutes",
                "\u201cA quietly devastating film",
            ],
        ),
        (
            "fr",
            [
                "Fiche technique",
                "UN FILM DE HESTER VALE",
                "16 octobre 2026",
                "1 h 44",
                f"«{NNBSP}Un film d\u2019une douceur",
            ],
        ),
    ],
)
def test_each_language_is_set_in_its_own_words_dates_and_quotation_marks(
    built: Path, tag: str, words: list[str]
) -> None:
    archive = built / "the-last-lock_press-kit.zip"
    with zipfile.ZipFile(archive) as opened:
        pdf = built / f"the-last-lock_press-kit_{tag}.pdf"
        pdf.write_bytes(opened.read(f"the-last-lock_press-kit/{pdf.name}"))
    text = " ".join(_text(pdf).split()).casefold()  # the cover sets its lines in capitals
    missing = [w for w in words if " ".join(w.split()).casefold() not in text]
    assert not missing, f"{tag} PDF lacks {missing}"
    assert str(PdfReader(pdf).trailer["/Root"]["/Lang"]) == tag


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_one_still_carries_both_languages_captions_in_its_xmp(built: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(built / "the-last-lock_press-kit.zip") as opened:
        name = "the-last-lock_press-kit/stills-web/the-last-lock_still-01_web.jpg"
        still = tmp_path / "still.jpg"
        still.write_bytes(opened.read(name))
    found = json.loads(
        subprocess.run(
            [
                "exiftool",
                "-j",
                "-XMP-dc:Description-en",
                "-XMP-dc:Description-fr",
                "-XMP-dc:Description",
                "-IPTC:Caption-Abstract",
                str(still),
            ],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    )[0]
    assert "on the balance beam of Harrow\u2019s Lock at dawn" in found["Description-en"]
    assert "sur le balancier de l\u2019écluse Harrow au petit jour" in found["Description-fr"]
    assert "dans La Dernière Écluse." in found["Description-fr"]  # the title, no capitals
    assert found["Description"] == found["Description-en"] == found["Caption-Abstract"]
