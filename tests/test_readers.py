"""Every PDF kitpress writes (screen, print, booklet, 2-up) opens without a complaint in the
readers a press office, a festival or a print shop uses: Ghostscript, mupdf, poppler, qpdf and
pdf.js; with a tag of its own on every font subset, accented text that survives a Ghostscript
rewrite, the print PDF at the PDF version its PDF/X-1a:2001 claim is based on, and a link to a
trailer page that no reader takes for the file's trailer."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from kitpress.outputs.pdf.font_subsets import subset_tag, to_unicode_cmap
from kitpress.outputs.pdf.post import write_pdf
from kitpress.pipeline import BuildOptions, build
from kitpress.stills.system_profiles import system_cmyk_profile

from .conftest import REPO, SMALL_KIT, SYNOPSIS, make_still

TRAILER = "https://example.com/trailer?a=1&b=2"  # the kit's trailer link (conftest.SMALL_KIT)
ACCENTED = ("Łęcka-Wróblewská", "Jiří Dvořák", "Iglesias Más")
KINDS = ("screen", "print", "booklet", "2up")
PDFJS = REPO / ".ci" / "node"  # where .ci/run installs pdfjs-dist
# Ghostscript's banner and progress; anything else it prints is a complaint about the file.
GS_PROGRESS = re.compile(
    r"^(GPL Ghostscript|Copyright|This software|see the file|Processing "
    r"pages|Page \d+|Loading|Querying)"
)
# This mupdf is built without colour management; it says so for every file carrying a profile.
MUPDF_BUILD_NOTE = "warning: ICC support is not available"

pytestmark = pytest.mark.skipif(
    system_cmyk_profile() is None,
    reason="no system CMYK profile for the print PDF (Debian package libgs-common)",
)


def _needs(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    kit = tmp_path_factory.mktemp("kit")
    (kit / "kit.yaml").write_text(SMALL_KIT, encoding="utf-8")
    (kit / "synopsis.md").write_text(SYNOPSIS, encoding="utf-8")
    make_still(kit / "stills" / "one.jpg", (1200, 800), 1)
    make_still(kit / "stills" / "Two Still.JPG", (600, 900), 2)
    make_still(kit / "stills" / "three.jpg", (1000, 700), 3)
    out = tmp_path_factory.mktemp("out")
    both = build(kit, BuildOptions(format="all", out=out))
    booklet = build(kit, BuildOptions(format="booklet", out=out)).imposed
    two_up = build(kit, BuildOptions(format="2up", out=out)).imposed
    found = {"screen": both.pdf, "print": both.print_pdf, "booklet": booklet, "2up": two_up}
    assert all(path is not None for path in found.values())
    return {kind: path for kind, path in found.items() if path is not None}


def _run(*command: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("kind", KINDS)
def test_ghostscript_renders_without_a_complaint(pdfs: dict[str, Path], kind: str) -> None:
    _needs("gs")
    # not -q: it would hide the summary of errors Ghostscript repaired
    done = _run("gs", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=ppmraw", "-r30",
                "-o", "/dev/null", str(pdfs[kind]))  # fmt: skip
    said = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert done.returncode == 0
    assert [line for line in said if not GS_PROGRESS.match(line)] == []


@pytest.mark.parametrize("kind", KINDS)
def test_mupdf_renders_without_a_complaint(pdfs: dict[str, Path], kind: str) -> None:
    _needs("mutool")
    done = _run("mutool", "draw", "-q", "-r", "30", "-o", "/dev/null", str(pdfs[kind]))
    said = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert done.returncode == 0
    assert [line for line in said if line != MUPDF_BUILD_NOTE] == []


@pytest.mark.parametrize("kind", KINDS)
def test_poppler_and_qpdf_read_it_without_a_complaint(pdfs: dict[str, Path], kind: str) -> None:
    _needs("pdftoppm")
    _needs("qpdf")
    rendered = _run("pdftoppm", "-r", "30", str(pdfs[kind]), "/dev/null")
    assert (rendered.returncode, rendered.stderr) == (0, "")
    checked = _run("qpdf", "--check", str(pdfs[kind]))
    assert checked.returncode == 0, checked.stdout + checked.stderr  # 3 would be warnings
    assert "No syntax or stream encoding errors found" in checked.stdout


@pytest.mark.parametrize("kind", KINDS)
def test_pdfjs_opens_it_without_a_warning(pdfs: dict[str, Path], kind: str) -> None:
    _needs("node")
    if not (PDFJS / "node_modules" / "pdfjs-dist").is_dir():
        pytest.skip("pdfjs-dist not installed in .ci/node (.ci/run installs it)")
    script = REPO / "tests" / "pdfjs_check.mjs"
    done = _run("node", str(script), str(pdfs[kind]), cwd=PDFJS)
    assert (done.returncode, done.stdout) == (0, "")
    if kind in ("screen", "print"):
        assert all(name in done.stderr for name in ACCENTED)  # the pages' text, as pdf.js reads it


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_subset_has_a_tag_of_its_own(pdfs: dict[str, Path], kind: str) -> None:
    _needs("pdffonts")
    listing = _run("pdffonts", str(pdfs[kind])).stdout.splitlines()[2:]
    names = [line.split()[0] for line in listing]
    assert len(names) >= 4
    assert all(re.fullmatch(r"[A-Z]{6}\+Noto(Sans|Serif)-\w+", name) for name in names)
    tags = [name[:6] for name in names]
    assert len(set(tags)) == len(tags) and "AAAAAA" not in tags


@pytest.mark.parametrize("kind", ["screen", "print", "booklet"])
def test_accented_text_survives_a_ghostscript_rewrite(
    pdfs: dict[str, Path], kind: str, tmp_path: Path
) -> None:
    """Print shops rewrite files with Ghostscript; its text must still be the kit's."""
    _needs("gs")
    _needs("pdftotext")
    rewritten = tmp_path / "rewritten.pdf"
    done = _run("gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite",
                f"-sOutputFile={rewritten}", str(pdfs[kind]))  # fmt: skip
    assert done.returncode == 0
    text = " ".join(_run("pdftotext", str(rewritten), "-").stdout.split())
    assert all(name in text for name in ACCENTED), text
    extracted = _run("gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=txtwrite",
                     "-sOutputFile=-", str(pdfs[kind])).stdout  # fmt: skip
    assert all(name in " ".join(extracted.split()) for name in ACCENTED)


