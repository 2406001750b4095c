"""Catalogue builds on the local pool: many kits at once, a broken one among them reported
while the others build, the summary, catalog-report.json, the exit status, the line-up PDF."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

from kitpress.catalog.batch import Batch, batch_for, build_batch
from kitpress.catalog.file import CatalogError, load_catalog
from kitpress.pipeline import BuildOptions
from kitpress.stills.system_profiles import system_cmyk_profile
from tests.catalog_kits import write_catalog, write_kit
from tests.conftest import REPO
from tests.pdfbox import classpath, preflight

SCHEMA = REPO / "src" / "kitpress" / "schemas" / "catalog-report.schema.json"
LINEUP = "lumen-sales-marche-du-film-2026_line-up.pdf"


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    write_kit(tmp_path / "salt", 0, poster=True)
    write_kit(tmp_path / "quiet", 1)
    write_kit(tmp_path / "orchard", 2)
    return write_catalog(tmp_path, ["salt", "quiet", "orchard"], {"salt": "Completed"})


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kitpress", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_a_catalogue_builds_every_kit_and_the_line_up(catalogue: Path) -> None:
    root = catalogue.parent
    done = run("build", "--catalog", "catalog.yaml", "--format", "pdf,catalog", cwd=root)
    assert done.returncode == 0, done.stderr
    out = root / "out"
    for slug in ("salt-roads", "the-quiet-hour", "winter-orchard"):
        assert (out / slug / f"{slug}_press-kit.pdf").is_file()
    # one line per finished kit, then the table
    assert len([line for line in done.stderr.splitlines() if line.startswith("[")]) == 3
    table = done.stdout.splitlines()
    assert table[0].split() == ["kit", "pages", "stills", "warnings", "time", "result"]
    assert any(line.startswith("Salt Roads") and line.endswith("built") for line in table)
    assert "3 of 3 kits built on" in done.stdout
    lineup = PdfReader(out / LINEUP)
    # cover, contents, one page a title, the company's contacts
    assert len(lineup.pages) == 6
    cover, contents = lineup.pages[0].extract_text(), lineup.pages[1].extract_text()
    assert "MARCHÉ DU FILM" in cover and "13 MAY 2026" in cover and "LUMEN SALES" in cover
    assert all(t in contents for t in ("Salt Roads", "The Quiet Hour", "Winter Orchard"))
    salt = lineup.pages[2].extract_text()
    assert "Salt Roads" in salt and "Directed by Inès Duval" in salt
    assert "A ferry captain smuggles" in salt and "Léa Marchand" in salt
    assert "Completed" in salt and "96 minutes" not in salt and "95 minutes" in salt
    assert "ada@example.com" in lineup.pages[5].extract_text()
    assert lineup.metadata is not None
    assert lineup.metadata.title == "Lumen Sales — Marché du Film 2026 line-up"
    report = json.loads((out / "catalog-report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert report["ok"] is True and report["exit_status"] == 0
    assert [k["result"] for k in report["kits"]] == ["built"] * 3
    assert report["catalogue"]["pages"] == 6


def test_a_broken_kit_is_reported_and_the_others_build(catalogue: Path) -> None:
    root = catalogue.parent
    (root / "quiet" / "kit.yaml").write_text("titel: Oops\n", encoding="utf-8")
    done = run("build", "--catalog", "catalog.yaml", "--format", "pdf,catalog", cwd=root)
    assert done.returncode == 2
    assert "error: kit.yaml:1: titel: unknown key 'titel' (did you mean 'title'?)" in done.stderr
    assert "Traceback" not in done.stderr
    out = root / "out"
    assert (out / "salt-roads" / "salt-roads_press-kit.pdf").is_file()
    assert (out / "winter-orchard" / "winter-orchard_press-kit.pdf").is_file()
    assert not (out / LINEUP).exists()  # a line-up missing a title is not made
    assert "line-up catalogue not made: 1 of 3 kits did not build" in done.stderr
    report = json.loads((out / "catalog-report.json").read_text(encoding="utf-8"))
    assert [k["result"] for k in report["kits"]] == ["built", "bad input", "built"]
    assert report["exit_status"] == 2
    assert report["kits"][1]["issues"][0]["field"] == "titel"


def test_a_failed_build_exits_1(catalogue: Path, tmp_path: Path) -> None:
    batch = batch_for(
        (), catalogue, BuildOptions(format="pdf", use_cache=False), layout_given=False, workers=2
    )
    result = build_batch(Batch(batch.kits, batch.options, batch.catalog, 2, None, _fails_on_quiet))
    assert [r.result for r in result.reports] == ["built", "failed", "built"]
    assert result.exit_code == 1


def _fails_on_quiet(job):  # type: ignore[no-untyped-def]
    from kitpress.catalog.task import build_kit

    if job.kit.name == "quiet":
        raise MemoryError("out of memory")  # what a worker cannot catch for itself
    return build_kit(job)


def test_kits_named_on_the_command_line_each_get_a_folder(tmp_path: Path) -> None:
    write_kit(tmp_path / "a", 0)
    write_kit(tmp_path / "b", 1)
    done = run("build", "a", "b", "--format", "pdf", "--out", "dist", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)  # --json: stdout is one JSON document
    assert [k["title"] for k in document["kits"]] == ["Salt Roads", "The Quiet Hour"]
    assert (tmp_path / "dist" / "salt-roads" / "salt-roads_press-kit.pdf").is_file()
    assert (tmp_path / "dist" / "catalog-report.json").is_file()


def test_the_line_up_needs_a_catalogue(tmp_path: Path) -> None:
    write_kit(tmp_path / "a", 0)
    write_kit(tmp_path / "b", 1)
    done = run("build", "a", "b", "--format", "catalog", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "error: --format: the line-up catalogue is made from a catalogue file: "
        "add --catalog catalog.yaml"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "company: Lumen\nkits: [salt]\nmarkt: Cannes\n",
            "catalog.yaml:3: markt: unknown key 'markt' (did you mean 'market'?)",
        ),
        (
            "company: Lumen\nkits: [salt, nowhere]\n",
            "catalog.yaml:2: kits[1]: no kit at 'nowhere' (a folder with a kit.yaml)",
        ),
        ("kits: [salt]\n", "catalog.yaml:1: company: required"),
        (
            "company: Lumen\nkits: [salt]\ndate: May\n",
            "catalog.yaml:3: date: expected a date as YYYY-MM-DD, e.g. 2022-04-05 (got 'May')",
        ),
        (
            "company: Lumen\nkits: [salt, salt]\n",
            "catalog.yaml:2: kits[1]: 'salt' is listed twice (first as kits[0])",
        ),
        (
            "company: Lumen\nlogo: salt/kit.yaml\nkits: [salt]\n",
            "catalog.yaml:2: logo: 'salt/kit.yaml' is not a picture kitpress can read "
            "(give a PNG or JPEG)",
        ),
        (
            "company: Lumen\nlogo: logo.svg\nkits: [salt]\n",
            "catalog.yaml:2: logo: file not found: 'logo.svg'",
        ),
    ],
)
def test_catalogue_file_errors_are_located(tmp_path: Path, text: str, expected: str) -> None:
    write_kit(tmp_path / "salt", 0)
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path / "catalog.yaml")
    assert caught.value.exit_code == 2
    assert caught.value.lines()[0].startswith(expected)


@pytest.mark.skipif(system_cmyk_profile() is None, reason="no system CMYK profile")
def test_the_line_up_in_both_profiles(catalogue: Path) -> None:
    """Screen: PDF/A-1b (PDFBox Preflight agrees). Print: PDF/X-1a, trim and bleed boxes,
    every picture in CMYK at the print profile's ppi or the source's own size."""
    batch = batch_for(
        (), catalogue, BuildOptions(format="catalog,print-catalog"), layout_given=False, workers=2
    )
    result = build_batch(batch)
    assert result.exit_code == 0
    out = catalogue.parent / "out"
    screen, printed = out / LINEUP, out / LINEUP.replace(".pdf", "_print.pdf")
    assert [w.role for w in result.lineup] == ["catalog", "print_catalog"]
    if classpath() is not None:
        verdict = preflight(screen)
        assert verdict.valid, verdict.report
    reader = PdfReader(printed)
    assert reader.metadata is not None and reader.metadata["/GTS_PDFXVersion"] == "PDF/X-1:2001"
    bleed = 3 * 72 / 25.4
    for page in reader.pages:
        trim = [float(v) for v in page["/TrimBox"]]
        assert trim[0] == pytest.approx(bleed, abs=0.01)
        assert trim[2] == pytest.approx(bleed + 595.276, abs=0.01)
    listed = subprocess.run(
        ["pdfimages", "-list", str(printed)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    colours = {line.split()[5] for line in listed}
    assert colours == {"cmyk"}
    # sources smaller than 300 ppi are placed at their own width, never upsampled: the
    # stills (480 px, cropped to the band), the poster (400 px) and the logo (300 px)
    assert {int(line.split()[3]) for line in listed} == {480, 400, 300}


def _write_and_read(args: tuple[str, int]) -> set[bytes | None]:
    from kitpress.stills.cache import StillCache

    folder, seed = args
    cache = StillCache(Path(folder))
    mine = b"\xff\xd8" + bytes([seed]) * 50_000 + b"\xff\xd9"
    seen: set[bytes | None] = set()
    for _ in range(40):
        cache.put("same-key", mine)
        seen.add(cache.get("same-key"))
    return seen


def test_kits_built_side_by_side_share_the_stills_cache_safely(tmp_path: Path) -> None:
    """Workers writing the same entry at once: each reader sees one writer's whole entry,
    never a torn one (entries are written to a temporary, then renamed into place)."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(3) as pool:
        seen = set().union(*pool.map(_write_and_read, [(str(tmp_path), s) for s in (1, 2, 3)]))
    whole = {b"\xff\xd8" + bytes([s]) * 50_000 + b"\xff\xd9" for s in (1, 2, 3)}
    assert seen and seen <= whole
    assert not list(tmp_path.rglob("*.tmp*"))  # no temporary left behind


