package vn.ubkt.casework.query.casefile;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfImportedPage;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole case file as one PDF for the archive: a cover with the index ("Mục lục hồ sơ": every document and
 * attachment in order, with its number, date, SHA-256 and first page), then each item — a document drafted from the
 * case, or its signed copy when that is a PDF or an image, and each attachment that is a PDF or an image; any other
 * file is represented by a page naming it and its hash. A file whose bytes no longer match their hash is not
 * included: its page says so.
 */
public final class CaseFilePdf {

    private CaseFilePdf() {
    }

    /** One item of the file, with what the archive includes of it. */
    public record Item(int position, String type, String title, String number, String date, String sha256,
                       OfficialDocument drafted, byte[] pdf, byte[] image, String note) {
    }

    public static byte[] render(String caseTitle, String caseLine, List<Item> items) {
        try {
            return assemble(caseTitle, caseLine, items);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] assemble(String caseTitle, String caseLine, List<Item> items) throws java.io.IOException {
        List<Integer> starts = new ArrayList<>();
        byte[] body = body(items, starts);
        byte[] index = index(caseTitle, caseLine, items, starts, 0);
        int indexPages = new PdfReader(index).getNumberOfPages();
        index = index(caseTitle, caseLine, items, starts, indexPages);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfCopy copy = new PdfCopy(document, out);
        document.addTitle(caseTitle);
        document.open();
        for (byte[] part : List.of(index, body)) {
            PdfReader reader = new PdfReader(part);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                copy.addPage(copy.getImportedPage(reader, page));
            }
        }
        document.close();
        return out.toByteArray();
    }

    private static byte[] index(String caseTitle, String caseLine, List<Item> items, List<Integer> starts, int offset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, PdfRenderer.mm(20), PdfRenderer.mm(15), PdfRenderer.mm(20),
                PdfRenderer.mm(20));
        PdfWriter.getInstance(pdf, out);
        pdf.open();
        pdf.add(PdfRenderer.centered("HỒ SƠ VỤ VIỆC", new Font(PdfRenderer.BOLD, 16)));
        pdf.add(PdfRenderer.centered(caseTitle, new Font(PdfRenderer.BOLD, 13)));
        Paragraph line = PdfRenderer.centered(caseLine, new Font(PdfRenderer.ITALIC, 11));
        line.setSpacingAfter(14);
        pdf.add(line);
        pdf.add(PdfRenderer.centered("MỤC LỤC HỒ SƠ", new Font(PdfRenderer.BOLD, 14)));
        PdfPTable table = new PdfPTable(new float[] {6, 14, 38, 16, 12, 8});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setHeaderRows(1);
        Font head = new Font(PdfRenderer.BOLD, 10);
        Font cell = new Font(PdfRenderer.REGULAR, 10);
        Font small = new Font(PdfRenderer.REGULAR, 7);
        for (String title : List.of("TT", "Loại", "Tên văn bản, tài liệu", "Số", "Ngày", "Trang")) {
            table.addCell(new PdfPCell(new Phrase(title, head)));
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            table.addCell(new PdfPCell(new Phrase(String.valueOf(item.position()), cell)));
            table.addCell(new PdfPCell(new Phrase("DOCUMENT".equals(item.type()) ? "Văn bản" : "Tài liệu", cell)));
            PdfPCell name = new PdfPCell();
            name.addElement(new Paragraph(item.title(), cell));
            name.addElement(new Paragraph("SHA-256 " + (item.sha256() == null ? "—" : item.sha256()), small));
            table.addCell(name);
            table.addCell(new PdfPCell(new Phrase(item.number() == null ? "" : item.number(), cell)));
            table.addCell(new PdfPCell(new Phrase(item.date() == null ? "" : item.date(), cell)));
            table.addCell(new PdfPCell(new Phrase(String.valueOf(starts.get(i) + offset), cell)));
        }
        pdf.add(table);
        pdf.close();
        return out.toByteArray();
    }

    private static byte[] body(List<Item> items, List<Integer> starts) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentTemplates.Format format = items.stream().map(Item::drafted).filter(d -> d != null)
                .map(OfficialDocument::format).findFirst().orElse(null);
        Document pdf = format == null ? new Document(PageSize.A4)
                : new Document(PageSize.A4, PdfRenderer.mm(format.marginLeftMm()), PdfRenderer.mm(format.marginRightMm()),
                PdfRenderer.mm(format.marginTopMm()), PdfRenderer.mm(format.marginBottomMm()));
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        pdf.open();
        boolean first = true;
        for (Item item : items) {
            if (!first) {
                pdf.newPage();
            }
            first = false;
            starts.add(writer.getPageNumber());
            if (item.pdf() != null) {
                PdfReader reader = new PdfReader(item.pdf());
                PdfContentByte content = writer.getDirectContent();
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    if (page > 1) {
                        pdf.newPage();
                    }
                    PdfImportedPage imported = writer.getImportedPage(reader, page);
                    Rectangle a4 = PageSize.A4;
                    float scale = Math.min(a4.getWidth() / imported.getWidth(), a4.getHeight() / imported.getHeight());
                    pdf.add(new Paragraph(" ", new Font(PdfRenderer.REGULAR, 1)));
                    content.addTemplate(imported, scale, 0, 0, scale, 0, 0);
                }
            } else if (item.image() != null) {
                pdf.add(new Paragraph(item.position() + ". " + item.title(), new Font(PdfRenderer.BOLD, 12)));
                Image image = Image.getInstance(item.image());
                image.scaleToFit(pdf.getPageSize().getWidth() - pdf.leftMargin() - pdf.rightMargin(),
                        pdf.getPageSize().getHeight() - pdf.topMargin() - pdf.bottomMargin() - 40);
                image.setAlignment(Element.ALIGN_CENTER);
                pdf.add(image);
            } else if (item.drafted() != null) {
                PdfRenderer.write(pdf, item.drafted());
            }
            if (item.note() != null) {
                if (item.pdf() != null || item.image() != null) {
                    pdf.newPage();
                }
                if (item.drafted() == null) {
                    pdf.add(new Paragraph(item.position() + ". " + item.title(), new Font(PdfRenderer.BOLD, 12)));
                }
                pdf.add(new Paragraph(item.note(), new Font(PdfRenderer.ITALIC, 11)));
            }
        }
        if (items.isEmpty()) {
            pdf.add(new Paragraph("Hồ sơ chưa có văn bản, tài liệu nào.", new Font(PdfRenderer.ITALIC, 12)));
        }
        pdf.close();
        return out.toByteArray();
    }
}
