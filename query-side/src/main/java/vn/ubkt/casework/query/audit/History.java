package vn.ubkt.casework.query.audit;

import java.util.Map;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.platform.Sentences;
import vn.ubkt.casework.query.committeetree.TreeSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.events.cases.CaseEvent;
import vn.ubkt.casework.events.complaints.ComplaintEvent;
import vn.ubkt.casework.events.suspensions.SuspensionEvent;
import vn.ubkt.casework.query.suspensions.SuspensionQueries;

/**
 * Reads a case's or a complaint's history straight from the event store: the audit trail is the record itself, not a
 * copy that could drift from it. A complaint's history shows the steps of a reveal (who asked, who decided, why),
 * never the identity, which no event holds.
 */
@Component
public class History {

    private final EventStore eventStore;
    private final JsonMapper json;
    private final MessageSource messages;
    private final CommitteeTree committees;

    private final SuspensionQueries suspensions;

    History(EventStore eventStore, JsonMapper json, MessageSource messages, CommitteeTree committees,
            SuspensionQueries suspensions) {
        this.eventStore = eventStore;
        this.json = json;
        this.messages = messages;
        this.committees = committees;
        this.suspensions = suspensions;
    }

    /**
     * The case's steps, and the steps of every suspension of party activity that serves it, in the order they were
     * recorded: the case's audit trail shows the member suspended for its sake.
     */
    public List<HistoryEntryView> ofCase(String caseId, Locale locale) {
        List<HistoryEntryView> entries = of(caseId, CaseEvent.class, locale);
        // the suspensions read model names which suspensions serve the case; their steps are read from the record
        List<String> serving = suspensions.idsOfCase(caseId);
        if (serving.isEmpty()) {
            return entries;
        }
        List<HistoryEntryView> all = new ArrayList<>(entries);
        serving.forEach(id -> all.addAll(of(id, SuspensionEvent.class, locale)));
        all.sort(java.util.Comparator.comparing(HistoryEntryView::recordedAt));
        return all;
    }

    public List<HistoryEntryView> ofSuspension(String suspensionId, Locale locale) {
        return of(suspensionId, SuspensionEvent.class, locale);
    }

    public List<HistoryEntryView> ofComplaint(String complaintId, Locale locale) {
        return of(complaintId, ComplaintEvent.class, locale);
    }

    private List<HistoryEntryView> of(String aggregateId, Class<?> eventType, Locale locale) {
        List<HistoryEntryView> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (!eventType.isInstance(message.getPayload())) {
                continue;
            }
            JsonNode data = json.valueToTree(message.getPayload());
            String type = message.getPayload().getClass().getSimpleName();
            entries.add(new HistoryEntryView(message.getSequenceNumber(), type, businessDate(type, data), message.getTimestamp(),
                    (String) message.getMetaData().getOrDefault("actor", "unknown"),
                    (String) message.getMetaData().get("actorName"), (String) message.getMetaData().get("actorCommittee"),
                    (String) message.getMetaData().get("correlationId"), summary(type, data, locale), data));
        }
        return entries;
    }

    /**
     * The field holding each step's business date, the date the user chose for it (API.md "Conventions"); a step
     * without one (the identity reveal's, which happen at an instant) has none. {@code HistoryTest} proves every
     * event of a case, a complaint and a suspension is named here.
     */
    static final Map<String, String> BUSINESS_DATE = Map.ofEntries(
            Map.entry("CasePlanned", "plannedOn"), Map.entry("CaseOpened", "openedOn"),
            Map.entry("ExplanationRecorded", "submittedOn"), Map.entry("FindingsRecorded", "recordedOn"),
            Map.entry("CaseConcluded", "concludedOn"), Map.entry("CaseEscalated", "escalatedOn"),
            Map.entry("SubjectHeard", "heardOn"), Map.entry("HearingWaived", "heardOn"),
            Map.entry("DisciplineProposed", "proposedOn"), Map.entry("DisciplineDecided", "decidedOn"),
            Map.entry("DisciplineNotImposed", "decidedOn"), Map.entry("DisciplinePostponed", "postponedOn"),
            Map.entry("AppealFiled", "filedOn"), Map.entry("AppealResolved", "resolvedOn"),
            Map.entry("CaseTransferred", "transferredOn"), Map.entry("CaseWithdrawn", "withdrawnOn"),
            Map.entry("CaseClosed", "closedOn"),
            Map.entry("ComplaintReceived", "receivedOn"), Map.entry("ComplaintAccepted", "acceptedOn"),
            Map.entry("ComplaintTransferred", "transferredOn"), Map.entry("ComplaintDismissed", "dismissedOn"),
            Map.entry("DenouncerIdentityErased", "erasedOn"), Map.entry("IdentityRevealRequested", ""),
            Map.entry("IdentityRevealApproved", ""), Map.entry("IdentityRevealDenied", ""),
            Map.entry("MemberSuspended", "suspendedOn"), Map.entry("SuspensionExtended", "extendedOn"),
            Map.entry("SuspensionLifted", "liftedOn"),
            Map.entry("DocumentIssued", "issuedOn"), Map.entry("DocumentFinalized", ""),
            Map.entry("AttachmentAdded", ""), Map.entry("ComplaintAttachmentAdded", ""));

    private static LocalDate businessDate(String type, JsonNode data) {
        String field = BUSINESS_DATE.getOrDefault(type, "");
        JsonNode value = field.isEmpty() ? null : data.get(field);
        return value == null || !value.isString() ? null : LocalDate.parse(value.asString());
    }

    /** Fields whose values are codes, and the message prefix that puts each code in words. */
    private static final Map<String, String> CODE_WORDS = Map.of(
            "type", "type", "outcome", "outcome", "form", "form", "newForm", "form", "votedForm", "form",
            "result", "appeal", "cause", "transferCause", "denunciationResult", "denunciation", "kind", "suspension.kind");
    /** A reason is a code for these events, free text for the others. */
    private static final Map<String, String> REASON_WORDS = Map.of(
            "DisciplinePostponed", "postponement", "DisciplineNotImposed", "notImposed", "ComplaintDismissed", "dismissal");

    /**
     * The step as a sentence for people: the message {@code history.<Event>} with its named placeholders
     * ({@code {form}}, {@code {decidingCommitteeId}}, …) filled from the event's fields, codes in words and
     * committees by name, in the request's language.
     */
    private String summary(String type, JsonNode data, Locale locale) {
        String pattern = messages.getMessage("history." + type, null, type, locale);
        TreeSnapshot tree = committees.snapshot();
        String sentence = Sentences.fill(pattern, field -> {
            String value = words(type, field, text(data, field), tree, locale);
            boolean coded = (field.equals("reason") ? REASON_WORDS.get(type) : CODE_WORDS.get(field)) != null;
            if (coded && !pattern.startsWith("{" + field + "}") && !value.isEmpty()) {
                // a code's words inside a sentence: "quyết định kỷ luật cảnh cáo", not "… Cảnh cáo"
                return value.substring(0, 1).toLowerCase(locale) + value.substring(1);
            }
            return value;
        });
        return sentence.replace(" ()", "").strip();
    }

    private String words(String type, String field, String value, TreeSnapshot tree, Locale locale) {
        if (value.isEmpty()) {
            return value;
        }
        String prefix = field.equals("reason") ? REASON_WORDS.get(type) : CODE_WORDS.get(field);
        if (prefix != null) {
            return messages.getMessage(prefix + "." + value, null, value, locale);
        }
        if (field.endsWith("CommitteeId")) {
            return tree.name(value);
        }
        return value;
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? "" : node.isString() ? node.asString() : node.toString();
    }
}
