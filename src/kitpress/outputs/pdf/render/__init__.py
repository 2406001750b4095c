"""Drawing the PDF with ReportLab: fonts, safe text, sections, cover and page templates."""
