"""Stills placed in a PDF as stand-ins and spliced in from their files as it is written: the
finished PDF carries each JPEG's own bytes, readers accept it, and it is the same bytes each
time; ReportLab never decodes the pictures."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from kitpress.outputs.pdf.post import write_pdf
from kitpress.outputs.pdf.render.jpeg_files import JpegFile, jpeg_image
from kitpress.outputs.pdf.stand_ins import MARK, pictures_of, stand_in_data, stand_ins


@pytest.fixture(autouse=True)
def _jpeg_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "useA85", 0)  # as kitpress's renderer sets it


def _jpeg(path: Path, size: tuple[int, int], colour: str, mode: str = "RGB") -> Path:
    Image.new(mode, size, colour).save(path, "JPEG", quality=90)
    return path


def _pdf_with(pictures: dict[str, Path], target: Path) -> None:
    doc = SimpleDocTemplate(str(target), invariant=1)
    doc.build([jpeg_image(path, 200, 150) for path in pictures.values()])


def _finished(tmp_path: Path, name: str) -> Path:
    real = {
        "a": _jpeg(tmp_path / "a.jpg", (640, 480), "#336699"),
        "b": _jpeg(tmp_path / "b.jpg", (320, 200), "#cc3300"),
        "c": _jpeg(tmp_path / "c.jpg", (300, 300), "#202020", "CMYK"),
    }
    files, spliced = stand_ins(real, tmp_path / f"stand-ins-{name}")
    rendered = tmp_path / f"rendered-{name}.pdf"
    _pdf_with(files, rendered)
    finished = tmp_path / f"{name}.pdf"
    writer = PdfWriter(clone_from=PdfReader(rendered))
    with finished.open("wb") as handle:
        write_pdf(writer, handle, spliced)
    return finished


def test_the_finished_pdf_carries_each_jpeg_as_it_is(tmp_path: Path) -> None:
    finished = _finished(tmp_path, "one")
    images = [
        obj.get_object()
        for page in PdfReader(finished).pages
        for obj in page["/Resources"]["/XObject"].values()
    ]
    found = sorted(image.get_data() for image in images)
    expected = sorted((tmp_path / n).read_bytes() for n in ("a.jpg", "b.jpg", "c.jpg"))
    assert found == expected
    assert sorted(str(image["/ColorSpace"]) for image in images) == [
        "/DeviceCMYK",
        "/DeviceRGB",
        "/DeviceRGB",
    ]
    assert MARK not in finished.read_bytes()
    with Image.open(io.BytesIO(found[0])) as decoded:  # a picture a reader can show
        decoded.load()


def test_qpdf_finds_no_fault_in_the_spliced_pdf(tmp_path: Path) -> None:
    finished = _finished(tmp_path, "one")
    try:
        checked = subprocess.run(
            ["qpdf", "--check", str(finished)], capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        pytest.skip("qpdf is not installed")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_same_pictures_make_the_same_bytes(tmp_path: Path) -> None:
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = _finished(tmp_path / "first", "pdf")
    second = _finished(tmp_path / "second", "pdf")
    assert first.read_bytes() == second.read_bytes()


def test_a_stand_in_is_a_header_naming_its_file_by_content(tmp_path: Path) -> None:
    big = _jpeg(tmp_path / "big.jpg", (1200, 800), "#88aa44")
    again = tmp_path / "again.jpg"
    again.write_bytes(big.read_bytes())
    data = stand_in_data(big)
    assert data == stand_in_data(again) and len(data) < 200
    assert data.startswith(b"\xff\xd8") and data.endswith(b"\xff\xd9")
    assert pictures_of([big]) == {data: big}
    stand_in = tmp_path / "stand-in.jpg"
    stand_in.write_bytes(data)
    reader = JpegFile(stand_in)  # what ReportLab reads: the size and the colour components
    assert (reader.getSize(), reader.mode) == ((1200, 800), "RGB")


def test_a_picture_is_drawn_without_decoding_it(tmp_path: Path) -> None:
    jpeg = _jpeg(tmp_path / "a.jpg", (400, 300), "#123456")
    canvas = Canvas(str(tmp_path / "drawn.pdf"))
    reader = JpegFile(jpeg)
    canvas.drawImage(reader, 0, 0, 100, 75)
    canvas.save()
    assert reader._image is None  # never opened in Pillow, so never decoded
    pages = PdfReader(tmp_path / "drawn.pdf").pages
    (image,) = [o.get_object() for o in pages[0]["/Resources"]["/XObject"].values()]
    assert image.get_data() == jpeg.read_bytes()
