"""Where a machine keeps its standard CMYK profile: the one the print PDF uses when no
printer's profile is given, and CMYK stills without a profile of their own are read through.

Each system ships one SWOP-like profile: macOS its Generic CMYK Profile (ColorSync folders:
the user's, the machine's, the system's), Windows its RSWOP.icm (the colour folder under
%WINDIR%), Debian and Ubuntu Ghostscript's (libgs-common). Only these are looked for, never
whatever other CMYK profile a folder holds (a printer driver's inkjet profile is no press
condition): the same kit comes out in the same press condition on every machine, and a print
shop's own profile is passed by name (`--icc FILE`). None is shipped with kitpress: their
licences do not allow it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

# Debian and Ubuntu (libgs-common), and older Ghostscript packages.
GHOSTSCRIPT_CMYK_PROFILES = (
    Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),
    Path("/usr/share/ghostscript/iccprofiles/default_cmyk.icc"),
)
MACOS_PROFILE = "Generic CMYK Profile.icc"
MACOS_FOLDERS = ("/Library/ColorSync/Profiles", "/System/Library/ColorSync/Profiles")
WINDOWS_PROFILE = "RSWOP.icm"
_INSTALL = {
    "darwin": f"macOS keeps '{MACOS_PROFILE}' in /System/Library/ColorSync/Profiles",
    "win32": f"Windows keeps {WINDOWS_PROFILE} in %WINDIR%\\System32\\spool\\drivers\\color",
}


def cmyk_profile_candidates(
    platform: str, environ: Mapping[str, str], home: Path
) -> tuple[Path, ...]:
    """The files the standard CMYK profile may be, first found first used."""
    if platform == "darwin":
        folders = (home / "Library/ColorSync/Profiles", *map(Path, MACOS_FOLDERS))
        return tuple(folder / MACOS_PROFILE for folder in folders)
    if platform == "win32":
        windows = environ.get("WINDIR") or environ.get("SystemRoot") or "C:\\Windows"
        return (Path(windows, "System32", "spool", "drivers", "color", WINDOWS_PROFILE),)
    return GHOSTSCRIPT_CMYK_PROFILES


def system_cmyk_profile() -> Path | None:
    """This machine's standard CMYK profile file, when it has one."""
    candidates = cmyk_profile_candidates(sys.platform, os.environ, Path.home())
    return next((path for path in candidates if path.is_file()), None)


def install_hint(platform: str) -> str:
    """How a user on ``platform`` gets the standard CMYK profile."""
    return _INSTALL.get(platform, "Debian/Ubuntu: apt-get install libgs-common")
