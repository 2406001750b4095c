"""Make the README's page pictures: the example kit built with each shipped layout, every page
side by side (docs/layout-<name>.jpg). Run from the repository root after changing a layout:

    python scripts/make_readme_pictures.py
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from kitpress.layout.discover import available
from kitpress.outputs.pdf.preview import contact_sheet, render_pages
from kitpress.pipeline import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "assets" / "parallel-mothers"
WIDTH = 1400
QUALITY = 72


def picture(layout: str, work: Path) -> bytes:
    result = build(EXAMPLE, BuildOptions(format="pdf", out=work / layout, layout=layout))
    assert result.pdf is not None
    sheet = contact_sheet(render_pages(result.pdf, dpi=40), WIDTH, columns=5)
    data = io.BytesIO()
    sheet.save(data, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return data.getvalue()


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        for layout in sorted(available()):
            target = REPO / "docs" / f"layout-{layout}.jpg"
            target.write_bytes(picture(layout, Path(work)))
            print(f"{target.relative_to(REPO)}  {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
