package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.command.CommandSideApplication;
import vn.ubkt.casework.query.QuerySideApplication;

/**
 * The two sides as docker-compose runs them, apart on one database: a browser signs in on the query side's
 * login page and a page's own call takes a step through the command side's API, with the same session cookie
 * and CSRF token (the proxy puts both on one origin; cookies ignore ports, so two local ports stand for it).
 */
@DisplayName("One sign-in across both sides")
class TwoSidesSessionIT {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in " + html).isTrue();
        return matcher.group(1).replace("&#45;", "-").replace("&#x2d;", "-");
    }

    @Test
    @DisplayName("a page session begun on the query side takes a step through the command side's API with its CSRF token")
    void sessionAndTokenHoldOnBothSides() throws Exception {
        String database = TestDatabase.newDatabase();
        try (RunningApp command = RunningApp.startOn(database, CommandSideApplication.application()).withTester(true);
             RunningApp query = RunningApp.startOn(database, QuerySideApplication.application())) {
            AccessFixture tree = new AccessFixture(command);
            tree.scenario.committee(AccessFixture.P1, "Tỉnh ủy Một", "PARTY_COMMITTEE", "PROVINCIAL", RunningApp.CENTRAL, 15);
            tree.scenario.committee(AccessFixture.P1_UBKT, "Ủy ban Kiểm tra Tỉnh ủy Một", "INSPECTION_COMMISSION",
                    "PROVINCIAL", AccessFixture.P1, 7);
            command.user("two-sides", AccessFixture.P1_UBKT, null, "STAFF");
            await().atMost(Duration.ofSeconds(15)).until(() -> query.http.get("/api/committees/" + AccessFixture.P1_UBKT).status() == 200);

            // the login page of the query side, and its form
            HttpResponse<String> loginPage = send(HttpRequest.newBuilder(URI.create(query.http.base + "/login")));
            assertThat(loginPage.statusCode()).isEqualTo(200);
            String form = "username=two-sides&password=" + URLEncoder.encode("two-sides-password-123", StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(find(HIDDEN_CSRF, loginPage.body()), StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(query.http.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

            // a page of the query side carries the session's CSRF token
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(query.http.base + "/ui/cases"))
                    .header("Accept", "text/html"));
            assertThat(page.statusCode()).isEqualTo(200);
            String token = find(META_CSRF, page.body());

            String plan = """
                    {"type": "INSPECTION_SIGNS_OF_VIOLATION", "committeeId": "%s", "subject": %s, "content": "Kiểm tra",
                     "planRef": "KH-2S", "plannedOn": "2026-05-01", "plannedFrom": "2026-05-01", "plannedTo": "2026-06-01"}"""
                    .formatted(AccessFixture.P1_UBKT, CaseworkScenario.ordinaryMember("2S-1", "Đặng Văn Hai", "OFFICIAL",
                            AccessFixture.P1));
            // without the token the command side refuses the page's call
            HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(command.http.base + "/api/cases"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(plan)));
            assertThat(forged.statusCode()).isEqualTo(403);
            // with it, the session begun on the query side acts on the command side
            HttpResponse<String> planned = send(HttpRequest.newBuilder(URI.create(command.http.base + "/api/cases"))
                    .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(plan)));
            assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
            String caseId = Http.JSON.readTree(planned.body()).get("id").asString();
            String actor = command.jdbc().sql("""
                    select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = :id""")
                    .param("id", caseId).query(String.class).single();
            assertThat(actor).contains("\"actor\":\"two-sides\"");

            // signing out on the command side ends the session on the query side too
            HttpResponse<String> signedOut = send(HttpRequest.newBuilder(URI.create(command.http.base + "/logout"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
            assertThat(signedOut.statusCode()).as("signed out (204 to a client that asks no page)").isIn(204, 302);
            HttpResponse<String> after = send(HttpRequest.newBuilder(URI.create(query.http.base + "/api/me")));
            assertThat(after.statusCode()).isEqualTo(401);
        }
    }
}
