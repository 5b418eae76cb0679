package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the served OpenAPI document, called by every role from inside and from outside the
 * jurisdiction, and without credentials, against the table of API.md ("Identity and access"), written here again
 * by hand from API.md and not from the code. An operation the table does not know fails the test.
 */
@DisplayName("Every operation of the OpenAPI document answers every role as the API.md table says")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    enum Role { ADMIN, STAFF, AUDITOR, VIEWER, CUSTODIAN }

    /** What the path's {id} names, and so what "outside the jurisdiction" answers. */
    enum Scope {
        /** Nothing held by a committee: the same answer inside and outside. */
        NONE,
        /** A case: 404 outside (its existence is not disclosed). */
        CASE,
        /** A complaint: 404 outside. */
        COMPLAINT,
        /** A suspension of party activity: 404 outside. */
        SUSPENSION,
        /** A committee's figures: 403 outside. */
        FIGURES,
        /** An archived report of a committee: 403 outside, as its figures. */
        REPORT
    }

    /** An allowed role inside the jurisdiction: any answer but 401/403 (the body may be refused: it is {}). */
    record Rule(Set<Role> roles, Scope scope, Integer insideStatus) {
    }

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> READERS = EnumSet.of(Role.STAFF, Role.AUDITOR);
    private static final Set<Role> FIGURE_READERS = EnumSet.of(Role.STAFF, Role.AUDITOR, Role.VIEWER);

    private static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    private static void rule(String operation, Set<Role> roles, Scope scope) {
        TABLE.put(operation, new Rule(roles, scope, null));
    }

    static {
        // users: ADMIN, and oneself
        rule("POST /api/users", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("GET /api/users", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("GET /api/users/{username}", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("PATCH /api/users/{username}", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("POST /api/users/{username}/password", ALL, Scope.NONE);
        rule("GET /api/me", ALL, Scope.NONE);
        // the committee tree: managed by ADMIN, read by all; figures by those who read statistics, inside
        rule("POST /api/committees", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("PATCH /api/committees/{id}", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("POST /api/committees/{id}/move", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("POST /api/committees/{id}/dissolve", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("GET /api/committees", ALL, Scope.NONE);
        rule("GET /api/committees/{id}", ALL, Scope.NONE);
        rule("GET /api/committees/{id}/statistics", FIGURE_READERS, Scope.FIGURES);
        rule("GET /api/committees/{id}/report", FIGURE_READERS, Scope.FIGURES);
        rule("GET /api/committees/{id}/targets", FIGURE_READERS, Scope.FIGURES);
        // statistical forms: definitions read by all; figures and locks by those who read statistics, inside; the
        // cases behind a figure are case contents (staff and auditors); locking a period is staff's
        rule("GET /api/forms", ALL, Scope.NONE);
        rule("GET /api/committees/{id}/forms", FIGURE_READERS, Scope.FIGURES);
        rule("GET /api/committees/{id}/forms/{code}/cells/{row}/{column}/cases", READERS, Scope.FIGURES);
        rule("POST /api/committees/{id}/forms/locks", EnumSet.of(Role.STAFF), Scope.FIGURES);
        rule("GET /api/committees/{id}/forms/locks", FIGURE_READERS, Scope.FIGURES);
        rule("GET /api/committees/{id}/forms/locks/{lockId}", FIGURE_READERS, Scope.FIGURES);
        // complaints: intake and triage by STAFF, reads by STAFF and AUDITOR
        rule("POST /api/complaints", EnumSet.of(Role.STAFF), Scope.NONE);
        rule("GET /api/complaints", READERS, Scope.NONE);
        rule("GET /api/complaints/{id}", READERS, Scope.COMPLAINT);
        rule("GET /api/complaints/{id}/history", READERS, Scope.COMPLAINT);
        for (String step : List.of("accept", "transfer", "dismiss")) {
            rule("POST /api/complaints/{id}/" + step, EnumSet.of(Role.STAFF), Scope.COMPLAINT);
        }
        // the denouncer's identity: STAFF asks, a CUSTODIAN decides and erases
        rule("POST /api/complaints/{id}/erase-denouncer", EnumSet.of(Role.CUSTODIAN), Scope.COMPLAINT);
        rule("POST /api/complaints/{id}/identity/erase", EnumSet.of(Role.CUSTODIAN), Scope.COMPLAINT);
        rule("POST /api/complaints/{id}/identity-requests", EnumSet.of(Role.STAFF), Scope.COMPLAINT);
        rule("GET /api/complaints/{id}/identity-requests", EnumSet.of(Role.STAFF, Role.CUSTODIAN), Scope.COMPLAINT);
        rule("POST /api/complaints/{id}/identity-requests/{requestId}/approve", EnumSet.of(Role.CUSTODIAN), Scope.COMPLAINT);
        rule("POST /api/complaints/{id}/identity-requests/{requestId}/deny", EnumSet.of(Role.CUSTODIAN), Scope.COMPLAINT);
        // without an approved request of one's own, the identity is refused even to STAFF
        TABLE.put("GET /api/complaints/{id}/identity", new Rule(EnumSet.of(Role.STAFF), Scope.COMPLAINT, 403));
        rule("GET /api/identity-requests", EnumSet.of(Role.STAFF, Role.CUSTODIAN), Scope.NONE);
        // cases: every command by STAFF, reads by STAFF and AUDITOR
        rule("POST /api/cases", EnumSet.of(Role.STAFF), Scope.NONE);
        for (String step : List.of("open", "explanations", "findings", "conclude", "hearing", "discipline-proposals",
                "discipline-decisions", "postponements", "appeals", "appeal-resolutions", "transfer", "withdraw", "close")) {
            rule("POST /api/cases/{id}/" + step, EnumSet.of(Role.STAFF), Scope.CASE);
        }
        rule("GET /api/cases", READERS, Scope.NONE);
        rule("GET /api/cases/{id}", READERS, Scope.CASE);
        rule("GET /api/cases/{id}/history", READERS, Scope.CASE);
        // the case file: written by STAFF, read like the case; a complaint's files like the complaint
        rule("POST /api/cases/{id}/documents", EnumSet.of(Role.STAFF), Scope.CASE);
        rule("POST /api/cases/{id}/documents/{documentId}/final", EnumSet.of(Role.STAFF), Scope.CASE);
        rule("POST /api/cases/{id}/attachments", EnumSet.of(Role.STAFF), Scope.CASE);
        rule("GET /api/cases/{id}/file", READERS, Scope.CASE);
        rule("GET /api/cases/{id}/documents/{documentId}", READERS, Scope.CASE);
        rule("GET /api/cases/{id}/documents/{documentId}/final", READERS, Scope.CASE);
        rule("GET /api/cases/{id}/attachments/{attachmentId}", READERS, Scope.CASE);
        rule("POST /api/complaints/{id}/attachments", EnumSet.of(Role.STAFF), Scope.COMPLAINT);
        rule("GET /api/complaints/{id}/attachments", READERS, Scope.COMPLAINT);
        rule("GET /api/complaints/{id}/attachments/{attachmentId}", READERS, Scope.COMPLAINT);
        rule("GET /api/members/{memberId}/discipline", READERS, Scope.NONE);
        rule("GET /api/deadlines", READERS, Scope.NONE);
        // operations and the read audit
        rule("GET /api/admin/projections", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("POST /api/admin/projections/{name}/rebuild", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("GET /api/admin/dead-letters", EnumSet.of(Role.ADMIN), Scope.NONE);
        // no dead letter has the id the matrix gives: an administrator is let through to hear 404
        TABLE.put("POST /api/admin/dead-letters/{id}/retry", new Rule(EnumSet.of(Role.ADMIN), Scope.NONE, 404));
        rule("POST /api/admin/dead-letters/{id}/skip", EnumSet.of(Role.ADMIN), Scope.NONE);
        rule("GET /api/audit/reads", EnumSet.of(Role.AUDITOR), Scope.NONE);

        rule("GET /api/rulebook/versions", ALL, Scope.NONE);

        rule("POST /api/suspensions", EnumSet.of(Role.STAFF), Scope.NONE);
        rule("GET /api/suspensions", READERS, Scope.NONE);
        rule("GET /api/suspensions/{id}", READERS, Scope.SUSPENSION);
        rule("POST /api/suspensions/{id}/extension", EnumSet.of(Role.STAFF), Scope.SUSPENSION);
        rule("POST /api/suspensions/{id}/lift", EnumSet.of(Role.STAFF), Scope.SUSPENSION);

        // the integrity of the record: the checkpoint for all, proofs, status and verification for auditors and
        // administrators; the verifier key is open (it answers anyone, with or without credentials)
        rule("GET /api/integrity/checkpoint", ALL, Scope.NONE);
        rule("GET /api/integrity/key", ALL, Scope.NONE);
        rule("GET /api/integrity/inclusion", EnumSet.of(Role.AUDITOR, Role.ADMIN), Scope.NONE);
        rule("GET /api/integrity/consistency", EnumSet.of(Role.AUDITOR, Role.ADMIN), Scope.NONE);
        rule("GET /api/integrity/status", EnumSet.of(Role.AUDITOR, Role.ADMIN), Scope.NONE);
        rule("POST /api/integrity/verify", EnumSet.of(Role.AUDITOR, Role.ADMIN), Scope.NONE);
        // archived reports: those who read reports, for a committee inside
        rule("POST /api/committees/{id}/reports", FIGURE_READERS, Scope.FIGURES);
        rule("GET /api/reports/{reportId}", FIGURE_READERS, Scope.REPORT);
        rule("POST /api/reports/{reportId}/verify", FIGURE_READERS, Scope.REPORT);
    }

    /** Operations open to everyone, signed in or not. */
    private static final Set<String> OPEN = Set.of("GET /api/integrity/key");

    private RunningApp app;
    private AccessFixture tree;
    private final Map<Role, Http> users = new LinkedHashMap<>();
    private String reportInside;
    private String reportOutside;
    /** A period of P1 locked, for the reads of a lock. */
    private String lockId;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        tree = new AccessFixture(app).build();
        for (String caseId : List.of(tree.caseInside, tree.caseOutside)) {
            files.put(caseId, caseFile(caseId));
        }
        for (String complaintId : List.of(tree.complaintInside, tree.complaintOutside)) {
            Http.Response added = app.http.upload("/api/complaints/" + complaintId + "/attachments", "so-do.txt",
                    "text/plain", new byte[] {1, 2, 3}, "revealsDenouncer", "false");
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            files.put(complaintId, new String[] {null, added.json().get("attachmentId").asString()});
        }
        Http.Response locked = app.http.post("/api/committees/" + AccessFixture.P1 + "/forms/locks", """
                {"period": "Y:2020", "forms": "11"}""");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(201);
        lockId = locked.json().get("id").asString();
        for (Role role : Role.values()) {
            users.put(role, app.user("matrix-" + role.name().toLowerCase(), AccessFixture.P1_UBKT, null, role.name()));
        }
        reportInside = archived(AccessFixture.P1);
        reportOutside = archived(AccessFixture.P2);
    }

    /** The ids of a document (with its signed copy) and an attachment of each case, and of a complaint's file. */
    private final Map<String, String[]> files = new LinkedHashMap<>();

    private String[] caseFile(String caseId) {
        Http.Response document = app.http.post("/api/cases/" + caseId + "/documents", "{\"kind\": \"PLAN\"}");
        assertThat(document.status()).as(document.toString()).isEqualTo(201);
        String documentId = document.json().get("documentId").asString();
        assertThat(app.http.upload("/api/cases/" + caseId + "/documents/" + documentId + "/final", "signed.pdf",
                "application/pdf", new byte[] {'%', 'P', 'D', 'F'}).status()).isEqualTo(200);
        Http.Response attachment = app.http.upload("/api/cases/" + caseId + "/attachments", "evidence.txt",
                "text/plain", new byte[] {1, 2, 3});
        assertThat(attachment.status()).as(attachment.toString()).isEqualTo(201);
        assertThat(app.http.get("/api/cases/" + caseId + "/file?minVersion=" + attachment.json().get("version").asLong())
                .status()).isEqualTo(200);
        return new String[] {documentId, attachment.json().get("attachmentId").asString()};
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String archived(String committeeId) {
        Http.Response response = app.http.post("/api/committees/" + committeeId + "/reports?from=2026-01-01&to=2026-12-31", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("reportId").asString();
    }

    private List<String> operations() {
        JsonNode paths = app.http.anonymous().get("/v3/api-docs").json().get("paths");
        List<String> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (String method : paths.get(path).propertyNames()) {
                operations.add(method.toUpperCase() + " " + path);
            }
        }
        return operations;
    }

    private String concrete(String path, Rule rule, boolean inside, Role role) {
        String id = switch (rule.scope()) {
            case CASE -> inside ? tree.caseInside : tree.caseOutside;
            case COMPLAINT -> inside ? tree.complaintInside : tree.complaintOutside;
            case SUSPENSION -> inside ? tree.suspensionInside : tree.suspensionOutside;
            case FIGURES -> inside ? AccessFixture.P1 : AccessFixture.P2;
            case REPORT, NONE -> AccessFixture.P1;
        };
        String[] file = files.getOrDefault(id, new String[] {"none", "none"});
        return path.replace("{id}", id)
                .replace("{documentId}", String.valueOf(file[0]))
                .replace("{attachmentId}", file[1])
                .replace("{username}", "matrix-" + role.name().toLowerCase())
                .replace("{memberId}", "AX-M-1")
                .replace("{name}", "committee-tree")
                .replace("{requestId}", "00000000-0000-0000-0000-000000000000")
                .replace("{reportId}", inside ? reportInside : reportOutside)
                .replace("{code}", "13").replace("{row}", "I").replace("{column}", "1")
                .replace("{lockId}", lockId)
                + (path.endsWith("/statistics") || path.endsWith("/report") || path.endsWith("/reports")
                ? "?from=2026-01-01&to=2026-12-31" : "")
                + (path.endsWith("/forms") || path.endsWith("/cases") && path.contains("/forms/") ? "?period=Y:2026" : "");
    }

    private static Http.Response call(Http http, String method, String path) {
        return switch (method) {
            case "GET" -> http.get(path);
            case "POST" -> http.post(path, "{}");
            case "PATCH" -> http.patch(path, "{}");
            case "DELETE" -> http.delete(path);
            default -> throw new AssertionError("no client for " + method);
        };
    }

    @Test
    @DisplayName("every operation has a rule, and answers 401 without credentials, 403 to a role it is not for, 404 or 403 outside")
    void matrix() {
        List<String> operations = operations();
        assertThat(operations).as("the OpenAPI document lists the API").hasSizeGreaterThan(30)
                .contains("GET /api/integrity/checkpoint", "GET /api/integrity/key", "GET /api/integrity/inclusion",
                        "GET /api/integrity/consistency", "POST /api/integrity/verify", "POST /api/committees/{id}/reports",
                        "GET /api/reports/{reportId}", "POST /api/reports/{reportId}/verify");
        Set<String> withoutRule = new TreeSet<>(operations);
        withoutRule.removeAll(TABLE.keySet());
        assertThat(withoutRule).as("operations served without a rule in the table of API.md").isEmpty();

        SoftAssertions softly = new SoftAssertions();
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            Rule rule = TABLE.get(operation);
            Http.Response anonymous = call(app.http.anonymous(), method, concrete(path, rule, true, Role.VIEWER));
            softly.assertThat(anonymous.status()).as(operation + " without credentials")
                    .isEqualTo(OPEN.contains(operation) ? 200 : 401);
            for (Role role : Role.values()) {
                for (boolean inside : new boolean[] {true, false}) {
                    String concrete = concrete(path, rule, inside, role);
                    Http.Response answer = call(users.get(role), method, concrete);
                    String as = operation + " as " + role + (inside ? " inside" : " outside") + " (" + concrete + "): " + answer;
                    if (!rule.roles().contains(role)) {
                        softly.assertThat(answer.status()).as(as).isEqualTo(403);
                    } else if (!inside && (rule.scope() == Scope.CASE || rule.scope() == Scope.COMPLAINT
                            || rule.scope() == Scope.SUSPENSION)) {
                        softly.assertThat(answer.status()).as(as).isEqualTo(404);
                    } else if (!inside && (rule.scope() == Scope.FIGURES || rule.scope() == Scope.REPORT)) {
                        softly.assertThat(answer.status()).as(as).isEqualTo(403);
                    } else if (rule.insideStatus() != null) {
                        softly.assertThat(answer.status()).as(as).isEqualTo(rule.insideStatus());
                    } else {
                        softly.assertThat(answer.status()).as(as).isNotIn(401, 403, 404).isLessThan(500);
                    }
                }
            }
        }
        softly.assertAll();
    }
}
