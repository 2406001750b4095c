"""File names in any encoding and any locale, and a printer's version 4 ICC profile.

A kit folder or output folder whose name holds bytes that are not UTF-8 builds as any other;
under a C locale with Python's UTF-8 mode off, a kit with non-ASCII names still checks and
builds; a still whose name kit.yaml cannot hold is one located line at import; a version 4
CMYK profile works for the print PDF, with a warning about PDF/X-1a's output intent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from kitpress.cli import main
from kitpress.importing.page_import import ImportOptions, import_page

from .conftest import make_still
from .test_atomic_outputs import OUTPUTS, make_kit
from .test_import import SEED_LABEL, SEED_WARNINGS, seed_page

NOT_UTF8 = os.fsdecode(b"r\xe9sum\xe9-\xff")  # Latin-1 bytes, kept by Python as surrogates
V4_CMYK = Path("/usr/share/color/icc/ghostscript/ps_cmyk.icc")  # Ghostscript's, ICC v4


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def test_a_kit_and_output_folder_named_in_latin1_build(tmp_path: Path) -> None:
    kit = make_kit(tmp_path / f"kit-{NOT_UTF8}", 2, (600, 400))
    out = tmp_path / f"out-{NOT_UTF8}"
    status, stderr = cli("build", str(kit), "--out", str(out))
    assert status == 0, stderr
    assert "error" not in stderr
    assert sorted(os.listdir(os.fsencode(out))) == sorted(  # noqa: PTH208 (the bytes, as stored)
        os.fsencode(name)
        for name in [*OUTPUTS, "atomic-blonde_press-kit_print.pdf", "manifest.json", "site"]
    )
    assert (out / "site" / "index.html").is_file()
    assert len(PdfReader(out / OUTPUTS[0]).pages) >= 2


def c_locale() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONUTF8"))}
    return dict(env, LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")


def test_a_kit_with_accented_names_checks_and_builds_under_a_c_locale(tmp_path: Path) -> None:
    kit = tmp_path / "Película"
    kit.mkdir()
    make_still(kit / "fotos" / "café.jpg", (600, 400))
    (kit / "kit.yaml").write_text(
        "title: Madres paralelas\nrights: {copyright: El Deseo, photographer: Iglesias Más}\n"
        "stills:\n  - file: fotos/café.jpg\n",
        encoding="utf-8",
    )
    env = c_locale()
    probe = [sys.executable, "-c", "import sys; print(sys.getfilesystemencoding())"]
    assert subprocess.run(probe, env=env, capture_output=True, text=True).stdout == "ascii\n"
    command = [sys.executable, "-m", "kitpress"]
    out = tmp_path / "out"
    for args in (["check", str(kit)], ["build", str(kit), "--format", "pdf", "--out", str(out)]):
        done = subprocess.run(
            [*command, *args], env=env, capture_output=True, timeout=300, check=False
        )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        assert b"Error" not in done.stderr and b"error" not in done.stderr
    assert [p.name for p in out.iterdir()] == ["madres-paralelas_press-kit.pdf"]


def test_import_from_a_latin1_folder_works_and_a_latin1_still_is_one_line(
    tmp_path: Path,
) -> None:
    page = seed_page(tmp_path)
    folder = tmp_path / f"photos-{NOT_UTF8}"
    for i in range(1, 10):
        make_still(folder / f"still-{i:02d}.jpg", (240, 160), i)
    result = import_page(page, ImportOptions(folder, tmp_path / "kit", territory="US"))
    assert [str(w) for w in result.warnings] == [SEED_LABEL + line for line in SEED_WARNINGS]
    text = (tmp_path / "kit" / "kit.yaml").read_text(encoding="utf-8")
    assert "# photos-r\\xe9sum\\xe9-\\xff/ (its stills)." in text
    assert (
        cli("build", str(tmp_path / "kit"), "--format", "pdf", "--out", str(tmp_path / "o"))[0] == 0
    )
    (folder / "still-05.jpg").rename(folder / f"still-05-{NOT_UTF8}.jpg")
    status, stderr = cli(
        "import", str(page), "--stills", str(folder), "--out", str(tmp_path / "k2")
    )
    assert status == 2
    shown = str(folder).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    assert stderr == (
        f"error: {shown}/still-05-r\\xe9sum\\xe9-\\xff.jpg: --stills: the file name is not UTF-8 "
        "text, so kit.yaml cannot name it: rename the file (convmv -f latin1 -t utf8 renames a "
        "folder of them)\n"
    )
    assert not (tmp_path / "k2").exists()


@pytest.mark.skipif(not V4_CMYK.is_file(), reason="Ghostscript's ICC profiles not installed")
def test_a_version_4_cmyk_profile_makes_the_print_pdf(tmp_path: Path) -> None:
    assert V4_CMYK.read_bytes()[8] == 4 and V4_CMYK.read_bytes()[16:20] == b"CMYK"
    kit = make_kit(tmp_path / "kit", 1, (900, 600))
    out = tmp_path / "out"
    status, stderr = cli(
        "build", str(kit), "--format", "pdf", "--profile", "print", "--icc", str(V4_CMYK),
        "--out", str(out),
    )  # fmt: skip
    assert status == 0, stderr
    assert (
        f"{V4_CMYK}: warning: an ICC version 4 profile: the print PDF's colours and pictures go "
        "through it, but PDF/X-1a expects a version 2 profile in its output intent; "
        "ask the print shop for a version 2 profile if their preflight objects"
    ) in stderr.splitlines()
    reader = PdfReader(out / "atomic-blonde_press-kit_print.pdf")
    intent = reader.trailer["/Root"]["/OutputIntents"][0].get_object()
    assert intent["/DestOutputProfile"].get_object().get_data() == V4_CMYK.read_bytes()
    if shutil.which("pdfimages"):
        listing = subprocess.run(
            ["pdfimages", "-list", str(out / "atomic-blonde_press-kit_print.pdf")],
            capture_output=True, text=True, check=True,
        ).stdout.splitlines()[2:]  # fmt: skip
        assert listing and all(line.split()[5] == "cmyk" for line in listing)
