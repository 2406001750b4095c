"""Small generated kits and a catalogue of them, for the catalogue-build tests."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.conftest import make_still

TITLES = (
    ("Salt Roads", "Inès Duval", "A ferry captain smuggles her brother across a closed border."),
    ("The Quiet Hour", "Tomás Arriaga", "A night nurse keeps a ward of strangers alive till dawn."),
    ("Winter Orchard", "Mei Lin", "Three sisters return to sell the farm their father loved."),
)


def write_kit(folder: Path, number: int, stills: int = 2, poster: bool = False) -> Path:
    title, director, logline = TITLES[number % len(TITLES)]
    lines = [
        f"title: {title}{'' if number < len(TITLES) else f' {number}'}",
        "year: 2026",
        "countries: [France, Belgium]",
        "languages: French",
        "genres: Drama",
        f"runtime: {95 + number}",
        'aspect_ratio: "1.85:1"',
        f"logline: {logline}",
        "cast:",
        "  - {id: a, actor: Léa Marchand, character: Captain}",
        "  - {id: b, actor: Karim Osei, character: Brother}",
        "crew:",
        f"  Director: {director}",
        "contacts:",
        "  - {role: world_sales, name: Ada Kim, company: Lumen Sales, email: ada@example.com}",
        "rights: {copyright: Lumen Films, photographer: Jo Vale}",
    ]
    if poster:
        lines.append("key_art: poster.jpg")
        make_still(folder / "poster.jpg", (400, 600), number)
    lines.append("stills:")
    for i in range(stills):
        make_still(folder / "stills" / f"s{i}.jpg", (480, 320), number + i)
        lines.append(f"  - {{file: stills/s{i}.jpg, people: [a]}}")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kit.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def write_catalog(root: Path, kits: list[str], statuses: dict[str, str] | None = None) -> Path:
    Image.new("RGB", (300, 100), "#203040").save(root / "logo.png")
    statuses = statuses or {}
    entries = "\n".join(
        f"  - {{kit: {k}, status: {statuses[k]}}}" if k in statuses else f"  - {k}" for k in kits
    )
    text = f"""\
market: Marché du Film 2026
date: 2026-05-13
company: Lumen Sales
logo: logo.png
url: https://lumen.example.com
contacts:
  - {{role: world_sales, name: Ada Kim, email: ada@example.com, phone: +33 1 23 45 67 89}}
  - {{role: international_press, name: Ben Ode, company: Ode PR, email: ben@example.com}}
out: out
kits:
{entries}
"""
    catalog = root / "catalog.yaml"
    catalog.write_text(text, encoding="utf-8")
    return catalog
