package vn.ubkt.casework.query.casefile;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A document as a printable A4 PDF in the Party format. Times New Roman is not free to ship, so the metric-compatible
 * Liberation Serif is embedded (a subset, Unicode encoded): every Vietnamese diacritic prints and extracts as written.
 */
public final class PdfRenderer {

    static final BaseFont REGULAR = font("liberation/LiberationSerif-Regular.ttf");
    static final BaseFont BOLD = font("liberation/LiberationSerif-Bold.ttf");
    static final BaseFont ITALIC = font("liberation/LiberationSerif-Italic.ttf");
    static final BaseFont BOLD_ITALIC = font("liberation/LiberationSerif-BoldItalic.ttf");

    private PdfRenderer() {
    }

    private static BaseFont font(String resource) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float mm(int millimetres) {
        return millimetres * 72f / 25.4f;
    }

    /** Page numbers from page 2, centred in the top margin (OUTPUTS.md, R). */
    static final class PageNumbers extends PdfPageEventHelper {
        private final float top;

        PageNumbers(float top) {
            this.top = top;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int page = writer.getPageNumber();
            if (page > 1) {
                Rectangle size = document.getPageSize();
                ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                        new Phrase(String.valueOf(page), new Font(REGULAR, 13)),
                        (size.getLeft() + document.leftMargin() + size.getRight() - document.rightMargin()) / 2,
                        size.getTop() - top / 2, 0);
            }
        }
    }

    public static byte[] render(OfficialDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentTemplates.Format f = doc.format();
        Document pdf = new Document(PageSize.A4, mm(f.marginLeftMm()), mm(f.marginRightMm()), mm(f.marginTopMm()),
                mm(f.marginBottomMm()));
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        writer.setPageEvent(new PageNumbers(mm(f.marginTopMm())));
        pdf.addTitle(doc.title() + (doc.number() == null ? "" : " " + doc.number()));
        pdf.addCreator("casework");
        pdf.open();
        write(pdf, doc);
        pdf.close();
        return out.toByteArray();
    }

    /** Writes the document on the pages of an open PDF (the whole case file uses it too). */
    static void write(Document pdf, OfficialDocument doc) {
        DocumentTemplates.Format f = doc.format();
        PdfPTable header = new PdfPTable(new float[] {45, 55});
        header.setWidthPercentage(100);
        PdfPCell left = cell();
        left.addElement(centered(doc.superiorBody(), new Font(REGULAR, f.headerSize())));
        left.addElement(centered(doc.issuingBody(), new Font(BOLD, f.headerSize())));
        left.addElement(centered("*", new Font(REGULAR, f.headerSize())));
        if (doc.number() != null) {
            left.addElement(centered(doc.number(), new Font(REGULAR, f.headerSize())));
        }
        PdfPCell right = cell();
        Paragraph party = new Paragraph();
        party.setAlignment(Element.ALIGN_CENTER);
        Chunk partyWords = new Chunk(doc.party(), new Font(BOLD, f.partySize()));
        partyWords.setUnderline(0.8f, -3f);
        party.add(partyWords);
        right.addElement(party);
        Paragraph date = centered(doc.placeAndDate(), new Font(ITALIC, f.headerSize()));
        date.setSpacingBefore(8);
        right.addElement(date);
        header.addCell(left);
        header.addCell(right);
        pdf.add(header);

        Paragraph type = centered(doc.type(), new Font(BOLD, f.typeSize()));
        type.setSpacingBefore(18);
        pdf.add(type);
        pdf.add(centered(doc.subject(), new Font(BOLD, f.subjectSize())));
        Paragraph rule = centered("-----", new Font(REGULAR, f.bodySize()));
        rule.setSpacingAfter(6);
        pdf.add(rule);

        Font body = new Font(REGULAR, f.bodySize());
        for (String basis : doc.bases()) {
            pdf.add(justified(basis, new Font(ITALIC, f.bodySize())));
        }
        if (doc.preamble() != null) {
            Paragraph preamble = centered(doc.preamble(), new Font(BOLD, f.bodySize()));
            preamble.setSpacingBefore(6);
            pdf.add(preamble);
        }
        for (OfficialDocument.Block block : doc.body()) {
            switch (block.style()) {
                case HEADING -> {
                    Paragraph p = new Paragraph(block.text(), new Font(BOLD, f.bodySize()));
                    p.setSpacingBefore(4);
                    p.setLeading(f.bodySize() * 1.3f);
                    pdf.add(p);
                }
                case CENTER -> pdf.add(centered(block.text(), new Font(BOLD, f.bodySize())));
                case ARTICLE -> {
                    int dot = block.text().indexOf('.');
                    Paragraph p = justified("", body);
                    if (block.text().startsWith("Điều ") && dot > 0) {
                        p.add(new Chunk(block.text().substring(0, dot + 1), new Font(BOLD, f.bodySize())));
                        p.add(new Chunk(block.text().substring(dot + 1), body));
                    } else {
                        p.add(new Chunk(block.text(), body));
                    }
                    pdf.add(p);
                }
                case PARAGRAPH, LIST -> pdf.add(justified(block.text(), body));
            }
        }

        PdfPTable foot = new PdfPTable(new float[] {50, 50});
        foot.setWidthPercentage(100);
        foot.setSpacingBefore(14);
        foot.setKeepTogether(true);
        PdfPCell recipients = cell();
        Paragraph label = new Paragraph();
        Chunk labelWords = new Chunk(doc.recipientsLabel(), new Font(BOLD_ITALIC, f.recipientSize()));
        labelWords.setUnderline(0.6f, -2f);
        label.add(labelWords);
        recipients.addElement(label);
        for (String line : doc.recipients()) {
            recipients.addElement(new Paragraph(line, new Font(REGULAR, f.recipientSize())));
        }
        PdfPCell signature = cell();
        signature.addElement(centered(doc.signatureCapacity(), new Font(BOLD, f.headerSize())));
        if (doc.signatureTitle() != null && !doc.signatureTitle().isBlank()) {
            signature.addElement(centered(doc.signatureTitle(), new Font(BOLD, f.headerSize())));
        }
        Paragraph name = centered(doc.signatureName() == null || doc.signatureName().isBlank() ? " "
                : doc.signatureName(), new Font(BOLD, f.headerSize()));
        name.setSpacingBefore(56);
        signature.addElement(name);
        foot.addCell(recipients);
        foot.addCell(signature);
        pdf.add(foot);
    }

    private static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text == null ? "" : text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setLeading(font.getSize() * 1.25f);
        return p;
    }

    private static Paragraph justified(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(mm(10));
        p.setLeading(font.getSize() * 1.3f);
        p.setSpacingAfter(3);
        return p;
    }
}
