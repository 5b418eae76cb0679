package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The committee pickers of the pages on a tree too large for every committee to be an option (more than 300 standing:
 * a national tree has tens of thousands): a page offers the user's committee and the one it was asked for, a search
 * box fetches the others by name, diacritics ignored, and the pickers work so in Chromium. On a small tree every
 * committee is an option and there is no search box.
 */
@DisplayName("Committee pickers on a large tree")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommitteePickersIT {

    private static final String COMMISSION = "UBKT-TU";
    private static final String STAFF = "canbo.chon";
    /** Cells added to the scenario's tree: with its nodes and the tests' own, more than 300 standing. */
    private static final int CELLS = 300;

    private RunningApp app;
    private Http staff;
    private WebDriver browser;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        new CaseworkScenario(app).province("");
        staff = app.user(STAFF, COMMISSION, null, "STAFF");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
    }

    @Test
    @Order(1)
    void aSmallTreeOffersEveryCommitteeAndNoSearchBox() {
        String page = staff.get("/ui/cases/new", "Accept", "text/html").body();
        assertThat(page).contains("value=\"CB-THON\"", "value=\"TW\"", "value=\"DU-XA\"").doesNotContain("committee-search");
    }

    @Test
    @Order(2)
    void aLargeTreeOffersTheUsersCommitteeAndASearchBoxOnEveryPicker() {
        for (int i = 1; i <= CELLS; i++) {
            CaseworkScenario.committee(app.http, "CB-KP-" + i, "Chi bộ khu phố số " + i, "CELL", "CELL", "DU-XA", null);
        }
        String page = waitFor(() -> staff.get("/ui/cases/new", "Accept", "text/html").body(),
                body -> body.contains("committee-search"));
        // the plan's committee and the subject's organization, posts and cadre's committee: four pickers, four boxes,
        // each offering the user's committee alone, where each offered every committee of the tree
        assertThat(Pattern.compile("class=\"committee-search\"").matcher(page).results().count()).isEqualTo(4);
        assertThat(Pattern.compile("value=\"UBKT-TU\"").matcher(page).results().count()).isEqualTo(4);
        assertThat(page).doesNotContain("value=\"TW\"", "value=\"TEST-TW\"", "value=\"DU-XA\"", "value=\"CB-THON\"",
                "value=\"CB-KP-");
        // the list's filter also offers the committee it was asked for
        String filtered = staff.get("/ui/cases?committeeId=CB-KP-7", "Accept", "text/html").body();
        assertThat(filtered).contains("value=\"CB-KP-7\"", "committee-search").doesNotContain("value=\"CB-KP-8\"");
    }

    @Test
    @Order(3)
    void aSearchFindsCommitteesByNameWithoutDiacriticsOrByCode() {
        // "khu pho so 25" finds "Chi bộ khu phố số 25" and 250 to 259, in Vietnamese order
        String found = staff.get("/ui/committee-options?q=" + encode("khu pho so 25"), "Accept", "text/html").body();
        assertThat(values(found)).containsExactlyInAnyOrder("CB-KP-25", "CB-KP-250", "CB-KP-251", "CB-KP-252",
                "CB-KP-253", "CB-KP-254", "CB-KP-255", "CB-KP-256", "CB-KP-257", "CB-KP-258", "CB-KP-259");
        assertThat(found).contains(">Chi bộ khu phố số 25<");
        // with its marks, in capitals, by the beginning of a code
        assertThat(values(staff.get("/ui/committee-options?q=" + encode("THÔN CẦU"), "Accept", "text/html").body()))
                .containsExactly("CB-THON");
        assertThat(values(staff.get("/ui/committee-options?q=ubkt", "Accept", "text/html").body()))
                .containsExactly("UBKT-TW", "UBKT-TU");
        // the highest levels first; never more than 50
        List<String> many = values(staff.get("/ui/committee-options?q=" + encode("chi bộ"), "Accept", "text/html").body());
        assertThat(many).hasSize(50).doesNotHaveDuplicates().allMatch(id -> id.startsWith("CB-"));
        List<String> all = values(staff.get("/ui/committee-options", "Accept", "text/html").body());
        assertThat(all).hasSize(50);
        assertThat(all.subList(0, 3)).containsExactlyInAnyOrder("TEST-TW", "TW", "UBKT-TW");
        assertThat(values(staff.get("/ui/committee-options?q=" + encode("không có tổ chức này"), "Accept", "text/html")
                .body())).isEmpty();
        // markup and a long text are searches that find nothing; a NUL byte is refused as everywhere (400, explained)
        for (String odd : List.of("<option value=\"x\">", "a".repeat(5000))) {
            Http.Response answer = staff.get("/ui/committee-options?q=" + encode(odd), "Accept", "text/html");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(values(answer.body())).isEmpty();
        }
        Http.Response nul = staff.get("/ui/committee-options?q=" + encode("\u0000"), "Accept", "text/html");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body()).contains("NUL").doesNotContain("<option");
    }

    @Test
    @Order(4)
    void aDissolvedCommitteeIsNotOffered() {
        Http.Response dissolved = app.http.post("/api/committees/CB-KP-299/dissolve",
                "{\"dissolvedOn\": \"2026-01-01\", \"reason\": \"Sáp nhập\", \"successorId\": \"CB-KP-298\"}");
        assertThat(dissolved.status()).as(dissolved.toString()).isEqualTo(200);
        assertThat(waitFor(() -> values(staff.get("/ui/committee-options?q=" + encode("số 29"), "Accept", "text/html")
                .body()), found -> !found.contains("CB-KP-299"))).contains("CB-KP-298", "CB-KP-29");
    }

    @Test
    @Order(5)
    void theSearchIsForSignedInUsersOfAnyRole() {
        // outside: not signed in
        Http.Response anonymous = app.http.anonymous().get("/ui/committee-options?q=ubkt", "Accept", "text/html");
        assertThat(anonymous.status()).isIn(302, 401);
        assertThat(anonymous.body()).doesNotContain("UBKT-TU");
        // inside: an administrator with no other role, whose users page has pickers
        Http admin = app.user("quantri.chon", COMMISSION, null, "ADMIN");
        assertThat(values(admin.get("/ui/committee-options?q=ubkt", "Accept", "text/html").body()))
                .containsExactly("UBKT-TW", "UBKT-TU");
        assertThat(admin.get("/ui/users", "Accept", "text/html").body()).contains("committee-search");
    }

    @Test
    @Order(6)
    void inChromiumTheFilterFindsAndChoosesACommitteeAndAMultiplePickerKeepsWhatWasChosen() {
        browser = BrowserJourneyIT.chromium();
        browser.get(app.http.base + "/login");
        browser.findElement(By.id("username")).sendKeys(STAFF);
        browser.findElement(By.id("password")).sendKeys(STAFF + "-password-123");
        browser.findElement(By.id("login-submit")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));

        // the list's filter: "so 42" typed, "Chi bộ khu phố số 42" chosen, the list asked for it
        browser.get(app.http.base + "/ui/cases");
        WebElement box = browser.findElement(By.cssSelector("input.committee-search[data-picker-for=filter-committee]"));
        box.sendKeys("khu pho so 42");
        waiting().until(d -> optionValues(d, "filter-committee").contains("CB-KP-42"));
        assertThat(optionValues(browser, "filter-committee")).startsWith("").contains("CB-KP-42")
                .doesNotContain("CB-KP-41");
        new Select(browser.findElement(By.id("filter-committee"))).selectByValue("CB-KP-42");
        waiting().until(d -> d.findElement(By.id("rows")).getDomAttribute("data-live-src").contains("committeeId=CB-KP-42"));

        // the subject's committees (a multiple picker): one found and chosen, then another search keeps it chosen
        browser.get(app.http.base + "/ui/cases/new");
        WebElement posts = browser.findElement(By.cssSelector("input.committee-search[data-picker-for=subject-committeeMemberOf]"));
        posts.sendKeys("số 17");
        waiting().until(d -> optionValues(d, "subject-committeeMemberOf").contains("CB-KP-17"));
        new Select(browser.findElement(By.id("subject-committeeMemberOf"))).selectByValue("CB-KP-17");
        posts.clear();
        posts.sendKeys("số 23");
        waiting().until(d -> optionValues(d, "subject-committeeMemberOf").contains("CB-KP-23"));
        Select chosen = new Select(browser.findElement(By.id("subject-committeeMemberOf")));
        assertThat(chosen.getAllSelectedOptions().stream().map(o -> o.getDomAttribute("value")).toList())
                .containsExactly("CB-KP-17");
        assertThat(optionValues(browser, "subject-committeeMemberOf")).doesNotContain("CB-KP-18");
        // the search box is no field of the form: what the form sends is the select's
        assertThat(posts.getDomAttribute("name")).isNull();
    }

    @Test
    @Order(7)
    void aCasePageOffersTheCasesCommitteeAndThoseAboveIt() {
        String caseId = new CaseworkScenario(app).plan("INSPECTION_SIGNS_OF_VIOLATION", "CB-KP-5",
                CaseworkScenario.ordinaryMember("DV-KP5-01", "Trần Văn Bình", "OFFICIAL", "CB-KP-5"),
                "Kiểm tra khi có dấu hiệu vi phạm", "KH-KP5/2026", "2026-03-01", "2026-03-02", "2026-04-30");
        Http.Response page = waitFor(() -> staff.get("/ui/cases/" + caseId, "Accept", "text/html"),
                answer -> answer.status() == 200 && answer.body().contains("id=\"transfer-to\""));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        // a planned case's transfer: the case's committee first (a single picker's choice until one searches), then
        // those above it, nearest first, then the user's; no other committee of the tree
        assertThat(values(select(page.body(), "transfer-to"))).containsExactly("CB-KP-5", "DU-XA", "TU", "TW", "UBKT-TU");
        assertThat(page.body()).contains("data-picker-for=\"transfer-to\"").doesNotContain("value=\"CB-KP-6\"");
        // the page's live part of its steps offers the same
        String actions = staff.get("/ui/cases/" + caseId + "/part/actions", "Accept", "text/html").body();
        assertThat(values(select(actions, "transfer-to"))).containsExactly("CB-KP-5", "DU-XA", "TU", "TW", "UBKT-TU");
        // the page that plans a case, which has no case, still offers the user's committee alone
        assertThat(values(select(staff.get("/ui/cases/new", "Accept", "text/html").body(), "plan-committee")))
                .containsExactly("UBKT-TU");
    }

    /** The options of the select of this id in a page. */
    private static String select(String page, String id) {
        java.util.regex.Matcher found = Pattern.compile("<select[^>]*id=\"" + id + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(page);
        assertThat(found.find()).as("select #" + id).isTrue();
        return found.group(1);
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static List<String> optionValues(WebDriver driver, String selectId) {
        return driver.findElements(By.cssSelector("#" + selectId + " option")).stream()
                .map(option -> option.getDomAttribute("value")).toList();
    }

    private static List<String> values(String options) {
        return Pattern.compile("value=\"([^\"]*)\"").matcher(options).results().map(m -> m.group(1)).toList();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Asks again until the answer satisfies the condition (the tree is read by the query side a moment later). */
    private static <T> T waitFor(java.util.function.Supplier<T> ask, java.util.function.Predicate<T> until) {
        long deadline = System.currentTimeMillis() + 10_000;
        T answer = ask.get();
        while (!until.test(answer) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = ask.get();
        }
        return answer;
    }
}
