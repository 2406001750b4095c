"""What `--format` and `--profile` take, known without importing any output's code, so the
command line is read and checked before ReportLab, Pillow or pypdf load."""

from __future__ import annotations

# The built-in outputs in the order the registry makes them (a test holds it to the registry).
BUILTIN = ("screen-pdf", "zip", "print-pdf", "booklet", "2up", "preview", "html")
# The catalogue-level outputs (a test holds them to the registry's line-up outputs).
LINEUP_BUILTIN = ("screen-catalog", "print-catalog")
PROFILES = ("screen", "print")  # the PDF `pdf` makes and the ZIP carries
