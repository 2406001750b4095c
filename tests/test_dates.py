"""The date every output carries: SOURCE_DATE_EPOCH when set, else kit.yaml's `updated:`,
else the newest of the kit's own files; read back with pypdf (Info and XMP) and zipfile, and
two builds of the same kit still byte-identical."""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from kitpress.cli import main
from kitpress.outputs.zip.bundle import EARLIEST, zip_time
from kitpress.pipeline import BuildOptions, BuildResult, build, check
from kitpress.scaffold import write_skeleton

from .conftest import check_errors

UTC = datetime.UTC


@pytest.fixture(autouse=True)
def _no_source_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests set SOURCE_DATE_EPOCH themselves where they mean to."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def at(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def pdf_dates(data: bytes) -> set[datetime.datetime]:
    """Every date the PDF states: Info's CreationDate and ModDate, XMP's create, modify and
    metadata dates (all of them, so one left behind would show as a second date)."""
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata
    assert info is not None and info.creation_date is not None and info.modification_date
    dates = {info.creation_date, info.modification_date}
    xmp = reader.xmp_metadata
    if xmp is not None:
        dates |= {xmp.xmp_create_date, xmp.xmp_modify_date, xmp.xmp_metadata_date}
    return {d.replace(tzinfo=UTC) if d.tzinfo is None else d.astimezone(UTC) for d in dates}


def zip_dates(path: Path) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(path) as archive:
        return {info.date_time for info in archive.infolist()}


