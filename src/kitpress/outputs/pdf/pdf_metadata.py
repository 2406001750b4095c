"""The document's Info dictionary and its XMP packet, written together from the same values.

PDF/A wants each Info entry repeated in XMP with exactly the same text (Title as dc:title,
Author as dc:creator, Subject as dc:description, Keywords as pdf:Keywords, Creator as
xmp:CreatorTool, Producer as pdf:Producer, the dates as xmp:CreateDate and xmp:ModifyDate), so
both are written here from one `DocumentInfo`, never separately. Conformance claims (PDF/A
identification, PDF/X version) join the same packet as extra XMP descriptions.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from kitpress.document.labels import Labels, labels_for
from kitpress.kit.model import Kit

PRODUCER = "kitpress"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str  # empty: no Author and no dc:creator
    subject: str
    keywords: str
    rights: str  # XMP only (dc:rights has no Info counterpart)
    dated: datetime.datetime  # creation and modification, in UTC
    language: str = ""  # BCP 47, as dc:language; empty: none said (a line-up of many kits)


def info_date(when: datetime.datetime) -> str:
    """``when`` as the Info dictionary writes dates: ``D:20260902120000+00'00'``."""
    return when.astimezone(datetime.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def xmp_date(when: datetime.datetime) -> str:
    """The same instant as XMP writes dates: ``2026-09-02T12:00:00+00:00``."""
    return when.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def document_info(kit: Kit, dated: datetime.datetime, labels: Labels | None = None) -> DocumentInfo:
    """What the document says about itself, cleaned so the Info and XMP forms are equal, in
    the words of ``labels`` (the document's; by default the kit language's)."""
    labels = labels or labels_for(kit.language)
    return DocumentInfo(
        title=_clean(f"{kit.title} — {labels.press_kit}"),
        author=_clean(kit.presented_by or ""),  # never a still's courtesy line: a sales agent
        subject=_clean(kit.logline or labels.press_kit_for.format(title=kit.title)),
        keywords=_clean(
            ", ".join((labels.press_kit.lower(), kit.title, *kit.genres, *kit.directors))
        ),
        rights=_clean(kit.copyright_line or ""),
        dated=dated,
        language=kit.language,  # the kit in the language it is built in
    )


def described(
    title: str, author: str, subject: str, keywords: str, dated: datetime.datetime
) -> DocumentInfo:
    """What a PDF that is no kit's press kit (a line-up catalogue) says of itself, cleaned."""
    return DocumentInfo(_clean(title), _clean(author), _clean(subject), _clean(keywords), "", dated)


def write_metadata(
    writer: PdfWriter,
    kit: Kit | None,
    dated: datetime.datetime,
    claims: Sequence[str] = (),
    info: DocumentInfo | None = None,
) -> None:
    """Set the Info entries and the catalog's XMP stream, both dated ``dated``; ``claims`` are
    extra ``rdf:Description`` elements (see `xmp_description`), e.g. PDF/A identification.
    ``info``: what a document that is no kit's press kit says of itself (a line-up)."""
    if info is None:
        assert kit is not None, "a press kit's PDF describes its kit"
        info = document_info(kit, dated)
    _write_info(writer, info)
    packet = xmp_packet(info, claims)
    stream = DecodedStreamObject()  # never filtered: PDF/A wants the packet readable as is
    stream.set_data(packet.encode("utf-8"))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)


def _write_info(writer: PdfWriter, info: DocumentInfo) -> None:
    values = {
        "/Title": info.title,
        "/Author": info.author,
        "/Subject": info.subject,
        "/Keywords": info.keywords,
        "/Creator": PRODUCER,
        "/Producer": PRODUCER,
        "/CreationDate": info_date(info.dated),
        "/ModDate": info_date(info.dated),
    }
    writer.add_metadata({key: value for key, value in values.items() if value})
    entries = writer._info
    assert entries is not None, "add_metadata made the Info dictionary"
    for key, value in values.items():
        if not value:
            entries.pop(key, None)  # an empty entry would need an empty XMP twin


def xmp_packet(info: DocumentInfo, claims: Sequence[str] = ()) -> str:
    """The whole packet: Dublin Core, PDF and XMP basic descriptions, then the claims."""
    core = [_lang_alt("dc:title", info.title), _lang_alt("dc:description", info.subject)]
    if info.author:
        author = f"<rdf:li>{escape(info.author)}</rdf:li>"
        core.append(f"<dc:creator><rdf:Seq>{author}</rdf:Seq></dc:creator>")
    if info.rights:
        core.append(_lang_alt("dc:rights", info.rights))
    if info.language:
        language = f"<rdf:li>{escape(info.language)}</rdf:li>"
        core.append(f"<dc:language><rdf:Bag>{language}</rdf:Bag></dc:language>")
    descriptions = [
        xmp_description("dc", _NAMESPACES["dc"], ["<dc:format>application/pdf</dc:format>", *core]),
        xmp_description(
            "pdf",
            _NAMESPACES["pdf"],
            [_simple("pdf:Producer", PRODUCER), _simple("pdf:Keywords", info.keywords)],
        ),
        xmp_description(
            "xmp",
            _NAMESPACES["xmp"],
            [
                _simple("xmp:CreatorTool", PRODUCER),
                _simple("xmp:CreateDate", xmp_date(info.dated)),
                _simple("xmp:ModifyDate", xmp_date(info.dated)),
                _simple("xmp:MetadataDate", xmp_date(info.dated)),
            ],
        ),
        *claims,
    ]
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        + "".join(descriptions)
        + "</rdf:RDF>\n</x:xmpmeta>\n"
        + '<?xpacket end="w"?>'
    )


def xmp_description(prefix: str, namespace: str, properties: Sequence[str]) -> str:
    """One ``rdf:Description`` of the document declaring one namespace."""
    opening = f'<rdf:Description rdf:about="" xmlns:{prefix}="{namespace}">'
    return "\n".join([opening, *properties, "</rdf:Description>"]) + "\n"


def _simple(name: str, value: str) -> str:
    return f"<{name}>{escape(value)}</{name}>"


def _lang_alt(name: str, value: str) -> str:
    item = f'<rdf:li xml:lang="x-default">{escape(value)}</rdf:li>'
    return f"<{name}><rdf:Alt>{item}</rdf:Alt></{name}>"


def _clean(text: str) -> str:
    """One line of text XML can carry: no control characters, whitespace runs collapsed."""
    return " ".join(_NOT_XML.sub("", text).split())
