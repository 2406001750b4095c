"""What the delivered stills tell the software that opens them: their density (so a 3508 px
print file opens at A4 size in Photoshop and InDesign, not at 72 ppi) and an ICC version 2
sRGB profile, read back by exiftool and by Pillow."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

from PIL import Image, ImageCms

from kitpress.pipeline import BuildOptions, build
from kitpress.stills.icc import srgb_v2_profile

from .conftest import needs_exiftool

EXPECTED_PPI = {"print": 300, "web": 72, "thumb": 72}


def _delivered(kit: Path, out: Path) -> dict[str, bytes]:
    """The first still's print, web and thumbnail files from the built ZIP."""
    result = build(kit, BuildOptions(format="zip", out=out))
    first = result.stills[0]
    with zipfile.ZipFile(result.zip) as archive:  # type: ignore[arg-type]
        names = {n.rsplit("/", 1)[-1]: n for n in archive.namelist()}
        return {kind: archive.read(names[first.name(kind)]) for kind in EXPECTED_PPI}


def test_pillow_reads_the_density_and_a_version_2_srgb_profile(
    small_kit: Path, tmp_path: Path
) -> None:
    for kind, jpeg in _delivered(small_kit, tmp_path / "out").items():
        with Image.open(io.BytesIO(jpeg)) as image:
            ppi = EXPECTED_PPI[kind]
            assert image.info["dpi"] == (ppi, ppi), kind
            assert image.info["jfif_unit"] == 1, kind  # dots per inch
            exif = image.getexif()
            assert (exif[0x011A], exif[0x011B], exif[0x0128]) == (ppi, ppi, 2), kind
            icc = image.info["icc_profile"]
        assert icc == srgb_v2_profile()
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        assert profile.profile.version == 2.1
        assert ImageCms.getProfileDescription(profile).strip() == "sRGB IEC61966-2.1"


@needs_exiftool
def test_exiftool_reads_the_density_and_a_version_2_srgb_profile(
    small_kit: Path, tmp_path: Path
) -> None:
    for kind, jpeg in _delivered(small_kit, tmp_path / "out").items():
        path = tmp_path / f"{kind}.jpg"
        path.write_bytes(jpeg)
        tags = ["-JFIF:all", "-EXIF:XResolution", "-EXIF:YResolution", "-EXIF:ResolutionUnit"]
        tags += ["-ICC_Profile:ProfileVersion", "-ICC_Profile:ProfileDescription"]
        found = json.loads(
            subprocess.run(
                ["exiftool", "-j", "-G1", *tags, str(path)], capture_output=True, check=True
            ).stdout
        )[0]
        ppi = EXPECTED_PPI[kind]
        assert found["JFIF:ResolutionUnit"] == "inches", kind
        assert (found["JFIF:XResolution"], found["JFIF:YResolution"]) == (ppi, ppi), kind
        assert found["IFD0:ResolutionUnit"] == "inches", kind
        assert (found["IFD0:XResolution"], found["IFD0:YResolution"]) == (ppi, ppi), kind
        assert found["ICC-header:ProfileVersion"] == "2.1.0"
        assert found["ICC_Profile:ProfileDescription"] == "sRGB IEC61966-2.1"


def test_a_kit_can_ask_for_another_print_density(small_kit: Path, tmp_path: Path) -> None:
    kit_yaml = small_kit / "kit.yaml"
    kit_yaml.write_text(
        kit_yaml.read_text(encoding="utf-8") + "renditions: {print_ppi: 600, web_ppi: 96}\n",
        encoding="utf-8",
    )
    files = _delivered(small_kit, tmp_path / "out")
    with Image.open(io.BytesIO(files["print"])) as image:
        assert image.info["dpi"] == (600, 600)
        assert image.getexif()[0x011A] == 600
    with Image.open(io.BytesIO(files["web"])) as image:
        assert image.info["dpi"] == (96, 96)
