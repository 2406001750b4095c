"""Metadata that does not fit: IPTC values cut to their dataset's limit are warned about,
naming the still (XMP keeps them whole), and a record too large for its JPEG segment is a
located error that `check` gives before any still is made."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from kitpress.cli import main
from kitpress.pipeline import BuildOptions, build, check
from kitpress.stills.metadata import (
    XMP_MAX_BYTES,
    StillMetadata,
    embed_metadata,
    encode_jpeg,
    record_fit,
    xmp_packet,
)

from .conftest import check_errors, make_still

CREDIT = "Courtesy of Sony Pictures Classics"  # 34 bytes: IPTC Credit holds 32
CUT = (
    "kit.yaml:6: stills[0].file: warning: a.jpg: IPTC {field} holds 32 bytes; "
    f"'{CREDIT}' is 34, cut there (the full text is in XMP)"
)


def _kit(tmp_path: Path, description: str = "A wall.") -> Path:
    folder = tmp_path / "kit"
    (folder / "stills").mkdir(parents=True)
    (folder / "kit.yaml").write_text(
        "title: Limits\n"
        f"rights: {{copyright: Boo Productions, photographer: Pat, courtesy: {CREDIT}}}\n"
        "cast:\n"
        "  - {id: ana, actor: Ana, character: Ana}\n"
        "stills:\n"
        f'  - {{file: stills/a.jpg, description: "{description}"}}\n',
        encoding="utf-8",
    )
    make_still(folder / "stills" / "a.jpg", (300, 200))
    return folder


def _fill(size: int) -> StillMetadata:
    """A record whose XMP packet is exactly ``size`` bytes (so near the limit that the
    packet has no room left for padding)."""
    packet = len(xmp_packet(StillMetadata(caption="x" * 64000)))
    assert XMP_MAX_BYTES - 2000 < packet < XMP_MAX_BYTES
    return StillMetadata(caption="x" * (size - (packet - 64000)))


def test_record_fit_tells_what_is_cut_and_when_the_record_is_too_large() -> None:
    fit = record_fit(StillMetadata(caption="A wall.", credit=CREDIT))
    assert fit.fits
    assert fit.cut == (
        f"IPTC Credit holds 32 bytes; '{CREDIT}' is 34, cut there (the full text is in XMP)",
    )
    largest = _fill(XMP_MAX_BYTES)
    assert record_fit(largest).fits
    jpeg = encode_jpeg(Image.new("RGB", (8, 8)), quality=80, icc_profile=None)
    embed_metadata(jpeg, largest)  # what record_fit says fits does fit
    over = _fill(XMP_MAX_BYTES + 1)
    fit = record_fit(over)
    assert not fit.fits
    size = len(over.caption)
    assert fit.too_large == (
        f"its XMP metadata would be {XMP_MAX_BYTES + 1:,} bytes, more than the 65,504 one JPEG "
        f"segment holds; the caption takes {size:,} of them: shorten it"
    )
    with pytest.raises(ValueError, match="one JPEG segment holds"):
        embed_metadata(jpeg, over)


def test_a_cut_iptc_value_is_warned_about_once_naming_the_still(tmp_path: Path) -> None:
    kit = _kit(tmp_path)
    expected = [CUT.format(field="Credit"), CUT.format(field="Source")]
    assert [str(w) for w in check(kit).warnings if "IPTC" in w.message] == expected
    result = build(kit, BuildOptions(format="zip", out=tmp_path / "out"))
    assert [str(w) for w in result.warnings if "IPTC" in w.message] == expected


def test_a_caption_too_large_to_embed_is_a_located_error_before_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = _kit(tmp_path, "Long words. " * 6000)
    line = (
        "kit.yaml:6: stills[0]: a.jpg: its XMP metadata would be 73,162 bytes, more than the "
        "65,504 one JPEG segment holds; the caption takes 72,091 of them: shorten it"
    )
    assert check_errors(kit) == [line]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "kit"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"error: {line}"]
    assert not (tmp_path / "output").exists()
