package vn.ubkt.casework.query.casefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A document as DOCX for staff to finish in their word processor: the same model as the PDF, A4 with the format's
 * margins, Times New Roman, the two header blocks and the signature block as borderless tables.
 */
public final class DocxRenderer {

    private DocxRenderer() {
    }

    private static BigInteger twips(int millimetres) {
        return BigInteger.valueOf(Math.round(millimetres * 1440 / 25.4));
    }

    public static byte[] render(OfficialDocument doc) {
        DocumentTemplates.Format f = doc.format();
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            docx.getProperties().getCoreProperties().setTitle(doc.title() + (doc.number() == null ? "" : " " + doc.number()));
            CTSectPr section = docx.getDocument().getBody().addNewSectPr();
            CTPageSz size = section.addNewPgSz();
            size.setW(twips(210));
            size.setH(twips(297));
            CTPageMar margins = section.addNewPgMar();
            margins.setTop(twips(f.marginTopMm()));
            margins.setBottom(twips(f.marginBottomMm()));
            margins.setLeft(twips(f.marginLeftMm()));
            margins.setRight(twips(f.marginRightMm()));

            XWPFTable header = borderless(docx);
            XWPFTableCell left = header.getRow(0).getCell(0);
            XWPFTableCell right = header.getRow(0).getCell(1);
            line(left.getParagraphs().get(0), doc.superiorBody(), f, f.headerSize(), false, false, false);
            line(left.addParagraph(), doc.issuingBody(), f, f.headerSize(), true, false, false);
            line(left.addParagraph(), "*", f, f.headerSize(), false, false, false);
            if (doc.number() != null) {
                line(left.addParagraph(), doc.number(), f, f.headerSize(), false, false, false);
            }
            line(right.getParagraphs().get(0), doc.party(), f, f.partySize(), true, false, true);
            line(right.addParagraph(), doc.placeAndDate(), f, f.headerSize(), false, true, false);

            XWPFParagraph type = docx.createParagraph();
            type.setSpacingBefore(240);
            line(type, doc.type(), f, f.typeSize(), true, false, false);
            line(docx.createParagraph(), doc.subject(), f, f.subjectSize(), true, false, false);
            line(docx.createParagraph(), "-----", f, f.bodySize(), false, false, false);
            for (String basis : doc.bases()) {
                justified(docx.createParagraph(), basis, f, false, true);
            }
            if (doc.preamble() != null) {
                line(docx.createParagraph(), doc.preamble(), f, f.bodySize(), true, false, false);
            }
            for (OfficialDocument.Block block : doc.body()) {
                XWPFParagraph p = docx.createParagraph();
                switch (block.style()) {
                    case HEADING -> {
                        p.setAlignment(ParagraphAlignment.LEFT);
                        run(p, block.text(), f, f.bodySize(), true, false);
                    }
                    case CENTER -> line(p, block.text(), f, f.bodySize(), true, false, false);
                    case ARTICLE -> {
                        int dot = block.text().indexOf('.');
                        justified(p, "", f, false, false);
                        if (block.text().startsWith("Điều ") && dot > 0) {
                            run(p, block.text().substring(0, dot + 1), f, f.bodySize(), true, false);
                            run(p, block.text().substring(dot + 1), f, f.bodySize(), false, false);
                        } else {
                            run(p, block.text(), f, f.bodySize(), false, false);
                        }
                    }
                    case PARAGRAPH, LIST -> justified(p, block.text(), f, false, false);
                }
            }
            docx.createParagraph();
            XWPFTable foot = borderless(docx);
            XWPFTableCell recipients = foot.getRow(0).getCell(0);
            XWPFTableCell signature = foot.getRow(0).getCell(1);
            XWPFParagraph label = recipients.getParagraphs().get(0);
            XWPFRun labelRun = run(label, doc.recipientsLabel(), f, f.recipientSize(), true, true);
            labelRun.setUnderline(UnderlinePatterns.SINGLE);
            for (String recipient : doc.recipients()) {
                run(recipients.addParagraph(), recipient, f, f.recipientSize(), false, false);
            }
            line(signature.getParagraphs().get(0), doc.signatureCapacity(), f, f.headerSize(), true, false, false);
            if (doc.signatureTitle() != null && !doc.signatureTitle().isBlank()) {
                line(signature.addParagraph(), doc.signatureTitle(), f, f.headerSize(), true, false, false);
            }
            XWPFParagraph name = signature.addParagraph();
            name.setSpacingBefore(1200);
            line(name, doc.signatureName() == null ? "" : doc.signatureName(), f, f.headerSize(), true, false, false);
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFTable borderless(XWPFDocument docx) {
        XWPFTable table = docx.createTable(1, 2);
        table.removeBorders();
        table.setWidth("100%");
        return table;
    }

    private static void line(XWPFParagraph p, String text, DocumentTemplates.Format f, int size, boolean bold,
                             boolean italic, boolean underline) {
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        XWPFRun run = run(p, text, f, size, bold, italic);
        if (underline) {
            run.setUnderline(UnderlinePatterns.SINGLE);
        }
    }

    private static void justified(XWPFParagraph p, String text, DocumentTemplates.Format f, boolean bold, boolean italic) {
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(567);
        p.setSpacingAfter(60);
        if (!text.isEmpty()) {
            run(p, text, f, f.bodySize(), bold, italic);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, DocumentTemplates.Format f, int size, boolean bold,
                               boolean italic) {
        XWPFRun run = p.createRun();
        run.setText(text == null ? "" : text);
        run.setFontFamily(f.font());
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        return run;
    }
}
