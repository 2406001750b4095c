"""An ICC version 2 sRGB profile, built from the sRGB definition (IEC 61966-2.1) in code.

PDF/A-1 is based on PDF 1.4, which knows ICC profiles up to version 2.4: PDFBox Preflight
refuses the version 4 profile Pillow (LittleCMS) makes. The profile here is the classic
matrix/TRC display profile: D50-adapted primaries (Bradford, the values LittleCMS computes),
a D65 media white point as in the IEC profile, and the sRGB tone curve sampled at 1024 points.
Everything is fixed, so the bytes are the same on every machine and with every Pillow.
"""

from __future__ import annotations

import struct
from functools import cache

_VERSION = 0x02100000  # ICC.1 version 2.1.0
_DATE = (2024, 1, 1, 0, 0, 0)
_D50 = (0xF6D6, 0x10000, 0xD32D)  # the profile connection space illuminant
_D65 = (0xF351, 0x10000, 0x116CC)  # sRGB's white, as s15Fixed16 numbers
_COLORANTS = {  # D50-adapted sRGB primaries, s15Fixed16
    b"rXYZ": (0x6FA0, 0x38F5, 0x0390),
    b"gXYZ": (0x6297, 0xB787, 0x18D9),
    b"bXYZ": (0x249F, 0x0F84, 0xB6C3),
}
_CURVE_POINTS = 1024
DESCRIPTION = "sRGB IEC61966-2.1"
_COPYRIGHT = "No copyright, use freely"


@cache
def srgb_v2_profile() -> bytes:
    """The profile's bytes: 9 tags, about 2.6 kB."""
    curve = _curve()
    tags: list[tuple[bytes, bytes]] = [
        (b"desc", _description(DESCRIPTION)),
        (b"cprt", _text(_COPYRIGHT)),
        (b"wtpt", _xyz(_D65)),
        *[(signature, _xyz(value)) for signature, value in _COLORANTS.items()],
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    return _assemble(tags)


def _assemble(tags: list[tuple[bytes, bytes]]) -> bytes:
    """Header, tag table and tag data; identical tag data is stored once and shared."""
    table, data, placed = b"", b"", {}
    start = 128 + 4 + 12 * len(tags)
    for signature, body in tags:
        if body not in placed:
            placed[body] = start + len(data)
            data += body + b"\0" * (-len(body) % 4)
        table += struct.pack(">4sII", signature, placed[body], len(body))
    size = start + len(data)
    return _header(size) + struct.pack(">I", len(tags)) + table + data


def _header(size: int) -> bytes:
    header = struct.pack(
        ">I4sI4s4s4s6H4s",
        size,
        b"\0\0\0\0",  # no preferred colour management module
        _VERSION,
        b"mntr",  # a display profile
        b"RGB ",
        b"XYZ ",
        *_DATE,
        b"acsp",
    )
    header += bytes(24)  # platform, flags, manufacturer, model, attributes
    header += struct.pack(">I3i", 0, *_D50)  # perceptual intent; the PCS illuminant
    return header + bytes(128 - len(header))  # creator and reserved bytes: zero


def _xyz(value: tuple[int, int, int]) -> bytes:
    return b"XYZ " + bytes(4) + struct.pack(">3i", *value)


def _text(text: str) -> bytes:
    return b"text" + bytes(4) + text.encode("ascii") + b"\0"


def _description(text: str) -> bytes:
    """textDescriptionType: ASCII, then empty Unicode and ScriptCode parts (version 2 only)."""
    ascii_part = text.encode("ascii") + b"\0"
    counted = struct.pack(">I", len(ascii_part)) + ascii_part
    unicode_part = struct.pack(">II", 0, 0)  # language code, character count
    script_part = struct.pack(">HB", 0, 0) + bytes(67)  # code, count, the fixed 67 bytes
    return b"desc" + bytes(4) + counted + unicode_part + script_part


def _curve() -> bytes:
    """curveType: the sRGB decoding function sampled at evenly spaced points, 16 bits each."""
    points = [round(_linear(i / (_CURVE_POINTS - 1)) * 65535) for i in range(_CURVE_POINTS)]
    return b"curv" + bytes(4) + struct.pack(f">I{_CURVE_POINTS}H", _CURVE_POINTS, *points)


def _linear(encoded: float) -> float:
    if encoded <= 0.04045:
        return encoded / 12.92
    return float(((encoded + 0.055) / 1.055) ** 2.4)
