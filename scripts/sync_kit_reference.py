"""Copy the kit.yaml reference (src/kitpress/docs/kit-reference.md, what `kitpress help kit`
prints) into the README's section between its two markers; run it after editing the file."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO / "src" / "kitpress" / "docs" / "kit-reference.md"
README = REPO / "README.md"
START = r"<!-- The kit\.yaml reference:.*?-->\n"
END = r"<!-- end of the kit\.yaml reference -->"
SECTION = re.compile(f"({START})(.*?)({END})", re.S)


def main() -> None:
    readme = README.read_text(encoding="utf-8")
    reference = REFERENCE.read_text(encoding="utf-8")
    updated, count = SECTION.subn(lambda m: m.group(1) + reference + m.group(3), readme)
    if count != 1:
        raise SystemExit("README.md: the kit.yaml reference markers are missing")
    README.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    main()
