"""Text strings written so that no reader takes them for the file's own structure.

Ghostscript, meeting the bare word ``trailer`` in a literal string (a link to a film's
trailer page, a logline), decides the file is damaged and "repairs" it. Such a string is
written with its ``t`` as the escape ``\\164``: the same string to every reader, the URI of a
link unchanged, and no bare keyword in the file.
"""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfWriter
from pypdf._utils import StreamType
from pypdf.generic import ArrayObject, DictionaryObject, PdfObject, TextStringObject

KEYWORD = b"trailer"
ESCAPED = b"\\164railer"  # \164 is t in octal


class KeywordSafeText(TextStringObject):
    """A text string whose written form never holds the bare keyword."""

    def write_to_stream(self, stream: StreamType) -> None:
        buffer = io.BytesIO()
        super().write_to_stream(buffer)
        # Everything but letters, digits and spaces is written as an octal escape, so the
        # keyword in the output is always the characters themselves.
        stream.write(buffer.getvalue().replace(KEYWORD, ESCAPED))


def guard_keywords(writer: PdfWriter) -> None:
    """Make every text string that would be written with the bare keyword a safe one."""
    for item in writer._objects:
        if isinstance(item, DictionaryObject | ArrayObject):
            _guard(item)


def _guard(container: DictionaryObject | ArrayObject) -> None:
    """Replace the strings in ``container`` and the dictionaries and arrays inside it;
    indirect objects are visited on their own, from the writer's list."""
    if isinstance(container, DictionaryObject):
        entries: list[tuple[Any, PdfObject]] = [(k, container.raw_get(k)) for k in container]
    else:
        entries = list(enumerate(container))
    for key, value in entries:
        if isinstance(value, DictionaryObject | ArrayObject):
            _guard(value)
        elif isinstance(value, TextStringObject) and KEYWORD in value.get_encoded_bytes():
            container[key] = _safe(value)


def _safe(text: TextStringObject) -> KeywordSafeText:
    safe = KeywordSafeText(str(text))
    safe._original_bytes = text._original_bytes
    safe.autodetect_pdfdocencoding = text.autodetect_pdfdocencoding
    safe.autodetect_utf16 = text.autodetect_utf16
    safe.utf16_bom = text.utf16_bom
    return safe
