package vn.ubkt.casework.query.casefile;

import java.util.List;

/**
 * One Party document as the format has it (OUTPUTS.md "Documents of the Party"), ready to render: the same model
 * gives the DOCX staff finish in their word processor and the PDF for printing. Text only, already filled in.
 */
public record OfficialDocument(
        String title,
        String superiorBody,
        String issuingBody,
        String number,
        String placeAndDate,
        String party,
        String type,
        String subject,
        List<String> bases,
        String preamble,
        List<Block> body,
        String signatureCapacity,
        String signatureTitle,
        String signatureName,
        String recipientsLabel,
        List<String> recipients,
        DocumentTemplates.Format format) {

    public enum Style { HEADING, PARAGRAPH, ARTICLE, CENTER, LIST }

    public record Block(Style style, String text) {
    }

    /** Every line of text of the document, in reading order: what a reader of the PDF must find in it. */
    public List<String> lines() {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        java.util.stream.Stream.of(superiorBody, issuingBody, number, party, placeAndDate, type, subject)
                .filter(s -> s != null && !s.isBlank()).forEach(lines::add);
        lines.addAll(bases);
        if (preamble != null) {
            lines.add(preamble);
        }
        body.forEach(block -> lines.add(block.text()));
        java.util.stream.Stream.of(signatureCapacity, signatureTitle, signatureName)
                .filter(s -> s != null && !s.isBlank()).forEach(lines::add);
        lines.add(recipientsLabel);
        lines.addAll(recipients);
        return lines;
    }
}
