"""The web press page: a static site from the same press document as the PDF."""
