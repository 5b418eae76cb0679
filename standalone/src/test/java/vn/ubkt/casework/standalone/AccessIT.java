package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ubkt.casework.standalone.AccessFixture.P1;
import static vn.ubkt.casework.standalone.AccessFixture.P1_COMMUNE;
import static vn.ubkt.casework.standalone.AccessFixture.P1_UBKT;
import static vn.ubkt.casework.standalone.AccessFixture.P2;
import static vn.ubkt.casework.standalone.AccessFixture.P2_UBKT;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@DisplayName("Who sees and does what: jurisdiction, conflicts of interest, sign-in and the read audit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT {

    private RunningApp app;
    private AccessFixture tree;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        tree = new AccessFixture(app).build();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static List<String> ids(Http.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode items = list.json().has("items") ? list.json().get("items") : list.json();
        return items.findValuesAsString("id");
    }

    private static String body(String... pairs) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            json.append(i == 0 ? "" : ", ").append('"').append(pairs[i]).append("\": \"").append(pairs[i + 1]).append('"');
        }
        return json.append('}').toString();
    }

    @Nested
    @DisplayName("jurisdiction: the subtree of the user's committee as the tree stands today")
    class Jurisdiction {

        @Test
        @DisplayName("a provincial commission's staff see their province's cases, a dissolved district's included, not the neighbour's")
        void province() {
            Http staff = app.user("ax-province", P1_UBKT, null, "STAFF");
            assertThat(ids(staff.get("/api/cases?size=200")))
                    .contains(tree.caseInside, tree.caseOfCommune, tree.caseOfDissolvedDistrict)
                    .doesNotContain(tree.caseOutside);
            assertThat(staff.get("/api/cases/" + tree.caseOfDissolvedDistrict).status()).isEqualTo(200);
            assertThat(staff.get("/api/cases/" + tree.caseInside + "/history").status()).isEqualTo(200);
            // outside: the same answer as an id that does not exist, for reads and commands alike
            for (String path : List.of("/api/cases/" + tree.caseOutside, "/api/cases/" + tree.caseOutside + "/history",
                    "/api/cases/" + tree.caseOutside + "?asOf=" + Instant.now(), "/ui/cases/" + tree.caseOutside,
                    "/api/complaints/" + tree.complaintOutside)) {
                assertThat(staff.get(path).status()).as(path).isEqualTo(404);
            }
            assertThat(staff.post("/api/cases/" + tree.caseOutside + "/withdraw",
                    body("withdrawnOn", "2026-05-01", "reason", "thử")).status()).isEqualTo(404);
            assertThat(staff.post("/api/complaints/" + tree.complaintOutside + "/dismiss",
                    body("dismissedOn", "2026-05-01", "reason", "OTHER")).status()).isEqualTo(404);
            assertThat(ids(staff.get("/api/complaints"))).contains(tree.complaintInside).doesNotContain(tree.complaintOutside);
            // figures: their own province yes, the neighbour's refused
            assertThat(staff.get("/api/committees/" + P1 + "/statistics?from=2026-01-01&to=2026-12-31").status()).isEqualTo(200);
            Http.Response neighbour = staff.get("/api/committees/" + P2 + "/statistics?from=2026-01-01&to=2026-12-31");
            assertThat(neighbour.status()).isEqualTo(403);
            assertThat(neighbour.header("Content-Type")).startsWith("application/problem+json");
            assertThat(staff.get("/api/committees/" + P2_UBKT + "/report?from=2026-01-01&to=2026-12-31").status()).isEqualTo(403);
            // a new case for the neighbour's commission is refused
            Http.Response foreign = staff.post("/api/cases", """
                    {"type": "INSPECTION_SIGNS_OF_VIOLATION", "committeeId": "%s", "subject": %s, "content": "x",
                     "planRef": "KH-X", "plannedOn": "2026-05-01", "plannedFrom": "2026-05-01", "plannedTo": "2026-06-01"}"""
                    .formatted(P2_UBKT, CaseworkScenario.ordinaryMember("AX-M-9", "Võ Văn Chín", "OFFICIAL", P2)));
            assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
            // and /api/me says what the jurisdiction is
            JsonNode me = staff.get("/api/me").json();
            assertThat(me.get("committeeId").asString()).isEqualTo(P1_UBKT);
            assertThat(me.get("jurisdiction").findValuesAsString("")).isEmpty();
            assertThat(me.get("jurisdiction").toString()).contains(P1, P1_COMMUNE, AccessFixture.P1_DISTRICT)
                    .doesNotContain(P2);
        }

        @Test
        @DisplayName("a commune's staff see only their commune")
        void commune() {
            Http staff = app.user("ax-commune", P1_COMMUNE, null, "STAFF");
            assertThat(ids(staff.get("/api/cases?size=200"))).containsExactly(tree.caseOfCommune);
            assertThat(staff.get("/api/cases/" + tree.caseInside).status()).isEqualTo(404);
            assertThat(staff.get("/api/committees/" + P1 + "/statistics?from=2026-01-01&to=2026-12-31").status()).isEqualTo(403);
        }

        @Test
        @DisplayName("the Central Commission's staff see all")
        void central() {
            Http staff = app.user("ax-central", RunningApp.CENTRAL, null, "STAFF");
            assertThat(ids(staff.get("/api/cases?size=200")))
                    .contains(tree.caseInside, tree.caseOutside, tree.caseOfCommune, tree.caseOfDissolvedDistrict);
            assertThat(staff.get("/api/cases/" + tree.caseOutside).status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("conflict of interest: the subject of a case never sees it")
    class ConflictOfInterest {

        @Test
        @DisplayName("a staff member who is the subject cannot find the case by list, search, id, history, discipline, deadlines or page")
        void subjectSeesNothing() {
            Http subject = app.user("ax-subject", P1_UBKT, "AX-M-1", "STAFF", "AUDITOR");
            Http colleague = app.user("ax-colleague", P1_UBKT, null, "STAFF");
            assertThat(ids(colleague.get("/api/cases?size=200"))).contains(tree.caseInside);
            assertThat(ids(subject.get("/api/cases?size=200"))).doesNotContain(tree.caseInside).contains(tree.caseOfCommune);
            String q = URLEncoder.encode("nguyen van trong", StandardCharsets.UTF_8);
            assertThat(ids(colleague.get("/api/cases?q=" + q))).containsExactly(tree.caseInside);
            assertThat(ids(subject.get("/api/cases?q=" + q))).isEmpty();
            for (String path : List.of("/api/cases/" + tree.caseInside, "/api/cases/" + tree.caseInside + "/history",
                    "/api/cases/" + tree.caseInside + "?asOf=" + Instant.now(), "/ui/cases/" + tree.caseInside,
                    "/api/complaints/" + tree.complaintInside)) {
                assertThat(subject.get(path).status()).as(path).isEqualTo(404);
                assertThat(colleague.get(path).status()).as(path).isEqualTo(200);
            }
            assertThat(subject.get("/api/cases/" + tree.caseInside + "/history", "Accept", "text/csv").status()).isEqualTo(404);
            assertThat(subject.post("/api/cases/" + tree.caseInside + "/withdraw",
                    body("withdrawnOn", "2026-05-01", "reason", "tự rút")).status()).isEqualTo(404);
            assertThat(ids(subject.get("/api/complaints"))).doesNotContain(tree.complaintInside);
            assertThat(subject.get("/api/members/AX-M-1/discipline").json()).isEmpty();
            assertThat(subject.get("/api/deadlines").body()).doesNotContain(tree.caseInside);
            // nor can they open a case about themself
            Http.Response self = subject.post("/api/cases", """
                    {"type": "INSPECTION_SIGNS_OF_VIOLATION", "committeeId": "%s", "subject": %s, "content": "x",
                     "planRef": "KH-S", "plannedOn": "2026-05-01", "plannedFrom": "2026-05-01", "plannedTo": "2026-06-01"}"""
                    .formatted(P1_UBKT, CaseworkScenario.ordinaryMember("AX-M-1", "Nguyễn Văn Trong", "OFFICIAL",
                            AccessFixture.P1_CELL)));
            assertThat(self.status()).isEqualTo(403);
        }
    }

    @Nested
    @DisplayName("sign-in")
    class SignIn {

        @Test
        @DisplayName("without credentials: 401 problem+json with WWW-Authenticate; a page redirects to the login form")
        void anonymous() {
            Http nobody = app.http.anonymous();
            Http.Response api = nobody.get("/api/cases");
            assertThat(api.status()).isEqualTo(401);
            assertThat(api.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.json().get("status").asInt()).isEqualTo(401);
            assertThat(nobody.post("/api/cases", "{}").status()).isEqualTo(401);
            Http.Response page = nobody.get("/ui/cases", "Accept", "text/html");
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.header("Location")).endsWith("/login");
            // open: health, the OpenAPI document
            assertThat(nobody.get("/actuator/health").status()).isEqualTo(200);
            assertThat(nobody.get("/v3/api-docs").status()).isEqualTo(200);
        }

        @Test
        @DisplayName("5 wrong passwords lock the username out for 15 minutes: 429 with Retry-After, the right password included")
        void throttled() {
            Http right = app.user("ax-locked", P1_UBKT, null, "VIEWER");
            Http wrong = right.as("ax-locked", "not-the-password");
            Http other = app.user("ax-not-locked", P1_UBKT, null, "VIEWER");
            assertThat(right.get("/api/me").status()).isEqualTo(200);
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(wrong.get("/api/me").status()).as("attempt " + attempt).isEqualTo(401);
            }
            Http.Response locked = right.get("/api/me");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L + 1);
            assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
            assertThat(wrong.get("/api/me").status()).isEqualTo(429);
            // other users are not affected
            assertThat(other.get("/api/me").status()).isEqualTo(200);
        }

        @Test
        @DisplayName("fewer than 5 failures do not lock, and a success clears them")
        void notThrottled() {
            Http right = app.user("ax-careless", P1_UBKT, null, "VIEWER");
            Http wrong = right.as("ax-careless", "not-the-password");
            for (int round = 0; round < 2; round++) {
                for (int attempt = 1; attempt <= 4; attempt++) {
                    assertThat(wrong.get("/api/me").status()).isEqualTo(401);
                }
                assertThat(right.get("/api/me").status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("a disabled user can no longer sign in; enabled again, they can")
        void disabled() {
            Http user = app.user("ax-leaver", P1_UBKT, null, "VIEWER");
            assertThat(user.get("/api/me").status()).isEqualTo(200);
            assertThat(app.admin().patch("/api/users/ax-leaver", "{\"enabled\": false}").status()).isEqualTo(200);
            assertThat(user.get("/api/me").status()).isEqualTo(401);
            assertThat(app.admin().patch("/api/users/ax-leaver", "{\"enabled\": true}").status()).isEqualTo(200);
            assertThat(user.get("/api/me").status()).isEqualTo(200);
        }

        @Test
        @DisplayName("pages carry a Content-Security-Policy, are never framed, and case pages are never stored")
        void headers() {
            Http staff = app.user("ax-headers", P1_UBKT, null, "STAFF");
            Http.Response page = staff.get("/ui/cases/" + tree.caseInside, "Accept", "text/html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("Cache-Control")).contains("no-store");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Nested
    @DisplayName("users")
    class Users {

        @Test
        @DisplayName("an administrator creates users; passwords under 12 characters, unknown roles and taken names are refused")
        void create() {
            Http admin = app.admin();
            Http.Response shortPassword = admin.post("/api/users", """
                    {"username": "ax-short", "fullName": "Ngắn", "password": "short", "roles": ["STAFF"], "committeeId": "%s"}"""
                    .formatted(P1_UBKT));
            assertThat(shortPassword.status()).isEqualTo(400);
            assertThat(shortPassword.json().get("errors").toString()).contains("password");
            Http.Response badRole = admin.post("/api/users", """
                    {"username": "ax-role", "fullName": "Vai trò", "password": "long-enough-password", "roles": ["KING"], "committeeId": "%s"}"""
                    .formatted(P1_UBKT));
            assertThat(badRole.status()).isEqualTo(400);
            Http.Response nowhere = admin.post("/api/users", """
                    {"username": "ax-nowhere", "fullName": "Không nơi", "password": "long-enough-password", "roles": ["STAFF"],
                     "committeeId": "NO-SUCH-COMMITTEE"}""");
            assertThat(nowhere.status()).isEqualTo(400);
            assertThat(nowhere.json().get("errors").toString()).contains("committeeId");
            app.user("ax-taken", P1_UBKT, null, "STAFF");
            Http.Response taken = admin.post("/api/users", """
                    {"username": "ax-taken", "fullName": "Lặp", "password": "long-enough-password", "roles": ["STAFF"], "committeeId": "%s"}"""
                    .formatted(P1_UBKT));
            assertThat(taken.status()).isEqualTo(409);
            Http.Response read = admin.get("/api/users/ax-taken");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("roles").toString()).isEqualTo("[\"STAFF\"]");
            assertThat(admin.get("/api/users").body()).doesNotContain("bcrypt", "password\":");
            assertThat(app.jdbc().sql("select password_hash from app_user where username = 'ax-taken'").query(String.class)
                    .single()).startsWith("{bcrypt}$2");
        }

        @Test
        @DisplayName("a user changes their own password with the current one; an administrator's reset must be changed at the next sign-in")
        void passwords() {
            Http user = app.user("ax-changer", P1_UBKT, null, "VIEWER");
            assertThat(user.post("/api/users/ax-changer/password",
                    "{\"currentPassword\": \"wrong-password-x\", \"newPassword\": \"a-new-password-1\"}").status()).isEqualTo(400);
            assertThat(user.post("/api/users/tester/password", "{\"newPassword\": \"a-new-password-1\"}").status()).isEqualTo(403);
            assertThat(user.post("/api/users/ax-changer/password",
                    "{\"currentPassword\": \"ax-changer-password-123\", \"newPassword\": \"a-new-password-1\"}").status())
                    .isEqualTo(204);
            assertThat(user.get("/api/me").status()).isEqualTo(401);
            Http changed = user.as("ax-changer", "a-new-password-1");
            assertThat(changed.get("/api/me").status()).isEqualTo(200);
            assertThat(app.admin().post("/api/users/ax-changer/password", "{\"newPassword\": \"reset-by-admin-1\"}").status())
                    .isEqualTo(204);
            Http reset = user.as("ax-changer", "reset-by-admin-1");
            Http.Response blocked = reset.get("/api/committees");
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.json().get("type").asString()).endsWith("password-change-required");
            assertThat(reset.get("/api/me").status()).isEqualTo(200);
            assertThat(reset.post("/api/users/ax-changer/password",
                    "{\"currentPassword\": \"reset-by-admin-1\", \"newPassword\": \"my-own-password-2\"}").status()).isEqualTo(204);
            assertThat(user.as("ax-changer", "my-own-password-2").get("/api/committees").status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("read audit")
    class ReadAuditTrail {

        @Test
        @DisplayName("every read of a case or complaint is recorded, and auditors read the record inside their jurisdiction")
        void recorded() {
            Http staff = app.user("ax-reader", P1_UBKT, null, "STAFF");
            assertThat(staff.get("/api/cases/" + tree.caseInside).status()).isEqualTo(200);
            assertThat(staff.get("/api/cases/" + tree.caseInside + "/history", "Accept", "text/csv").status()).isEqualTo(200);
            assertThat(staff.get("/api/cases/" + tree.caseInside + "?asOf=" + Instant.now()).status()).isEqualTo(200);
            assertThat(staff.get("/api/complaints/" + tree.complaintInside).status()).isEqualTo(200);
            app.http.get("/api/cases/" + tree.caseOutside);

            Http auditor = app.user("ax-auditor", P1_UBKT, null, "AUDITOR");
            JsonNode reads = auditor.get("/api/audit/reads?username=ax-reader").json();
            assertThat(reads.findValuesAsString("what")).contains("detail", "history csv", "detail");
            assertThat(reads.findValuesAsString("kind")).contains("CASE", "COMPLAINT");
            assertThat(reads.findValuesAsString("id")).contains(tree.caseInside, tree.complaintInside);
            assertThat(reads.toString()).contains("asOf=");
            // the neighbour's reads are outside this auditor's jurisdiction
            assertThat(auditor.get("/api/audit/reads?caseId=" + tree.caseOutside).json()).isEmpty();
            assertThat(app.http.get("/api/audit/reads?caseId=" + tree.caseOutside).json()).isNotEmpty();
            Http.Response csv = auditor.get("/api/audit/reads?username=ax-reader", "Accept", "text/csv");
            assertThat(csv.body()).startsWith("at,username,kind,id,what").contains(tree.caseInside);
            // only auditors
            assertThat(staff.get("/api/audit/reads").status()).isEqualTo(403);
        }

        @Test
        @DisplayName("the database refuses to change or delete a line of the read audit")
        void appendOnly() {
            app.http.get("/api/cases/" + tree.caseInside);
            assertThatThrownBy(() -> app.jdbc().sql("update read_audit set username = 'someone-else'").update())
                    .hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> app.jdbc().sql("delete from read_audit").update()).hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> app.jdbc().sql("truncate read_audit").update()).hasStackTraceContaining("append-only");
        }
    }
}
