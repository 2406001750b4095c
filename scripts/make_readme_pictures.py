"""Make the README's page pictures: the example kit built with each shipped layout, every page
side by side (docs/layout-<name>.jpg). Run from the repository root after changing a layout:

    python scripts/make_readme_pictures.py
    python scripts/make_readme_pictures.py --kit the-last-lock   # docs/the-last-lock-default.jpg

The second kit has three times the pages: it is shown with the default layout only, its pages
smaller, so the README stays light.
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


def main() -> int:
    parser = argparse.ArgumentParser(description="The README's page pictures of an example kit.")
    parser.add_argument("--kit", choices=sorted(KITS), default="parallel-mothers")
    kit = parser.parse_args().kit
    name, layouts, columns = KITS[kit]
    with tempfile.TemporaryDirectory() as work:
        for layout in layouts or sorted(available()):
            target = REPO / "docs" / name.format(layout=layout)
            target.write_bytes(picture(kit, layout, Path(work), columns))
            print(f"{target.relative_to(REPO)}  {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
