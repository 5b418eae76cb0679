package vn.ubkt.casework.query.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
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

    private final SuspensionQueries suspensions;

    History(EventStore eventStore, JsonMapper json, MessageSource messages, SuspensionQueries suspensions) {
        this.eventStore = eventStore;
        this.json = json;
        this.messages = messages;
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
            entries.add(new HistoryEntryView(message.getSequenceNumber(), type, businessDate(data), message.getTimestamp(),
                    (String) message.getMetaData().getOrDefault("actor", "unknown"),
                    (String) message.getMetaData().get("actorName"), (String) message.getMetaData().get("actorCommittee"),
                    (String) message.getMetaData().get("correlationId"), summary(type, data, locale), data));
        }
        return entries;
    }

    /** The business date of a step is its first date field (plannedOn, openedOn, …, closedOn). */
    private static LocalDate businessDate(JsonNode data) {
        Iterator<String> names = data.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (name.endsWith("On") && data.get(name).isString()) {
                return LocalDate.parse(data.get(name).asString());
            }
        }
        return null;
    }

    private String summary(String type, JsonNode data, Locale locale) {
        Object[] arguments = {
                text(data, "type"), text(data, "planRef"), text(data, "decisionRef"), text(data, "outcome"),
                text(data, "form"), text(data, "decidingCommitteeId"), text(data, "result"), text(data, "newForm"),
                text(data, "toCommitteeId"), text(data, "reason"), text(data, "conclusionRef"),
                text(data, "proposingCommitteeId"), text(data, "resolvingCommitteeId"), text(data, "votedForm"),
                text(data, "inspectionCaseId"), text(data, "cause"), text(data, "kind"), text(data, "endsOn"),
                text(data, "days"), text(data, "liftedOn")};
        return messages.getMessage("history." + type, arguments, type, locale);
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? "" : node.isString() ? node.asString() : node.toString();
    }
}
