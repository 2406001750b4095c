"""Small pypdf passes over the rendered PDF, each one function: XMP metadata and viewer hints."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from .kit.model import Kit
from .output import atomic_write


def finish_pdf(rendered: Path, target: Path, kit: Kit) -> None:
    """Read ``rendered``, add what ReportLab cannot, write ``target`` atomically."""
    writer = PdfWriter(clone_from=PdfReader(rendered))
    writer.pdf_header = "%PDF-1.4"
    add_xmp(writer, kit)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    writer.compress_identical_objects()
    with atomic_write(target) as handle:
        writer.write(handle)


def add_xmp(writer: PdfWriter, kit: Kit) -> None:
    """Document XMP (title, creator, description, rights), readable by exiftool and archives."""
    title = escape(f"{kit.title} — Press kit")
    creator = escape(kit.rights.courtesy or kit.rights.copyright or "kitpress")
    description = escape(kit.logline or f"Press kit for {kit.title}")
    rights = escape(kit.copyright_line or "")
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt>
</dc:description>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{rights}</rdf:li></rdf:Alt></dc:rights>
<pdf:Producer>kitpress</pdf:Producer><xmp:CreatorTool>kitpress</xmp:CreatorTool>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""
    stream = DecodedStreamObject()
    stream.set_data(packet.encode("utf-8"))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
