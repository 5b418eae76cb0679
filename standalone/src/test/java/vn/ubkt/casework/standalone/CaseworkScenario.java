package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The vocabulary of the case journeys: the organization tree they need, the steps through the public API with
 * the answer each must give, and the events the steps left in the event store.
 */
final class CaseworkScenario {

    /** One row of domain_event_entry, its payload and metadata read back as text. */
    record StoredEvent(long globalIndex, String aggregateId, long sequence, String type, String payload,
                       String metadata) {

        JsonNode json() {
            return Http.JSON.readTree(payload);
        }
    }

    final RunningApp app;
    final Http http;

    CaseworkScenario(RunningApp app) {
        this.app = app;
        this.http = app.http;
    }

    /** Registers a node of the tree; {@code votingMembers} only for bodies that vote. */
    void committee(String id, String name, String kind, String level, String parentId, Integer votingMembers) {
        committee(http, id, name, kind, level, parentId, votingMembers);
    }

    static void committee(Http http, String id, String name, String kind, String level, String parentId,
                          Integer votingMembers) {
        String body = """
                {"id": "%s", "name": "%s", "kind": "%s", "level": "%s"%s%s}""".formatted(id, name, kind, level,
                parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"",
                votingMembers == null ? "" : ", \"votingMembers\": " + votingMembers);
        Http.Response response = http.post("/api/committees", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /**
     * The tree of the Central Committee and one merged province after 2025-07-01: a provincial committee with
     * its standing committee and inspection commission, a commune directly under the province, and a cell.
     * Ids are prefixed so that several scenarios can share one database.
     */
    void province(String p) {
        province(http, p);
    }

    /** {@link #province(String)} through any client of the product. */
    static void province(Http http, String p) {
        committee(http, p + "TW", "Ban Chấp hành Trung ương Đảng", "CENTRAL_COMMITTEE", "CENTRAL", null, 180);
        committee(http, p + "UBKT-TW", "Ủy ban Kiểm tra Trung ương", "INSPECTION_COMMISSION", "CENTRAL", p + "TW", 19);
        committee(http, p + "TU", "Tỉnh ủy Tuyên Quang", "PARTY_COMMITTEE", "PROVINCIAL", p + "TW", 65);
        committee(http, p + "BTV-TU", "Ban Thường vụ Tỉnh ủy Tuyên Quang", "STANDING_COMMITTEE", "PROVINCIAL", p + "TU", 15);
        committee(http, p + "UBKT-TU", "Ủy ban Kiểm tra Tỉnh ủy Tuyên Quang", "INSPECTION_COMMISSION", "PROVINCIAL", p + "TU", 11);
        committee(http, p + "DU-XA", "Đảng ủy xã Sơn Dương", "GRASSROOTS_COMMITTEE", "GRASSROOTS", p + "TU", 15);
        committee(http, p + "CB-THON", "Chi bộ thôn Cầu Trắng", "CELL", "CELL", p + "DU-XA", 23);
    }

    /** A member of a cell who sits on no committee and is nobody's cadre. */
    static String ordinaryMember(String memberId, String fullName, String membership, String organizationId) {
        return """
                {"type": "MEMBER", "memberId": "%s", "fullName": "%s", "membership": "%s", "organizationId": "%s",
                 "committeeMemberOf": [], "posts": []}""".formatted(memberId, fullName, membership, organizationId);
    }

    /** Plans a case through POST /api/cases and answers its id. */
    String plan(String type, String committeeId, String subject, String content, String planRef, String plannedOn,
                String plannedFrom, String plannedTo) {
        Http.Response response = http.post("/api/cases", """
                {"type": "%s", "committeeId": "%s", "subject": %s, "content": "%s", "planRef": "%s",
                 "plannedOn": "%s", "plannedFrom": "%s", "plannedTo": "%s"}""".formatted(type, committeeId, subject,
                content, planRef, plannedOn, plannedFrom, plannedTo));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("version").asLong()).isZero();
        return response.json().get("id").asString();
    }

    static String openBody(String openedOn, String decisionRef) {
        return """
                {"openedOn": "%s", "decisionRef": "%s",
                 "team": [{"memberId": "KT-0101", "fullName": "Phạm Thị Thu Hà"},
                          {"memberId": "KT-0102", "fullName": "Đỗ Minh Khôi"}],
                 "leadMemberId": "KT-0101"}""".formatted(openedOn, decisionRef);
    }

    /** Posts a step that must succeed, and checks the status and version it answers. */
    JsonNode step(String caseId, String step, String body, String expectedStatus, long expectedVersion,
                  String... headers) {
        Http.Response response = http.post("/api/cases/" + caseId + "/" + step, body, headers);
        assertThat(response.status()).as(step + ": " + response).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("id").asString()).isEqualTo(caseId);
        assertThat(json.get("status").asString()).as(step).isEqualTo(expectedStatus);
        assertThat(json.get("version").asLong()).as(step).isEqualTo(expectedVersion);
        return json;
    }

    /** Posts something that must be refused as problem+json with {@code status}, leaving the event store as it was. */
    Http.Response refused(String path, String body, int status, String... headers) {
        long before = app.eventCount();
        Http.Response response = http.post(path, body, headers);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(app.eventCount()).as("events after a refusal").isEqualTo(before);
        return response;
    }

    /** Posts a step that a business rule must refuse, and checks the rule it names. */
    Http.Response refusedByRule(String path, String body, String rule, String... headers) {
        Http.Response response = refused(path, body, 422, headers);
        assertThat(response.json().get("rule").asString()).as(response.toString()).isEqualTo(rule);
        assertThat(response.json().get("ruleSource").asString()).isNotBlank();
        assertThat(response.json().get("rulebookVersion").asString()).isNotBlank();
        return response;
    }

    List<StoredEvent> events(String aggregateId) {
        return app.jdbc().sql("""
                select global_index, aggregate_identifier, sequence_number, payload_type,
                       convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8')
                from domain_event_entry where aggregate_identifier = :id order by sequence_number""")
                .param("id", aggregateId)
                .query((rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), simpleName(rs.getString(4)),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    List<StoredEvent> allEvents() {
        return app.jdbc().sql("""
                select global_index, aggregate_identifier, sequence_number, payload_type,
                       convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8')
                from domain_event_entry order by global_index""")
                .query((rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), simpleName(rs.getString(4)),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    List<String> types(String aggregateId) {
        return events(aggregateId).stream().map(StoredEvent::type).toList();
    }

    /** The one event of that type the aggregate holds. */
    JsonNode only(String aggregateId, String type) {
        List<StoredEvent> found = events(aggregateId).stream().filter(e -> e.type().equals(type)).toList();
        assertThat(found).as(type + " of " + aggregateId).hasSize(1);
        return found.get(0).json();
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
