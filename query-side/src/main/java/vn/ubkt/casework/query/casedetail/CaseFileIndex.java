package vn.ubkt.casework.query.casedetail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.events.cases.CaseEvent;
import vn.ubkt.casework.events.cases.DocumentKind;
import vn.ubkt.casework.query.casefile.DocumentTemplates;

/**
 * The case file as its index lists it ("Mục lục hồ sơ"), for the API and the case page alike, and the documents a
 * case may issue: those of the steps in its record ({@link DocumentKind#recordedBy}, read from the event store
 * itself, so a case recorded before the case file existed offers its documents too).
 */
@Component
class CaseFileIndex {

    private final DocumentTemplates templates;
    private final EventStore eventStore;

    CaseFileIndex(DocumentTemplates templates, EventStore eventStore) {
        this.templates = templates;
        this.eventStore = eventStore;
    }

    /** One line of the index. */
    record FileItemView(int position, String type, String id, String kind, String number, String name, String sha256,
                        Instant recordedAt, String status, LocalDate issuedOn, Long size, String contentType,
                        String description, String supersedes, boolean external, String uploadedBy) {

        private static final java.time.format.DateTimeFormatter SHOWN =
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

        /** For the page: the hash's first 12 digits (the whole one is its title). */
        public String shortSha() {
            return sha256 == null ? "" : sha256.substring(0, Math.min(12, sha256.length()));
        }

        /** For the page: when it was recorded, on the commissions' clock. */
        public String recordedLocal() {
            return recordedAt == null ? "" : SHOWN.format(recordedAt);
        }
    }

    List<FileItemView> items(CaseDocument doc) {
        return doc.file.stream().map(entry -> new FileItemView(entry.position, entry.type, entry.id, entry.kind,
                entry.number, name(entry), entry.stored == null ? null : entry.stored.sha256(), entry.recordedAt,
                entry.status, entry.issuedOn, entry.stored == null ? null : entry.stored.size(),
                entry.stored == null ? null : entry.stored.contentType(), entry.description, entry.supersedes,
                entry.external, entry.stored == null ? null : entry.stored.uploadedBy())).toList();
    }

    /** A document by its title and number ("Kế hoạch kiểm tra số 3-KH/UBKTTU"); a file by its own name. */
    String name(CaseDocument.FileEntry entry) {
        if ("DOCUMENT".equals(entry.type)) {
            String title = templates.title(DocumentKind.valueOf(entry.kind));
            return entry.number == null ? title : title + " số " + entry.number;
        }
        return entry.stored.name();
    }

    /** The documents whose steps are in the case's record, in the order of the steps. */
    List<DocumentKind> issuable(CaseDocument doc) {
        Set<DocumentKind> reached = EnumSet.noneOf(DocumentKind.class);
        DomainEventStream stream = eventStore.readEvents(doc.id);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof CaseEvent event) {
                reached.addAll(DocumentKind.recordedBy(event, doc.type));
            }
        }
        return Arrays.stream(DocumentKind.values()).filter(reached::contains).toList();
    }
}
