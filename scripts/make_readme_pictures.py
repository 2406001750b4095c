"""Make the README's page pictures: the example kit built with each shipped layout, every page
side by side (docs/layout-<name>.jpg). Run from the repository root after changing a layout:

    python scripts/make_readme_pictures.py
    python scripts/make_readme_pictures.py --kit the-last-lock   # docs/the-last-lock-<name>.jpg
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

from kitpress.layout.discover import available
from kitpress.outputs.pdf.preview import contact_sheet, render_pages
from kitpress.pipeline import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent
KITS = {  # example kit -> the pictures' names
    "parallel-mothers": "layout-{layout}.jpg",
    "the-last-lock": "the-last-lock-{layout}.jpg",
}
WIDTH = 1400
QUALITY = 72


def picture(kit: str, layout: str, work: Path) -> bytes:
    folder = REPO / "assets" / kit
    result = build(folder, BuildOptions(format="pdf", out=work / layout, layout=layout))
    assert result.pdf is not None
    sheet = contact_sheet(render_pages(result.pdf, dpi=40), WIDTH, columns=5)
    data = io.BytesIO()
    sheet.save(data, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return data.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description="The README's page pictures of an example kit.")
    parser.add_argument("--kit", choices=sorted(KITS), default="parallel-mothers")
    kit = parser.parse_args().kit
    with tempfile.TemporaryDirectory() as work:
        for layout in sorted(available()):
            target = REPO / "docs" / KITS[kit].format(layout=layout)
            target.write_bytes(picture(kit, layout, Path(work)))
            print(f"{target.relative_to(REPO)}  {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
