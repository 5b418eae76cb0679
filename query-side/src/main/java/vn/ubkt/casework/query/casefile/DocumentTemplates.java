package vn.ubkt.casework.query.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.events.cases.DocumentKind;

/**
 * The format of Party documents and the template of each step's document, as versioned data
 * ({@code casefile/templates.json}, or a deployment's own file at {@code casework.casefile.templates-location}),
 * like the rulebook. Loaded and checked at start: every kind of document has a template.
 */
@Component
public class DocumentTemplates {

    private static final Logger log = LoggerFactory.getLogger(DocumentTemplates.class);

    public record Format(String source, String font, int marginTopMm, int marginBottomMm, int marginLeftMm,
                         int marginRightMm, int headerSize, int partySize, int typeSize, int subjectSize, int bodySize,
                         int recipientSize, String party, String recipientsLabel) {
    }

    public record Body(String label, String capacity, String title, String preamble) {
    }

    public record Signature(String capacity, String title, String name) {
    }

    public record BlockTemplate(String style, String text, String each) {
    }

    public record Template(String title, String type, String subject, Boolean numbered, Boolean preamble,
                           Signature signature, List<BlockTemplate> body, List<String> recipients) {
    }

    public record Templates(String version, String note, Format format, Map<String, Body> bodies,
                            Map<String, String> placesByLevel, List<String> placePrefixes,
                            Map<DocumentKind, Template> documents) {
    }

    private final Templates templates;

    DocumentTemplates(@Value("${casework.casefile.templates-location:classpath:casefile/templates.json}") Resource location)
            throws IOException {
        try (InputStream in = location.getInputStream()) {
            templates = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Templates.class);
        }
        for (DocumentKind kind : DocumentKind.values()) {
            if (templates.documents() == null || !templates.documents().containsKey(kind)) {
                throw new IllegalStateException("the document templates " + location + " have no template for " + kind);
            }
        }
        log.info("Document templates {} loaded: version {}", location.getDescription(), templates.version());
    }

    public String version() {
        return templates.version();
    }

    public Format format() {
        return templates.format();
    }

    public Template of(DocumentKind kind) {
        return templates.documents().get(kind);
    }

    /** The title of a kind of document, as the file's index names it ("Quyết định kiểm tra"). */
    public String title(DocumentKind kind) {
        return of(kind).title();
    }

    Body body(String committeeKind) {
        return templates.bodies().getOrDefault(committeeKind, new Body("", "T/M", "", "{issuerName}"));
    }

    /** The place a body at this level writes before the date, when the level names one (the centre: Hà Nội). */
    java.util.Optional<String> placeOfLevel(String level) {
        return java.util.Optional.ofNullable(templates.placesByLevel() == null ? null : templates.placesByLevel().get(level));
    }

    List<String> placePrefixes() {
        return templates.placePrefixes() == null ? List.of() : templates.placePrefixes();
    }
}
