package vn.ubkt.casework.query.reports;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A printable A4 report. The Liberation fonts are embedded, so every Vietnamese diacritic prints as written. */
final class ReportPdf {

    private static final BaseFont REGULAR = font("liberation/LiberationSerif-Regular.ttf");
    private static final BaseFont BOLD = font("liberation/LiberationSerif-Bold.ttf");

    private ReportPdf() {
    }

    private static BaseFont font(String resource) {
        try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] render(ReportWriter.Report report, String footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 60, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        document.addTitle(report.title());
        document.open();
        Paragraph title = new Paragraph(report.title(), new Font(BOLD, 13));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(18);
        document.add(title);
        Font body = new Font(REGULAR, 12);
        for (String text : report.paragraphs()) {
            Paragraph paragraph = new Paragraph(text, body);
            paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
            paragraph.setFirstLineIndent(24);
            paragraph.setSpacingAfter(8);
            paragraph.setLeading(17);
            document.add(paragraph);
        }
        Paragraph end = new Paragraph(footer, new Font(REGULAR, 9));
        end.setSpacingBefore(24);
        document.add(end);
        document.close();
        return out.toByteArray();
    }
}
