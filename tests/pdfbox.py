"""Apache PDFBox Preflight, the PDF/A-1b validator, run from Debian's packages.

`apt-get install default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java`
puts the jars in /usr/share/java; PDFBOX_CLASSPATH (jars joined with ':') points elsewhere.
By hand: `python -m tests.pdfbox FILE.pdf` prints Preflight's own report.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

JAVA_DIR = Path("/usr/share/java")  # where Debian's Java library packages put their jars
# Preflight itself, PDFBox, its font and XMP libraries, and what they load at start-up.
JARS = (
    "preflight",
    "pdfbox2",
    "fontbox2",
    "xmpbox",
    "commons-logging",
    "javax.activation",
    "jaxb-api",
)
VALIDATOR = "org.apache.pdfbox.preflight.Validator_A1b"


@dataclass(frozen=True)
class Verdict:
    valid: bool
    report: str  # Preflight's text: one line per error, each with its rule number


def classpath() -> str | None:
    """The Java classpath for Preflight, or None when Java or a jar is missing."""
    if shutil.which("java") is None:
        return None
    given = os.environ.get("PDFBOX_CLASSPATH")
    if given:
        return given
    jars = [JAVA_DIR / f"{name}.jar" for name in JARS]
    return os.pathsep.join(str(jar) for jar in jars) if all(j.is_file() for j in jars) else None


def preflight(pdf: Path) -> Verdict:
    """Validate ``pdf`` as PDF/A-1b; valid only when Preflight exits 0 and says so."""
    path = classpath()
    if path is None:
        raise RuntimeError("PDFBox Preflight is not installed (see tests/pdfbox.py)")
    done = subprocess.run(
        ["java", "-cp", path, VALIDATOR, str(pdf)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = (done.stdout + done.stderr).strip()
    valid = done.returncode == 0 and "is a valid PDF/A-1b file" in done.stdout
    return Verdict(valid, report)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(preflight(Path(name)).report)
