package vn.ubkt.casework.query.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.events.cases.DocumentKind;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.query.casedetail.CaseDocument;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.committeetree.TreeSnapshot;
import vn.ubkt.casework.query.platform.Sentences;

/**
 * Drafts a step's document from the case's facts: the template of its kind filled with the case as the read model
 * holds it, the number, date and "Căn cứ" lines recorded when it was issued, and the names of the tree. Codes are
 * put in words from the same bundles the pages use, in Vietnamese, the language of the documents.
 */
@Component
public class DocumentDrafter {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DocumentTemplates templates;
    private final CommitteeTree tree;
    private final MessageSource messages;

    DocumentDrafter(DocumentTemplates templates, CommitteeTree tree, MessageSource messages) {
        this.templates = templates;
        this.tree = tree;
        this.messages = messages;
    }

    public OfficialDocument draft(CaseDocument doc, CaseDocument.FileEntry entry) {
        DocumentKind kind = DocumentKind.valueOf(entry.kind);
        DocumentTemplates.Template template = templates.of(kind);
        TreeSnapshot snapshot = tree.snapshot();
        Optional<TreeSnapshot.Node> issuer = snapshot.node(entry.issuingCommitteeId);
        String parentId = snapshot.parentOn(entry.issuingCommitteeId, entry.issuedOn);
        DocumentTemplates.Body body = templates.body(issuer.map(n -> n.kind().name()).orElse(""));
        Map<String, Object> facts = facts(doc, entry, snapshot);

        String issuerName = snapshot.name(entry.issuingCommitteeId);
        String superior;
        String issuingBody;
        if (body.label() == null || body.label().isBlank()) {
            // a committee issuing in its own name: the party organization above it, then its own name
            superior = parentId == null ? "" : upper(snapshot.name(parentId));
            issuingBody = upper(issuerName);
        } else {
            superior = parentId == null ? "" : upper(snapshot.name(parentId));
            issuingBody = body.label();
        }
        String place = issuer.flatMap(n -> templates.placeOfLevel(n.level().name()))
                .orElseGet(() -> place(parentId == null ? issuerName : snapshot.name(parentId)));
        boolean numbered = template.numbered() == null || template.numbered();
        String number = numbered && entry.number != null ? "Số " + entry.number : numbered ? "Số      -" : null;
        DocumentTemplates.Signature signature = template.signature();
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        for (DocumentTemplates.BlockTemplate block : template.body()) {
            OfficialDocument.Style style = OfficialDocument.Style.valueOf(block.style().toUpperCase(Locale.ROOT));
            if (block.each() != null) {
                Object items = facts.get(block.each());
                int n = 0;
                for (Object item : items instanceof List<?> list ? list : List.of()) {
                    Map<String, Object> row = new HashMap<>(facts);
                    row.put("n", ++n);
                    if (item instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> row.put(String.valueOf(k), v));
                    }
                    blocks.add(new OfficialDocument.Block(style, fill(block.text(), row)));
                }
            } else {
                blocks.add(new OfficialDocument.Block(style, fill(block.text(), facts)));
            }
        }
        List<String> recipients = new ArrayList<>();
        List<String> lines = template.recipients();
        for (int i = 0; i < lines.size(); i++) {
            // one a line, each "- " and ending ",", the last (Lưu …) ending "." (OUTPUTS.md, U)
            recipients.add("- " + fill(lines.get(i), facts) + (i == lines.size() - 1 ? "." : ","));
        }
        return new OfficialDocument(
                template.title(),
                superior,
                issuingBody,
                number,
                place + ", " + longDate(entry.issuedOn),
                templates.format().party(),
                template.type(),
                fill(template.subject(), facts),
                entry.bases,
                Boolean.TRUE.equals(template.preamble()) ? fill(body.preamble(), facts).toUpperCase(VI) : null,
                blocks,
                signature == null ? body.capacity() : signature.capacity(),
                signature == null ? body.title() : signature.title(),
                signature == null ? "" : fill(signature.name(), facts),
                templates.format().recipientsLabel(),
                recipients,
                templates.format());
    }

    /** "ngày 05 tháng 3 năm 2019": the day in two digits, months one and two with a zero, as documents write them. */
    static String longDate(LocalDate date) {
        int month = date.getMonthValue();
        return "ngày %02d tháng %s năm %d".formatted(date.getDayOfMonth(), month < 3 ? "0" + month : String.valueOf(month),
                date.getYear());
    }

    private String place(String organizationName) {
        String place = organizationName;
        for (String prefix : templates.placePrefixes()) {
            if (place.regionMatches(true, 0, prefix, 0, prefix.length())) {
                place = place.substring(prefix.length());
            }
        }
        return place.strip();
    }

    private static String upper(String text) {
        return text == null ? "" : text.toUpperCase(VI);
    }

    private static String fill(String pattern, Map<String, Object> facts) {
        return pattern == null ? "" : Sentences.fill(pattern, facts).replaceAll("\\s+", " ").strip();
    }

    private String word(String prefix, String code) {
        return code == null ? "" : messages.getMessage(prefix + "." + code, null, code, VI);
    }

    private static String day(LocalDate date) {
        return date == null ? "……" : DAY.format(date);
    }

    private Map<String, Object> facts(CaseDocument doc, CaseDocument.FileEntry entry, TreeSnapshot snapshot) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("issuerName", snapshot.name(entry.issuingCommitteeId));
        facts.put("committeeName", snapshot.name(doc.committeeId));
        String organization = snapshot.name(doc.subject.organizationId().value());
        if (doc.subject instanceof Subject.Member member) {
            String posts = member.posts() == null || member.posts().isEmpty() ? "" : ", " + String.join(", ", member.posts());
            facts.put("subjectName", member.fullName());
            facts.put("subjectShort", "đồng chí " + member.fullName());
            facts.put("subjectPhrase", "đồng chí " + member.fullName() + posts + ", đảng viên " + organization);
        } else {
            facts.put("subjectName", organization);
            facts.put("subjectShort", organization);
            facts.put("subjectPhrase", organization);
        }
        String shortName = String.valueOf(facts.get("subjectShort"));
        facts.put("subjectRecipient", shortName.substring(0, 1).toUpperCase(VI) + shortName.substring(1));
        String typeWords = word("type", doc.type == null ? null : doc.type.name());
        facts.put("caseTypeWords", typeWords);
        facts.put("caseTypeWordsLower", typeWords.isEmpty() ? "" : typeWords.substring(0, 1).toLowerCase(VI) + typeWords.substring(1));
        facts.put("content", doc.content);
        facts.put("planRef", doc.planRef);
        facts.put("plannedFrom", day(doc.plannedFrom));
        facts.put("plannedTo", day(doc.plannedTo));
        if (doc.opening != null) {
            facts.put("openedOn", day(doc.opening.openedOn()));
            facts.put("decisionRef", doc.opening.decisionRef());
            List<Map<String, Object>> team = new ArrayList<>();
            String lead = "";
            for (CaseDocument.Member member : doc.opening.team()) {
                boolean isLead = member.memberId().equals(doc.opening.leadMemberId());
                team.add(Map.of("fullName", member.fullName(), "role", isLead ? "Trưởng đoàn" : "Thành viên"));
                if (isLead) {
                    lead = member.fullName();
                }
            }
            facts.put("team", team);
            facts.put("leadName", lead);
        }
        if (!doc.explanations.isEmpty()) {
            facts.put("explanation", doc.explanations.get(doc.explanations.size() - 1).summary());
        }
        if (!doc.findings.isEmpty()) {
            CaseDocument.Findings findings = doc.findings.get(doc.findings.size() - 1);
            facts.put("findings", findings.summary());
            facts.put("evidence", doc.findings.stream().flatMap(f -> f.evidence().stream())
                    .map(e -> Map.<String, Object>of("ref", e.ref())).toList());
        }
        if (doc.conclusion != null) {
            facts.put("concludedOn", day(doc.conclusion.concludedOn()));
            facts.put("conclusionRef", doc.conclusion.conclusionRef());
            facts.put("outcomeWords", word("outcome", doc.conclusion.outcome()));
            facts.put("conclusionSummary", doc.conclusion.summary());
            List<String> categories = doc.conclusion.violationCategories().stream()
                    .map(c -> word("category", c).toLowerCase(VI)).toList();
            facts.put("categoriesWords", categories.isEmpty() ? "không" : String.join("; ", categories));
            facts.put("disciplineWords", doc.conclusion.disciplineWarranted()
                    ? "Đề nghị cấp có thẩm quyền xem xét, thi hành kỷ luật theo quy định của Đảng."
                    : "Yêu cầu tổ chức, cá nhân có liên quan khắc phục khuyết điểm (nếu có) và báo cáo kết quả.");
            facts.put("denunciationWords", word("denunciation", doc.conclusion.denunciationResult()));
        }
        if (!doc.decisions.isEmpty()) {
            CaseDocument.Decision decision = doc.decisions.get(doc.decisions.size() - 1);
            facts.put("decidedOn", day(decision.decidedOn()));
            facts.put("decidingName", snapshot.name(decision.decidingCommitteeId()));
            facts.put("decisionRefOfDiscipline", decision.decisionRef());
            facts.put("eligibleVoters", decision.eligibleVoters());
            facts.put("ballotWords", decision.eligibleVoters() + " người có quyền biểu quyết");
            facts.put("ballot", decision.ballot() == null ? List.of() : decision.ballot().entrySet().stream()
                    .map(e -> Map.<String, Object>of("formWords", "NONE".equals(e.getKey()) ? "Không kỷ luật"
                            : word("form", e.getKey()), "votes", e.getValue())).toList());
            facts.put("formUpper", word("form", decision.form()).toUpperCase(VI));
            facts.put("effectiveOn", day(decision.effectiveOn()));
            facts.put("decisionWords", "IMPOSED".equals(decision.outcome())
                    ? "thi hành kỷ luật bằng hình thức " + word("form", decision.form()).toLowerCase(VI)
                    : "không thi hành kỷ luật");
        }
        doc.appeals.stream().filter(a -> a.resolution() != null).reduce((a, b) -> b).ifPresent(appeal -> {
            CaseDocument.Resolution resolution = appeal.resolution();
            facts.put("appealFiledOn", day(appeal.filedOn()));
            facts.put("appealResultWords", word("appeal", resolution.result()));
            facts.put("previousFormWords", word("form", resolution.previousForm()).toLowerCase(VI));
            facts.put("newFormPhrase", resolution.newForm() == null || "UPHELD".equals(resolution.result()) ? ""
                    : ", thay đổi hình thức kỷ luật thành " + word("form", resolution.newForm()).toUpperCase(VI));
            facts.put("earlierDecisionEffect", "ANNULLED".equals(resolution.result())
                    ? "quyết định kỷ luật trước đây hết hiệu lực."
                    : "UPHELD".equals(resolution.result()) ? "quyết định kỷ luật trước đây giữ nguyên hiệu lực."
                    : "quyết định kỷ luật trước đây được thay thế theo Điều 1.");
        });
        return facts;
    }
}
