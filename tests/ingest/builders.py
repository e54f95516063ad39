"""Build synthetic test documents in memory (no personal data)."""

from __future__ import annotations

import io
import zipfile

import docx
from fpdf import FPDF
from PIL import Image

Placed = tuple[float, float, str]  # x mm, y mm from the top, text


def make_pdf(pages: list[list[Placed]], *, password: str | None = None) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_font("helvetica", size=10)
    for placed in pages:
        pdf.add_page()
        for x, y, text in placed:
            pdf.text(x, y, text)
    if password is not None:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    return bytes(pdf.output())


def make_image_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("RGB", (300, 400), "white"), x=10, y=10, w=150)
    return bytes(pdf.output())


def make_docx(paragraphs: list[str], *, table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        style = "List Bullet" if text.startswith("* ") else None
        document.add_paragraph(text.removeprefix("* "), style=style)
    if table is not None:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_zip_bomb(expanded_bytes: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * expanded_bytes)
    return buffer.getvalue()


def make_odt(paragraphs: list[str]) -> bytes:
    return make_odt_xml("".join(f"<text:p>{p}</text:p>" for p in paragraphs))


def make_odt_xml(body: str) -> bytes:
    """An ODT package whose ``content.xml`` body is the given raw XML."""
    ns = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    content = f'<?xml version="1.0"?><doc {ns}><body>{body}</body></doc>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def make_text_stream_pdf(lines: int) -> bytes:
    """A one-page PDF whose compressed content stream draws ``lines`` short text lines.

    A few kilobytes of file hold millions of characters: what a hostile upload uses to
    make a PDF parser work for seconds or exhaust memory.
    """
    import zlib

    line = b"(Python SQL Epic Cerner HL7 FHIR xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx) Tj T*\n"
    stream = zlib.compress(b"BT /F1 0.5 Tf 0.6 TL 10 780 Td\n" + line * lines + b"ET\n", 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out
