"""Folders per platform: the stills cache where each system keeps caches, the standard CMYK
profile where macOS, Windows and Debian keep theirs (fake folders stand in for them), and
one line saying which profile a print PDF went through."""

from __future__ import annotations

import shutil
from pathlib import Path

import platformdirs
import pytest
from platformdirs.macos import MacOS
from platformdirs.unix import Unix

from kitpress.errors import KitError
from kitpress.outputs.base import PrintOptions
from kitpress.pipeline import BuildOptions, build
from kitpress.stills import cmyk, system_profiles
from kitpress.stills.cache import default_folder
from kitpress.stills.system_profiles import cmyk_profile_candidates

from .test_atomic_outputs import make_kit

GHOSTSCRIPT = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
needs_ghostscript_profile = pytest.mark.skipif(
    not GHOSTSCRIPT.is_file(), reason="Ghostscript's CMYK profile not installed (libgs-common)"
)


def test_cache_folder_on_macos_is_library_caches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("KITPRESS_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(platformdirs, "PlatformDirs", MacOS)
    assert default_folder() == tmp_path / "Library" / "Caches" / "kitpress"
    monkeypatch.setenv("KITPRESS_CACHE_DIR", str(tmp_path / "mine"))
    assert default_folder() == tmp_path / "mine"  # the user's own choice always first


def test_cache_folder_on_windows_is_local_app_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KITPRESS_CACHE_DIR", raising=False)
    local = "C:\\Users\\ana\\AppData\\Local"
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)  # what Windows would answer
    from platformdirs.windows import Windows

    monkeypatch.setattr(platformdirs, "PlatformDirs", Windows)
    folder = default_folder()
    assert str(folder).startswith(local)
    assert folder.parts[-2:] == ("kitpress", "Cache")  # not kitpress\kitpress\Cache
    assert len(folder.parts) == 3


def test_cache_folder_on_linux_honours_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KITPRESS_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(platformdirs, "PlatformDirs", Unix)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "kitpress"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_folder() == tmp_path / ".cache" / "kitpress"
    assert not (tmp_path / ".cache").exists()  # naming the folder creates nothing


def test_cmyk_profile_candidates_per_platform() -> None:
    home = Path("/Users/ana")
    assert cmyk_profile_candidates("darwin", {}, home) == (
        Path("/Users/ana/Library/ColorSync/Profiles/Generic CMYK Profile.icc"),
        Path("/Library/ColorSync/Profiles/Generic CMYK Profile.icc"),
        Path("/System/Library/ColorSync/Profiles/Generic CMYK Profile.icc"),
    )
    assert cmyk_profile_candidates("win32", {"WINDIR": "/win"}, home) == (
        Path("/win/System32/spool/drivers/color/RSWOP.icm"),
    )
    assert cmyk_profile_candidates("win32", {"SystemRoot": "/sys"}, home) == (
        Path("/sys/System32/spool/drivers/color/RSWOP.icm"),
    )
    assert cmyk_profile_candidates("linux", {}, home) == (
        Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),
        Path("/usr/share/ghostscript/iccprofiles/default_cmyk.icc"),
    )


def _on(
    monkeypatch: pytest.MonkeyPatch, platform: str, environ: dict[str, str], home: Path
) -> None:
    """This machine as ``platform`` with ``environ`` and ``home``, as the search sees it."""
    monkeypatch.setattr(system_profiles.sys, "platform", platform)
    monkeypatch.setattr(system_profiles.os, "environ", environ)
    monkeypatch.setattr(system_profiles.Path, "home", lambda: home)


@needs_ghostscript_profile
def test_macos_profile_in_the_users_colorsync_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Library" / "ColorSync" / "Profiles"
    folder.mkdir(parents=True)
    shutil.copy(GHOSTSCRIPT, folder / "Generic CMYK Profile.icc")
    _on(monkeypatch, "darwin", {}, tmp_path)
    profile = cmyk.load_cmyk_profile(None)
    assert profile.source == folder / "Generic CMYK Profile.icc"
    assert profile.data == GHOSTSCRIPT.read_bytes()


@needs_ghostscript_profile
def test_windows_profile_in_the_colour_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Windows" / "System32" / "spool" / "drivers" / "color"
    folder.mkdir(parents=True)
    shutil.copy(GHOSTSCRIPT, folder / "RSWOP.icm")
    _on(monkeypatch, "win32", {"WINDIR": str(tmp_path / "Windows")}, tmp_path)
    assert cmyk.load_cmyk_profile(None).source == folder / "RSWOP.icm"


def test_no_profile_on_windows_says_where_windows_keeps_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, "win32", {"WINDIR": str(tmp_path)}, tmp_path)
    with pytest.raises(KitError) as caught:
        cmyk.load_cmyk_profile(None)
    assert caught.value.lines() == [
        "--icc: the print profile needs a CMYK ICC profile: pass the printer's own with --icc "
        "FILE (no standard CMYK profile found: Windows keeps RSWOP.icm in "
        "%WINDIR%\\System32\\spool\\drivers\\color)"
    ]


def test_no_profile_on_linux_says_which_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(system_profiles, "GHOSTSCRIPT_CMYK_PROFILES", ())
    _on(monkeypatch, "linux", {}, tmp_path)
    with pytest.raises(KitError) as caught:
        cmyk.load_cmyk_profile(None)
    assert caught.value.lines() == [
        "--icc: the print profile needs a CMYK ICC profile: pass the printer's own with --icc "
        "FILE, or install Ghostscript's (Debian/Ubuntu: apt-get install libgs-common)"
    ]


@needs_ghostscript_profile
def test_print_pdf_says_which_profile_it_went_through(tmp_path: Path) -> None:
    kit = make_kit(tmp_path / "kit", 1, (900, 600))
    result = build(kit, BuildOptions(format="print-pdf", out=tmp_path / "out"))
    assert result.print_pdf is not None
    notes = [str(w) for w in result.warnings if w.severity == "note"]
    assert notes == [
        f"{result.print_pdf.name}: note: in CMYK through {GHOSTSCRIPT} (Artifex CMYK SWOP "
        "Profile), this system's standard profile"
    ]
    given = build(
        kit,
        BuildOptions(
            format="print-pdf", out=tmp_path / "out2", print=PrintOptions(icc=GHOSTSCRIPT)
        ),
    )
    assert [str(w) for w in given.warnings if w.severity == "note"] == [
        f"{result.print_pdf.name}: note: in CMYK through {GHOSTSCRIPT} (Artifex CMYK SWOP Profile)"
    ]