def test_print_pdf_is_pdf_1_3_as_pdfx_1a_2001_is(pdfs: dict[str, Path]) -> None:
    data = pdfs["print"].read_bytes()
    assert data.startswith(b"%PDF-1.3\n")
    assert b"/ObjStm" not in data and b"/XRef" not in data  # PDF 1.5 structures
    assert PdfReader(pdfs["print"]).pdf_header == "%PDF-1.3"
    assert pdfs["booklet"].read_bytes().startswith(b"%PDF-1.3\n")
    assert pdfs["screen"].read_bytes().startswith(b"%PDF-1.4\n")  # PDF/A-1b is PDF 1.4


def test_the_trailer_link_is_intact_and_the_only_trailer_is_the_files(
    pdfs: dict[str, Path],
) -> None:
    _needs("qpdf")
    data = pdfs["screen"].read_bytes()
    assert data.count(b"trailer") == 1 and data.rindex(b"trailer") > data.rindex(b"endobj")
    dump = json.loads(_run("qpdf", "--json=2", "--json-key=qpdf", str(pdfs["screen"])).stdout)
    uris = {
        value["value"]["/A"]["/URI"]
        for value in dump["qpdf"][1].values()
        if isinstance(value.get("value"), dict) and "/URI" in value["value"].get("/A", {})
    }
    assert f"u:{TRAILER}" in uris


def test_tags_follow_the_glyphs_and_maps_keep_to_a_hundred_entries() -> None:
    latin = {code: chr(code) for code in range(32, 127)}
    tag = subset_tag("NotoSerif-Regular", latin, b"glyphs")
    assert re.fullmatch("[A-Z]{6}", tag)
    assert tag == subset_tag("NotoSerif-Regular", latin, b"glyphs")  # the same bytes each build
    assert tag != subset_tag("NotoSerif-Regular", {**latin, 1: "é"}, b"glyphs")
    assert tag != subset_tag("NotoSans-Regular", latin, b"glyphs")
    assert subset_tag("NotoSerif-Regular", latin, b"glyphs", taken={tag}) != tag
    wide = {
        **latin,
        1: "é",
        2: "\U0001d400",
        **{code: chr(code + 0x100) for code in range(127, 180)},
    }
    cmap = to_unicode_cmap(wide).decode("ascii")
    counts = [int(n) for n in re.findall(r"(\d+) beginbfchar", cmap)]
    assert counts == [100, 50]  # the specification allows 100 entries a block
    assert "<01> <00E9>" in cmap and "<02> <D835DC00>" in cmap and "<B3> <01B3>" in cmap


def test_strings_holding_the_word_trailer_read_back_unchanged(tmp_path: Path) -> None:
    _needs("gs")
    drawn = io.BytesIO()
    page = Canvas(drawn, pagesize=(200, 200), invariant=1)
    page.drawString(20, 100, "x")
    page.linkURL("https://example.com/the-trailer", (0, 0, 50, 50))
    page.save()
    writer = PdfWriter(clone_from=PdfReader(drawn))
    writer.add_metadata({"/Title": "Watch the trailer", "/Subject": "trailer – bande-annonce"})
    target = tmp_path / "strings.pdf"
    with target.open("wb") as handle:
        write_pdf(writer, handle)
    data = target.read_bytes()
    assert data.count(b"trailer") == 1  # the file's own
    reader = PdfReader(target)
    assert reader.metadata is not None and reader.metadata.title == "Watch the trailer"
    assert reader.metadata.subject == "trailer – bande-annonce"
    link = reader.pages[0]["/Annots"][0].get_object()
    assert link["/A"]["/URI"] == "https://example.com/the-trailer"
    done = _run("gs", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=nullpage", str(target))
    said = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert [line for line in said if not GS_PROGRESS.match(line)] == []