def outputs(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def kit_files(kit: Path) -> Iterator[Path]:
    return (p for p in kit.rglob("*") if p.is_file())


def set_times(kit: Path, when: datetime.datetime) -> None:
    for path in kit_files(kit):
        os.utime(path, (when.timestamp(), when.timestamp()))


def build_pdf_zip(kit: Path, out: Path) -> BuildResult:
    result = build(kit, BuildOptions(format="pdf,zip", out=out))
    assert result.pdf is not None and result.zip is not None
    return result


def test_source_date_epoch_dates_every_output_and_builds_stay_identical(
    small_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_times(small_kit, at(2025, 1, 2, 3, 4, 5))  # the files say otherwise: the variable wins
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    first = build(small_kit, BuildOptions(format="all", out=tmp_path / "one"))
    build(small_kit, BuildOptions(format="all", out=tmp_path / "two"))
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    stated = at(2023, 11, 14, 22, 13, 20)
    assert first.pdf is not None and first.zip is not None
    assert pdf_dates(first.pdf.read_bytes()) == {stated}
    if first.print_pdf is not None:  # made where a CMYK profile is at hand
        assert pdf_dates(first.print_pdf.read_bytes()) == {stated}
    assert zip_dates(first.zip) == {(2023, 11, 14, 22, 13, 20)}
    with zipfile.ZipFile(first.zip) as archive:
        carried = archive.read(f"{archive.namelist()[0].split('/')[0]}/{first.pdf.name}")
    assert carried == first.pdf.read_bytes()


def test_the_booklet_carries_the_print_pdf_date(
    small_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = build(small_kit, BuildOptions(format="booklet", out=tmp_path / "out"))
    assert result.imposed is not None
    assert pdf_dates(result.imposed.read_bytes()) == {at(2023, 11, 14, 22, 13, 20)}


@pytest.mark.parametrize("value", ["yesterday", "1.5", "-1", "1e9", "１２３", "99999999999999"])
def test_a_malformed_source_date_epoch_is_one_line_and_writes_nothing(
    small_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(small_kit), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output == (
        "error: SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 UTC, as `date +%s` "
        f"prints them (e.g. 1700000000), got '{value}'\n"
    )
    assert not out.exists()


def test_an_empty_source_date_epoch_is_unset(
    small_kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_times(small_kit, at(2025, 1, 2, 3, 4, 5))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    result = build(small_kit, BuildOptions(format="pdf", out=tmp_path / "out"))
    assert result.pdf is not None and pdf_dates(result.pdf.read_bytes()) == {
        at(2025, 1, 2, 3, 4, 5)
    }


def test_updated_wins_over_the_files_times(small_kit: Path, tmp_path: Path) -> None:
    kit_yaml = small_kit / "kit.yaml"
    kit_yaml.write_text("updated: 2024-03-05\n" + kit_yaml.read_text(encoding="utf-8"), "utf-8")
    set_times(small_kit, at(2025, 1, 2, 3, 4, 5))
    result = build_pdf_zip(small_kit, tmp_path / "out")
    assert result.pdf is not None and result.zip is not None
    assert pdf_dates(result.pdf.read_bytes()) == {at(2024, 3, 5, 12)}  # noon: that day anywhere
    assert zip_dates(result.zip) == {(2024, 3, 5, 12, 0, 0)}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("updated: March 5", "expected a date as YYYY-MM-DD, e.g. 2022-04-05 (got 'March 5')"),
        (
            "updated: 2024-02-30",
            "expected a date as YYYY-MM-DD, e.g. 2022-04-05 (got '2024-02-30')",
        ),
        ("updated: [2024-03-05]", "expected text (a list given)"),
    ],
)
def test_a_bad_updated_date_is_located(small_kit: Path, line: str, message: str) -> None:
    kit_yaml = small_kit / "kit.yaml"
    kit_yaml.write_text(kit_yaml.read_text(encoding="utf-8") + line + "\n", "utf-8")
    number = len(kit_yaml.read_text(encoding="utf-8").splitlines())
    assert check_errors(small_kit) == [f"kit.yaml:{number}: updated: {message}"]


def test_without_either_the_newest_kit_file_dates_the_build(
    small_kit: Path, tmp_path: Path
) -> None:
    set_times(small_kit, at(2025, 1, 2, 3, 4, 5))
    os.utime(small_kit / "synopsis.md", (at(2025, 6, 7, 8, 9, 10).timestamp(),) * 2)
    unlisted = small_kit / "notes.txt"  # a file the kit does not name dates nothing
    unlisted.write_text("to do", encoding="utf-8")
    first = build_pdf_zip(small_kit, tmp_path / "one")
    build_pdf_zip(small_kit, tmp_path / "again")
    assert outputs(tmp_path / "one") == outputs(tmp_path / "again")
    assert first.pdf is not None and first.zip is not None
    assert pdf_dates(first.pdf.read_bytes()) == {at(2025, 6, 7, 8, 9, 10)}
    assert zip_dates(first.zip) == {(2025, 6, 7, 8, 9, 10)}

    touched = at(2026, 2, 3, 4, 5, 6)
    os.utime(small_kit / "stills" / "three.jpg", (touched.timestamp(),) * 2)
    later = build_pdf_zip(small_kit, tmp_path / "later")
    assert later.pdf is not None and later.zip is not None
    assert pdf_dates(later.pdf.read_bytes()) == {touched}
    assert zip_dates(later.zip) == {(2026, 2, 3, 4, 5, 6)}


def test_zip_entries_cannot_be_dated_before_1980(small_kit: Path, tmp_path: Path) -> None:
    set_times(small_kit, at(1975, 5, 6, 7, 8, 9))
    result = build_pdf_zip(small_kit, tmp_path / "out")
    assert result.pdf is not None and result.zip is not None
    assert pdf_dates(result.pdf.read_bytes()) == {at(1975, 5, 6, 7, 8, 9)}  # PDF dates can
    assert zip_dates(result.zip) == {EARLIEST} == {(1980, 1, 1, 0, 0, 0)}
    assert zip_time(at(2200, 1, 1)) == (2107, 12, 31, 23, 59, 58)


def test_the_init_skeleton_offers_updated(tmp_path: Path) -> None:
    kit_yaml = write_skeleton(tmp_path / "new-film")
    text = kit_yaml.read_text(encoding="utf-8")
    assert "\n# updated: 2026-09-02 " in text
    kit_yaml.write_text(text.replace("\n# updated:", "\nupdated:"), encoding="utf-8")
    assert check(tmp_path / "new-film").document.dated == at(2026, 9, 2, 12)