def test_the_workers_and_their_stills_threads_use_the_cores_once() -> None:
    from kitpress.catalog.engines import local_workers, stills_threads

    assert local_workers(20, cores=2) == 2 and local_workers(1, cores=8) == 1
    assert stills_threads(2, cores=2) == 1 and stills_threads(1, cores=2) == 2
    assert stills_threads(3, cores=8) * 3 <= 8


def test_progress_is_a_line_per_kit_and_a_bar_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kitpress.catalog.task import KitReport
    from kitpress.report import NORMAL, QUIET, Report

    kit = KitReport("salt", "built", title="Salt Roads", pages=4, stills=2, seconds=1.25)
    Report("build", NORMAL).kit_finished(kit, 1, 2, bar=True)
    Report("build", NORMAL).kit_finished(kit, 2, 2, bar=False)
    Report("build", QUIET).kit_finished(kit, 2, 2, bar=True)
    shown = capsys.readouterr().err
    assert shown == (  # (click leaves out the escape that clears the bar's line when not a tty)
        "\r[1/2] Salt Roads: built, 4 pages, 2 stills, 1.2s\n"
        f"kits   [{'#' * 15}{'-' * 15}] 1/2"
        "[2/2] Salt Roads: built, 4 pages, 2 stills, 1.2s\n"
    )
