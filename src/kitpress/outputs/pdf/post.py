"""Small pypdf passes over the rendered PDF, each one function: font subsets readers accept,
the profile's conformance (PDF/A-1b for the screen PDF), Info and XMP metadata, the file ID
and viewer hints; and the writing every kitpress PDF shares."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, NameObject

from kitpress.commit import atomic_write
from kitpress.kit.model import Kit

from .font_subsets import retag_font_subsets
from .keyword_strings import guard_keywords
from .pdf_metadata import DocumentInfo, write_metadata
from .pdfa import make_pdfa
from .pdfx import PDFX_CLAIM
from .profiles import PROFILES
from .stand_ins import Pictures, splice

# The screen PDF is PDF/A-1b, based on PDF 1.4; the print PDF is PDF/X-1a:2001, on PDF 1.3
# (no transparency, object streams or cross-reference streams, which pypdf does not write).
PDF_HEADERS = {"screen": "%PDF-1.4", "print": "%PDF-1.3"}


def finish_pdf(
    rendered: Path,
    target: Path,
    kit: Kit | None,
    profile: str = "screen",
    print_pass: Callable[[PdfWriter], None] | None = None,
    *,
    dated: datetime.datetime,
    info: DocumentInfo | None = None,
    pictures: Pictures | None = None,
    stand_in: Path | None = None,
) -> None:
    """Read ``rendered``, add what ReportLab cannot, write ``target`` atomically; Info and XMP
    both say it was created and last changed at ``dated``.

    ``screen``: the e-mail PDF, made PDF/A-1b (Info and XMP metadata included).
    ``print``: the print-shop PDF; ``print_pass`` gives it its PDF/X structure (pdfx.py),
    and Info and XMP both say PDF/X-1a. ``info``: what a PDF that is no kit's press kit
    (the line-up catalogue) says of itself. ``pictures``: the JPEG files the rendered PDF
    holds stand-ins of (stand_ins.py), written into ``target`` from their files;
    ``stand_in``: where to write the PDF with its stand-ins too (to check, or impose).
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown PDF profile {profile!r} (expected one of {PROFILES})")
    writer = PdfWriter(clone_from=PdfReader(rendered))
    writer.pdf_header = PDF_HEADERS[profile]
    retag_font_subsets(writer)
    if profile == "screen":
        make_pdfa(writer, kit, dated, info)
    if profile == "print":
        write_metadata(writer, kit, dated, [PDFX_CLAIM], info)
        if print_pass is not None:
            print_pass(writer)
    fix_identity(writer)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    if stand_in is not None:
        with atomic_write(stand_in) as handle:
            write_pdf(writer, handle)
    with atomic_write(target) as handle:
        write_pdf(writer, handle, pictures or {})


def write_pdf(writer: PdfWriter, handle: BinaryIO, pictures: Pictures | None = None) -> None:
    """Write the document so that every reader opens it without a complaint: no string that
    looks like file structure, shared objects written once (the replaced ones left out);
    each stand-in of ``pictures`` written from its file."""
    guard_keywords(writer)
    writer.compress_identical_objects()
    if pictures:
        splice(writer, pictures)
    writer.write(handle)


def fix_identity(writer: PdfWriter) -> None:
    """The file ID from the content alone, so a kit builds the same bytes anywhere, on any
    day. (The dates are the document's, set with the rest of the metadata.)"""
    digest = hashlib.md5(usedforsecurity=False)
    for page in writer.pages:
        contents = page.get_contents()
        digest.update(contents.get_data() if contents is not None else b"")
        resources = page.get("/Resources")
        drawn = resources.get_object().get("/XObject", {}) if resources is not None else {}
        for name in sorted(drawn):  # an imposed sheet's pages are forms it draws
            xobject = drawn[name].get_object()
            if xobject.get("/Subtype") == "/Form":
                digest.update(xobject.get_data())
    identifier = ByteStringObject(digest.digest())
    writer._ID = ArrayObject([identifier, identifier])
