"""Make the README's page pictures: the example kit built with each shipped layout, every page
side by side (docs/layout-<name>.jpg). Run from the repository root after changing a layout:

    python scripts/make_readme_pictures.py
    python scripts/make_readme_pictures.py --kit the-last-lock   # docs/the-last-lock-default.jpg

The second kit has three times the pages: it is shown with the default layout only, its pages
smaller, so the README stays light. Its French translation is shown by two pages side by side
(docs/the-last-lock-fr.jpg):

    python scripts/make_readme_pictures.py --french
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

from kitpress.layout.discover import available
from kitpress.outputs.pdf.preview import contact_sheet, render_pages
from kitpress.pipeline import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent
KITS = {  # example kit -> the pictures' names, the layouts shown, pages to a row
    "parallel-mothers": ("layout-{layout}.jpg", None, 5),
    "the-last-lock": ("the-last-lock-{layout}.jpg", ("default",), 7),
}
WIDTH = 1400
QUALITY = 72


def picture(kit: str, layout: str, work: Path, columns: int) -> bytes:
    folder = REPO / "assets" / kit
    result = build(folder, BuildOptions(format="pdf", out=work / layout, layout=layout))
    assert result.pdf is not None
    sheet = contact_sheet(render_pages(result.pdf, dpi=40), WIDTH, columns=columns)
    data = io.BytesIO()
    sheet.save(data, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return data.getvalue()


FRENCH_PAGES = (
    "Caractéristiques techniques",
    "Entretien avec",
)  # the pages shown: labels, dates, quotes


def french_picture(work: Path) -> bytes:
    """The Last Lock in French: the pages that open the technical details and the interview,
    where the catalogue's words, the local dates and the French quotation marks show."""
    folder = REPO / "assets" / "the-last-lock"
    result = build(folder, BuildOptions(format="pdf", out=work / "fr", language="fr"))
    assert result.pdf is not None
    texts = [page.extract_text() for page in PdfReader(result.pdf).pages]
    wanted = sorted({next(i for i, t in enumerate(texts) if h in t) for h in FRENCH_PAGES})
    pages = render_pages(result.pdf, dpi=60)
    sheet = contact_sheet([pages[i] for i in wanted], WIDTH, columns=len(wanted))
    data = io.BytesIO()
    sheet.save(data, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return data.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description="The README's page pictures of an example kit.")
    parser.add_argument("--kit", choices=sorted(KITS), default="parallel-mothers")
    parser.add_argument("--french", action="store_true", help="The Last Lock's French pages")
    arguments = parser.parse_args()
    kit = arguments.kit
    name, layouts, columns = KITS[kit]
    with tempfile.TemporaryDirectory() as work:
        if arguments.french:
            target = REPO / "docs" / "the-last-lock-fr.jpg"
            target.write_bytes(french_picture(Path(work)))
            print(f"{target.relative_to(REPO)}  {target.stat().st_size // 1024} KB")
            return 0
        for layout in layouts or sorted(available()):
            target = REPO / "docs" / name.format(layout=layout)
            target.write_bytes(picture(kit, layout, Path(work), columns))
            print(f"{target.relative_to(REPO)}  {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
