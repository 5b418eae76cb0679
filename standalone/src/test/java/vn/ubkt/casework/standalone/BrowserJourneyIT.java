package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The pages driven in Debian's Chromium (headless) through its chromedriver, each user signed in through the login
 * page (CSRF on): a letter taken from intake to a disciplinary decision by staff through the pages only, a refusal
 * explained beside the form, a change made elsewhere appearing without a reload in an auditor's read-only page, the
 * dashboard against the statistics API, the language switch, what each role's header and pages offer (a viewer sees
 * figures but no case, a custodian the identity requests, an administrator the users), an administrator's password
 * reset sending the user to the password page at the next sign-in. Chromium must log no Content-Security-Policy
 * violation on any page. Screenshots are written to docs/screenshots.
 */
@DisplayName("The pages, signed in, in a real browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyIT {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** Users of the provincial inspection commission, one per role (their password: username + "-password-123"). */
    private static final String STAFF = "canbo.tu";
    private static final String AUDITOR = "kiemsoat.tu";
    private static final String VIEWER = "thongke.tu";
    private static final String CUSTODIAN = "baomat.tu";
    private static final String COMMISSION = "UBKT-TU";

    private RunningApp app;
    private WebDriver browser;
    private WebDriver secondBrowser;
    private String caseId;
    private String complaintId;

    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("casework.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=vi");
        // the console, where Chromium reports every Content-Security-Policy violation
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        // what the pages hand over as files (a document as DOCX, the whole case file) lands in the build's directory
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", Path.of("target", "downloads").toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("casework.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    @BeforeAll
    void start() {
        app = RunningApp.start();
        new CaseworkScenario(app).province("");
        app.user(STAFF, COMMISSION, null, "STAFF");
        app.user(AUDITOR, COMMISSION, null, "AUDITOR");
        app.user(VIEWER, COMMISSION, null, "VIEWER");
        app.user(CUSTODIAN, COMMISSION, null, "CUSTODIAN");
        browser = chromium();
        secondBrowser = chromium();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (secondBrowser != null) {
            secondBrowser.quit();
        }
        app.close();
    }

    @AfterEach
    void noContentSecurityPolicyViolation() {
        assertThat(cspViolations(browser)).as("CSP violations in the first browser").isEmpty();
        assertThat(cspViolations(secondBrowser)).as("CSP violations in the second browser").isEmpty();
    }

    /** Drains the browser's console and answers what it says about the Content-Security-Policy. */
    private static List<String> cspViolations(WebDriver driver) {
        List<String> violations = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                violations.add(entry.getMessage());
            }
        }
        return violations;
    }

    private static String password(String username) {
        return username + "-password-123";
    }

    private String url(String path) {
        return app.http.base + path;
    }

    /** Waits for a condition; a live region replaced while it was being read is read again. */
    private WebDriverWait waiting(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Object script(WebDriver driver, String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Signs in through the login page as a person does; answers where the product sent them. */
    private String signIn(WebDriver driver, String username, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get(url("/login"));
        }
        WebElement form = form(driver, "login-form");
        form.findElement(By.id("username")).clear();
        form.findElement(By.id("username")).sendKeys(username);
        form.findElement(By.id("password")).sendKeys(password);
        form.findElement(By.id("login-submit")).click();
        waiting(driver).until(d -> !d.getCurrentUrl().contains("/login"));
        return driver.getCurrentUrl().substring(app.http.base.length());
    }

    private void signOut(WebDriver driver) {
        driver.findElement(By.cssSelector("#sign-out button")).click();
        waiting(driver).until(d -> d.getCurrentUrl().endsWith("/login?logout"));
    }

    private static List<String> navigation(WebDriver driver) {
        return driver.findElements(By.cssSelector("header.top nav a")).stream().map(a -> a.getDomAttribute("id")).toList();
    }

    private static boolean present(WebDriver driver, String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Sets a field the way a person would end up with it, whatever the browser's date widget looks like. */
    private void fill(WebDriver driver, WebElement form, String name, String value) {
        WebElement input = form.findElement(By.name(name));
        if (input.getTagName().equals("select")) {
            new Select(input).selectByValue(value);
        } else if (input.getDomAttribute("type") != null && input.getDomAttribute("type").equals("checkbox")) {
            if (!input.isSelected()) {
                input.click();
            }
        } else if ("date".equals(input.getDomAttribute("type"))) {
            script(driver, "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                    input, value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    private WebElement form(WebDriver driver, String id) {
        try {
            return waiting(driver).until(d -> d.findElement(By.id(id)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no #" + id + " on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
        }
    }

    private WebElement shown(WebDriver driver, String cssSelector) {
        try {
            return waiting(driver).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(cssSelector));
                return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("nothing shown at " + cssSelector + " on " + driver.getCurrentUrl() + ":\n"
                    + driver.getPageSource(), e);
        }
    }

    private void submit(WebElement form) {
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String status(WebDriver driver) {
        return driver.findElement(By.id("case-status")).getDomAttribute("data-status");
    }

    private void awaitStatus(WebDriver driver, String expected) {
        waiting(driver).until(d -> expected.equals(status(d)));
    }

    /** Every code of the published language: a page a person reads shows none of them, only their words. */
    private static final java.util.Set<String> CODES = java.util.stream.Stream.of(
                    vn.ubkt.casework.events.cases.CaseType.class, vn.ubkt.casework.events.cases.Outcome.class,
                    vn.ubkt.casework.events.cases.DisciplineForm.class, vn.ubkt.casework.events.cases.ViolationCategory.class,
                    vn.ubkt.casework.events.cases.DenunciationResult.class, vn.ubkt.casework.events.cases.AppealResult.class,
                    vn.ubkt.casework.events.cases.PostponementReason.class, vn.ubkt.casework.events.cases.NotImposedReason.class,
                    vn.ubkt.casework.events.cases.TransferCause.class, vn.ubkt.casework.events.cases.Membership.class,
                    vn.ubkt.casework.events.committees.CommitteeKind.class,
                    vn.ubkt.casework.events.committees.CommitteeLevel.class,
                    vn.ubkt.casework.events.complaints.DismissalReason.class)
            .flatMap(type -> java.util.Arrays.stream(type.getEnumConstants()).map(code -> ((Enum<?>) code).name()))
            .collect(java.util.stream.Collectors.toSet());
    private static final java.util.Set<String> STATUSES = java.util.Set.of("PLANNED", "OPEN", "CONCLUDED",
            "DISCIPLINE_PROPOSED", "DECIDED", "APPEALED", "CLOSED", "WITHDRAWN", "ESCALATED", "STAFF", "AUDITOR",
            "VIEWER", "CUSTODIAN", "ADMIN", "ACTOR", "SUBJECT", "SUBTREE", "OWN");

    /** The words of the page as a person reads them contain no code. */
    private static void noRawCodes(WebDriver driver, String page) {
        String text = String.valueOf(script(driver, "return document.body.innerText;"));
        java.util.List<String> shown = java.util.regex.Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b").matcher(text).results()
                .map(java.util.regex.MatchResult::group)
                .filter(word -> CODES.contains(word) || STATUSES.contains(word)).distinct().toList();
        assertThat(shown).as("codes shown on " + page + " instead of words").isEmpty();
    }

    private void screenshot(WebDriver driver, String name) throws Exception {
        noRawCodes(driver, name);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A picture of a page in a state not worth documenting (a refusal, an API not yet there), for a reviewer. */
    private static void look(WebDriver driver, String name) throws Exception {
        Path views = Path.of("target", "page-views");
        Files.createDirectories(views);
        Files.write(views.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A POST from the page's own origin, with or without the CSRF header of the page's meta tags; its status. */
    private static long postFromPage(WebDriver driver, String path, boolean withCsrf) {
        return (Long) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
                if (arguments[1]) {
                  headers[document.querySelector('meta[name=_csrf_header]').content]
                      = document.querySelector('meta[name=_csrf]').content;
                }
                fetch(arguments[0], {method: 'POST', headers: headers, body: '{}'}).then(r => done(r.status));""",
                path, withCsrf);
    }

    @Test
    @Order(1)
    @DisplayName("a page asks for signing in, in Vietnamese; a wrong password is refused; staff then reach the page they asked for")
    void signIn() throws Exception {
        browser.get(url("/ui/cases"));
        waiting(browser).until(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        assertThat(browser.findElement(By.cssSelector("#login-form input[name=_csrf]")).getDomAttribute("value")).isNotBlank();
        assertThat(navigation(browser)).isEmpty();
        assertThat(script(browser, "return document.querySelectorAll('style').length")).isEqualTo(0L);
        screenshot(browser, "login.png");

        browser.findElement(By.id("lang-en")).click();
        waiting(browser).until(d -> "Sign in".equals(d.findElement(By.tagName("h1")).getText()));
        browser.findElement(By.id("lang-vi")).click();
        waiting(browser).until(d -> "Đăng nhập".equals(d.findElement(By.tagName("h1")).getText()));

        WebElement form = form(browser, "login-form");
        form.findElement(By.id("username")).sendKeys(STAFF);
        form.findElement(By.id("password")).sendKeys("not-the-password-at-all");
        form.findElement(By.id("login-submit")).click();
        waiting(browser).until(d -> d.getCurrentUrl().endsWith("/login?error"));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("không đúng");

        // back where the sign-in interrupted them (Spring Security marks the replayed request with "continue")
        assertThat(signIn(browser, STAFF, password(STAFF))).matches("/ui/cases(\\?continue)?");
        assertThat(browser.findElement(By.id("current-user-name")).getText()).isEqualTo("Người dùng " + STAFF);
        assertThat(browser.findElement(By.id("current-username")).getText()).isEqualTo(STAFF);
        assertThat(navigation(browser)).containsExactly("nav-cases", "nav-complaints", "nav-committees", "nav-identity");
        assertThat(present(browser, "new-case")).isTrue();

        // the session's changes need the page's CSRF token: without it the API refuses before looking at the body
        assertThat(postFromPage(browser, "/api/cases", false)).isEqualTo(403L);
        assertThat(postFromPage(browser, "/api/cases", true)).isEqualTo(400L);
    }

    @Test
    @Order(2)
    @DisplayName("staff take a letter from intake to a disciplinary decision through the pages only, in Vietnamese")
    void complaintToDecision() throws Exception {
        browser.get(url("/ui/complaints"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đơn thư tố cáo");

        WebElement intake = form(browser, "form-complaint");
        fill(browser, intake, "committeeId", COMMISSION);
        fill(browser, intake, "receivedOn", TODAY.minusDays(40).toString());
        fill(browser, intake, "denouncer.name", "Nguyễn Thị Hạnh");
        fill(browser, intake, "denouncer.address", "Thôn Cầu Trắng, xã Sơn Dương");
        fill(browser, intake, "accused.type", "MEMBER");
        fill(browser, intake, "accused.organizationId", "CB-THON");
        fill(browser, intake, "accused.memberId", "09301234");
        fill(browser, intake, "accused.fullName", "Trần Văn Bình");
        fill(browser, intake, "accused.membership", "OFFICIAL");
        fill(browser, intake, "content", "Tố cáo vi phạm quản lý đất đai của thôn");
        submit(intake);
        waiting(browser).until(d -> d.getCurrentUrl().matches(".*/ui/complaints/[0-9a-f-]{36}$"));
        complaintId = browser.getCurrentUrl().replaceAll(".*/ui/complaints/", "");

        WebElement accept = form(browser, "form-accept");
        fill(browser, accept, "acceptedOn", TODAY.minusDays(35).toString());
        fill(browser, accept, "planRef", "KH 12-KH/UBKTTU");
        fill(browser, accept, "plannedFrom", TODAY.minusDays(35).toString());
        fill(browser, accept, "plannedTo", TODAY.plusDays(30).toString());
        submit(accept);
        waiting(browser).until(d -> d.getCurrentUrl().matches(".*/ui/cases/[0-9a-f-]{36}$"));
        caseId = browser.getCurrentUrl().replaceAll(".*/ui/cases/", "");
        waiting(browser).until(d -> d.findElements(By.id("case-status")).size() == 1);
        assertThat(status(browser)).isEqualTo("PLANNED");

        WebElement open = form(browser, "form-open");
        fill(browser, open, "openedOn", TODAY.minusDays(30).toString());
        fill(browser, open, "decisionRef", "QĐ 15-QĐ/UBKTTU");
        fill(browser, open, "team[0].memberId", "KT-01");
        fill(browser, open, "team[0].fullName", "Phạm Thị Thu Hà");
        fill(browser, open, "leadMemberId", "KT-01");
        submit(open);
        awaitStatus(browser, "OPEN");

        WebElement conclude = form(browser, "form-conclude");
        fill(browser, conclude, "concludedOn", TODAY.minusDays(10).toString());
        fill(browser, conclude, "conclusionRef", "KL 20-KL/UBKTTU");
        fill(browser, conclude, "outcome", "VIOLATION");
        new Select(conclude.findElement(By.name("violationCategories"))).selectByValue("LAND_AND_RESOURCES");
        fill(browser, conclude, "violationTo", TODAY.minusMonths(6).toString());
        fill(browser, conclude, "disciplineWarranted", "true");
        fill(browser, conclude, "denunciationResult", "PARTLY_TRUE");
        fill(browser, conclude, "summary", "Tố cáo đúng một phần; vi phạm quản lý đất đai");
        submit(conclude);
        awaitStatus(browser, "CONCLUDED");

        // deciding before the subject was heard is refused, explained next to the form, and nothing typed is lost
        WebElement decide = form(browser, "form-decision");
        fill(browser, decide, "decidedOn", TODAY.minusDays(5).toString());
        fill(browser, decide, "decidingCommitteeId", COMMISSION);
        fill(browser, decide, "decisionRef", "QĐ 30-QĐ/UBKTTU");
        fill(browser, decide, "eligibleVoters", "11");
        fill(browser, decide, "ballot.WARNING", "8");
        fill(browser, decide, "ballot.NONE", "3");
        fill(browser, decide, "announcedOn", TODAY.minusDays(4).toString());
        fill(browser, decide, "effectiveOn", TODAY.minusDays(4).toString());
        submit(decide);
        WebElement problem = shown(browser, "#form-decision .problem");
        assertThat(problem.getDomAttribute("data-rule")).isEqualTo("R-HEARD");
        assertThat(problem.getText()).contains("Chưa nghe đối tượng trình bày ý kiến").contains("Điều lệ Đảng art. 39(3)");
        assertThat(decide.findElement(By.name("decisionRef")).getDomProperty("value")).isEqualTo("QĐ 30-QĐ/UBKTTU");
        assertThat(decide.findElement(By.name("ballot.WARNING")).getDomProperty("value")).isEqualTo("8");
        assertThat(status(browser)).isEqualTo("CONCLUDED");

        // a field's own problem is shown beside that field
        WebElement hearing = form(browser, "form-hearing");
        fill(browser, hearing, "heardOn", TODAY.minusDays(6).toString());
        submit(hearing);
        WebElement fieldError = waiting(browser).until(d -> d.findElement(By.cssSelector("#form-hearing .field-error")));
        assertThat(fieldError.getDomAttribute("data-field")).isEqualTo("statement");
        fill(browser, hearing, "statement", "Tôi nhận khuyết điểm và xin sửa chữa");
        submit(hearing);
        waiting(browser).until(d -> d.findElements(By.cssSelector("#case-timeline li[data-type=SubjectHeard]")).size() == 1);

        decide = form(browser, "form-decision");
        fill(browser, decide, "decidedOn", TODAY.minusDays(5).toString());
        fill(browser, decide, "decidingCommitteeId", COMMISSION);
        fill(browser, decide, "decisionRef", "QĐ 30-QĐ/UBKTTU");
        fill(browser, decide, "eligibleVoters", "11");
        fill(browser, decide, "ballot.WARNING", "8");
        fill(browser, decide, "ballot.NONE", "3");
        fill(browser, decide, "announcedOn", TODAY.minusDays(4).toString());
        // in effect on signing (R-EFFECT, rulebook 2026.1 on): the effective date is the decision's
        fill(browser, decide, "effectiveOn", TODAY.minusDays(5).toString());
        submit(decide);
        awaitStatus(browser, "DECIDED");
        assertThat(browser.findElement(By.id("case-in-force")).getText()).isEqualTo("Cảnh cáo");
        assertThat(browser.findElements(By.cssSelector("#case-timeline li")).stream().map(li -> li.getDomAttribute("data-type")).toList())
                .containsExactly("CasePlanned", "CaseOpened", "CaseConcluded", "SubjectHeard", "DisciplineDecided");
        // every step recorded who took it: the signed-in staff member, never anonymous
        assertThat(browser.findElements(By.cssSelector("#case-timeline li")))
                .allSatisfy(li -> assertThat(li.getText()).contains(STAFF));
        script(browser, "window.scrollTo(0, 0)");
        screenshot(browser, "case-page.png");
    }

    @Test
    @Order(3)
    @DisplayName("an auditor reads the case without its forms, and sees a change made by staff without a reload")
    void auditorReadsLive() {
        assertThat(signIn(secondBrowser, AUDITOR, password(AUDITOR))).isEqualTo("/ui/cases");
        assertThat(navigation(secondBrowser)).containsExactly("nav-cases", "nav-complaints", "nav-committees", "nav-audit");
        assertThat(present(secondBrowser, "new-case")).isFalse();

        secondBrowser.get(url("/ui/cases/" + caseId));
        awaitStatus(secondBrowser, "DECIDED");
        assertThat(present(secondBrowser, "case-actions-region")).isFalse();
        assertThat(secondBrowser.findElements(By.cssSelector("form[data-api]"))).isEmpty();
        assertThat(secondBrowser.findElement(By.id("case-read-only")).isDisplayed()).isTrue();
        Object loadedAt = script(secondBrowser, "return window.caseworkLoadedAt");

        browser.get(url("/ui/cases/" + caseId));
        WebElement close = form(browser, "form-close");
        fill(browser, close, "closedOn", TODAY.minusDays(1).toString());
        submit(close);

        awaitStatus(secondBrowser, "CLOSED");
        assertThat(script(secondBrowser, "return window.caseworkLoadedAt")).isEqualTo(loadedAt);
        assertThat(secondBrowser.findElements(By.cssSelector("#case-timeline li"))).hasSize(6);

        // letters too: read, but neither received nor triaged by an auditor
        secondBrowser.get(url("/ui/complaints"));
        waiting(secondBrowser).until(d -> !d.findElements(By.cssSelector("tr.complaint-row")).isEmpty());
        assertThat(present(secondBrowser, "form-complaint")).isFalse();
        secondBrowser.get(url("/ui/complaints/" + complaintId));
        assertThat(present(secondBrowser, "complaint-status")).isTrue();
        assertThat(secondBrowser.findElements(By.cssSelector("form[data-api]"))).isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("staff draft a document from the case page, add evidence with the file input and by dropping it, and "
            + "upload the signed document; all appear in the case file with their hash; an auditor reads it without its forms")
    void caseFile() throws Exception {
        browser.get(url("/ui/cases/" + caseId));
        WebElement drafting = form(browser, "form-document");
        assertThat(drafting.findElements(By.cssSelector("button[data-kind]")).stream()
                .map(b -> b.getDomAttribute("data-kind")).toList())
                .containsExactly("PLAN", "OPENING_DECISION", "DISCIPLINE_DECISION", "BALLOT_RECORD", "DENUNCIATION_NOTICE");
        drafting.findElement(By.cssSelector("button[data-kind=DISCIPLINE_DECISION]")).click();
        WebElement decision = shown(browser, "#case-file tr.file-row[data-kind=DISCIPLINE_DECISION]");
        assertThat(decision.getText()).contains("Quyết định thi hành kỷ luật số 1-QĐ/").contains("Dự thảo");
        String documentId = decision.getDomAttribute("data-id");

        // evidence through the plain file input, with a description
        Path scan = Files.createTempDirectory("casework-evidence-").resolve("bien-ban-xac-minh.txt");
        byte[] minutes = "Biên bản xác minh tại thôn Cầu Trắng, ngày 12/8/2026".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(scan, minutes);
        WebElement evidence = form(browser, "form-evidence");
        evidence.findElement(By.id("evidence-file")).sendKeys(scan.toAbsolutePath().toString());
        fill(browser, evidence, "description", "Biên bản xác minh của Đoàn");
        submit(evidence);
        WebElement attachment = shown(browser, "#case-file tr.file-row[data-type=ATTACHMENT]");
        assertThat(attachment.getText()).contains(scan.getFileName().toString()).contains("Biên bản xác minh của Đoàn")
                .contains("Tài liệu, chứng cứ");
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(minutes));
        assertThat(attachment.findElement(By.cssSelector("code.sha")).getText()).isEqualTo(sha256.substring(0, 12));
        assertThat(attachment.findElement(By.cssSelector("code.sha")).getDomAttribute("title")).isEqualTo(sha256);

        // and a file dropped on the drop zone
        script(browser, """
                const zone = document.getElementById('evidence-drop');
                const files = new DataTransfer();
                files.items.add(new File(['Sao kê tài khoản quý III'], 'sao-ke-quy-3.txt', {type: 'text/plain'}));
                zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: files, bubbles: true, cancelable: true}));
                zone.dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));""");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#case-file tr.file-row[data-type=ATTACHMENT]")).size() == 2);
        List<WebElement> rows = browser.findElements(By.cssSelector("#case-file tr.file-row"));
        assertThat(rows.stream().map(tr -> tr.getDomAttribute("data-type")).toList())
                .containsExactly("DOCUMENT", "ATTACHMENT", "ATTACHMENT");
        assertThat(rows.get(2).getText()).contains("sao-ke-quy-3.txt");
        // the index the page shows is the API's, in the same order
        JsonNode index = app.http.get("/api/cases/" + caseId + "/file").json();
        assertThat(index.get(0).get("id").asString()).isEqualTo(documentId);
        assertThat(index.get(1).get("sha256").asString()).isEqualTo(sha256);

        // the document as DOCX and the whole file as PDF, fetched with their Accept header by the page
        WebElement docx = browser.findElement(By.cssSelector(
                "#case-file tr.file-row[data-id='" + documentId + "'] button.download-docx"));
        docx.click();
        waiting(browser).until(d -> String.valueOf(d.findElement(By.cssSelector(
                "#case-file tr.file-row[data-id='" + documentId + "'] button.download-docx")).getDomAttribute("data-downloaded"))
                .startsWith("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        browser.findElement(By.id("case-file-pdf")).click();
        waiting(browser).until(d -> String.valueOf(d.findElement(By.id("case-file-pdf")).getDomAttribute("data-downloaded"))
                .startsWith("200 application/pdf"));

        // the signed decision uploaded back on its row: the document is final, its signed copy downloadable
        Path signed = scan.resolveSibling("quyet-dinh-da-ky.pdf");
        Files.write(signed, "%PDF-1.4 quyết định đã ký".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        WebElement finalForm = browser.findElement(By.cssSelector(
                "#case-file tr.file-row[data-id='" + documentId + "'] form.upload-final"));
        finalForm.findElement(By.cssSelector("input[type=file]")).sendKeys(signed.toAbsolutePath().toString());
        submit(finalForm);
        WebElement finalRow = shown(browser, "#case-file tr.file-row[data-id='" + documentId + "'][data-status=FINAL]");
        assertThat(finalRow.getText()).contains("Đã ký");
        assertThat(finalRow.findElements(By.cssSelector("a.download.signed"))).hasSize(1);

        script(browser, "document.getElementById('case-file-region').scrollIntoView()");
        screenshot(browser, "case-file.png");

        // an auditor reads the case file and downloads from it, but neither drafts nor uploads
        secondBrowser.get(url("/ui/cases/" + caseId));
        waiting(secondBrowser).until(d -> d.findElements(By.cssSelector("#case-file tr.file-row")).size() == 3);
        assertThat(present(secondBrowser, "form-document")).isFalse();
        assertThat(present(secondBrowser, "form-evidence")).isFalse();
        assertThat(secondBrowser.findElements(By.cssSelector("form.upload-final"))).isEmpty();
        assertThat(secondBrowser.findElements(By.cssSelector("#case-file a.download.attachment"))).hasSize(2);
        noRawCodes(secondBrowser, "the auditor's case file");
    }

    @Test
    @Order(5)
    @DisplayName("the auditor's read audit page lists who read the case (or shows the API's problem while it is missing)")
    void readAudit() throws Exception {
        secondBrowser.get(url("/ui/cases/" + caseId));
        secondBrowser.findElement(By.id("case-read-audit")).click();
        waiting(secondBrowser).until(d -> d.getCurrentUrl().contains("/ui/audit?caseId=" + caseId));
        assertThat(secondBrowser.findElement(By.id("audit-caseId")).getDomProperty("value")).isEqualTo(caseId);
        Http.Response api = app.http.as(AUDITOR, password(AUDITOR)).get("/api/audit/reads?caseId=" + caseId);
        if (api.status() == 200) {
            waiting(secondBrowser).until(d -> d.findElements(By.cssSelector("#audit-rows tr.audit-row")).stream()
                    .map(tr -> tr.getDomAttribute("data-username")).toList().containsAll(List.of(STAFF, AUDITOR)));
            assertThat(secondBrowser.findElements(By.cssSelector("#audit-rows tr.audit-row")))
                    .allSatisfy(tr -> assertThat(tr.getDomAttribute("data-id")).isEqualTo(caseId));
        } else {
            // the read audit API is not deployed yet: the page says so instead of failing silently
            assertThat(shown(secondBrowser, "#audit-problem").getText()).contains(Integer.toString(api.status()));
        }
        look(secondBrowser, "read-audit.png");
    }

    @Test
    @Order(6)
    @DisplayName("the dashboard shows the statistics API's figures, with its charts and overdue cases, and leads to the report")
    void dashboard() throws Exception {
        String from = TODAY.withDayOfYear(1).toString();
        String to = TODAY.toString();
        JsonNode statistics = app.http.get("/api/committees/" + COMMISSION + "/statistics?from=" + from + "&to=" + to).json();
        assertThat(statistics.get("disciplined").get("members").get("WARNING").asInt()).isEqualTo(1);

        browser.get(url("/ui/committees/" + COMMISSION + "?from=" + from + "&to=" + to));
        assertThat(browser.findElement(By.id("fig-disciplined-members")).getText())
                .isEqualTo(statistics.get("disciplined").get("members").get("total").asString());
        assertThat(browser.findElement(By.id("fig-inspected-members")).getText())
                .isEqualTo(statistics.get("inspected").get("members").asString());
        assertThat(browser.findElement(By.id("fig-denunciations")).getText())
                .isEqualTo(statistics.get("denunciations").get("received").asString());
        for (String form : List.of("REPRIMAND", "WARNING", "DISMISSAL", "EXPULSION")) {
            assertThat(browser.findElement(By.cssSelector("#table-forms td[data-form=" + form + "]")).getText())
                    .isEqualTo(statistics.get("disciplined").get("members").get(form).asString());
        }
        assertThat(present(browser, "overdue")).isTrue();
        waiting(browser).until(d -> (Boolean) script(d,
                "return !!(window.Chart && Chart.getChart('chart-forms') && Chart.getChart('chart-types'))"));
        assertThat(script(browser, "return document.querySelectorAll('style').length")).isEqualTo(0L);
        screenshot(browser, "dashboard.png");

        browser.findElement(By.id("report-link")).click();
        WebElement report = waiting(browser).until(d -> d.findElement(By.id("report")));
        assertThat(report.getText()).contains("BÁO CÁO").contains("Thi hành kỷ luật 1 đảng viên (cảnh cáo 1)")
                .containsIgnoringCase("đã giải quyết 1 vụ tố cáo");
        screenshot(browser, "report.png");
    }

    @Test
    @Order(7)
    @DisplayName("the language switch turns the pages to English and back, and is remembered")
    void languageSwitch() {
        browser.get(url("/ui/cases"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vụ việc kiểm tra, giám sát, tố cáo");
        browser.findElement(By.id("lang-en")).click();
        waiting(browser).until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Inspection, supervision and denunciation cases");
        assertThat(browser.findElement(By.cssSelector("#sign-out button")).getText()).isEqualTo("Sign out");
        browser.get(url("/ui/cases/" + caseId));
        assertThat(browser.findElement(By.id("case-in-force")).getText()).isEqualTo("Warning");
        browser.findElement(By.id("lang-vi")).click();
        waiting(browser).until(d -> "vi".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(browser.findElement(By.id("case-in-force")).getText()).isEqualTo("Cảnh cáo");
    }

    @Test
    @Order(8)
    @DisplayName("the case list finds the case by a name typed without diacritics")
    void listSearch() {
        browser.get(url("/ui/cases"));
        WebElement search = browser.findElement(By.id("filter-q"));
        search.sendKeys("tran van binh");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#rows tr.case-row")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#rows tr.case-row")).getDomAttribute("data-case-id")).isEqualTo(caseId);
    }

    @Test
    @Order(9)
    @DisplayName("a viewer sees the tree and the dashboard without overdue cases, and cannot reach a case page")
    void viewer() throws Exception {
        signOut(secondBrowser);
        assertThat(secondBrowser.findElement(By.id("login-logout")).isDisplayed()).isTrue();
        assertThat(signIn(secondBrowser, VIEWER, password(VIEWER))).isEqualTo("/ui/committees");
        assertThat(navigation(secondBrowser)).containsExactly("nav-committees");
        assertThat(secondBrowser.findElement(By.id("current-username")).getText()).isEqualTo(VIEWER);

        secondBrowser.get(url("/ui/cases/" + caseId));
        WebElement refused = form(secondBrowser, "error-page");
        assertThat(refused.getDomAttribute("data-status")).isEqualTo("403");
        assertThat(refused.getText()).contains("Không có quyền truy cập");
        assertThat(present(secondBrowser, "case-status")).isFalse();
        look(secondBrowser, "viewer-case-refused.png");
        assertThat(app.http.as(VIEWER, password(VIEWER)).get("/ui/cases/" + caseId, "Accept", "text/html").status())
                .isEqualTo(403);

        secondBrowser.get(url("/ui/committees/" + COMMISSION));
        assertThat(secondBrowser.findElement(By.id("fig-disciplined-members")).isDisplayed()).isTrue();
        assertThat(present(secondBrowser, "overdue")).isFalse();
        waiting(secondBrowser).until(d -> (Boolean) script(d, "return !!(window.Chart && Chart.getChart('chart-forms'))"));
    }

    @Test
    @Order(10)
    @DisplayName("staff ask to read a denouncer's identity and a custodian decides; a missing API is shown, not hidden")
    void identityRequests() throws Exception {
        browser.get(url("/ui/complaints/" + complaintId));
        browser.findElement(By.id("complaint-identity")).click();
        waiting(browser).until(d -> d.getCurrentUrl().endsWith("/ui/identity?complaintId=" + complaintId));
        assertThat(present(browser, "identity-custodian")).isFalse();
        WebElement request = form(browser, "form-identity-request");
        assertThat(request.findElement(By.name("complaintId")).getDomProperty("value")).isEqualTo(complaintId);
        fill(browser, request, "reason", "Cần liên hệ người tố cáo để bổ sung chứng cứ");

        signOut(secondBrowser);
        assertThat(signIn(secondBrowser, CUSTODIAN, password(CUSTODIAN))).isEqualTo("/ui/identity");
        assertThat(navigation(secondBrowser)).containsExactly("nav-committees", "nav-identity");
        assertThat(present(secondBrowser, "identity-staff")).isFalse();

        boolean deployed = app.http.get("/api/identity-requests?status=PENDING").status() == 200;
        submit(request);
        if (!deployed) {
            // the identity API is being written: each part of the page shows the problem of its own call
            shown(browser, "#form-identity-request .problem");
            shown(browser, "#mine-problem");
            shown(secondBrowser, "#queue-problem");
            assertThat(request.findElement(By.name("reason")).getDomProperty("value")).isNotBlank();
            look(browser, "identity-staff.png");
            look(secondBrowser, "identity-custodian.png");
            return;
        }
        // the lists are read from the read model: reload once it holds the request
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                app.http.get("/api/identity-requests?status=PENDING").body().contains(complaintId));
        browser.navigate().refresh();
        WebElement sent = shown(browser, "#mine-rows tr.identity-request[data-status=PENDING]");
        String requestId = sent.getDomAttribute("data-request-id");

        secondBrowser.navigate().refresh();
        String row = "#queue-rows tr.identity-pending[data-request-id='" + requestId + "']";
        shown(secondBrowser, row);
        // the queue re-renders when it hears of a change: act on the row as it is now
        waiting(secondBrowser).until(d -> {
            try {
                WebElement pending = d.findElement(By.cssSelector(row));
                pending.findElement(By.name("reason")).sendKeys("Lý do chính đáng, đúng quy định");
                pending.findElement(By.cssSelector("button[data-act=approve]")).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        shown(secondBrowser, "#queue-done");

        // the list is read from the read model: reload once it holds the approval
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                app.http.get("/api/identity-requests").body().contains("APPROVED"));
        browser.navigate().refresh();
        shown(browser, "#mine-rows tr.identity-request[data-status=APPROVED]");
        waiting(browser).until(d -> {
            try {
                d.findElement(By.cssSelector("#mine-rows tr.identity-request[data-status=APPROVED] button[data-act=view]")).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        assertThat(shown(browser, "tr.identity-revealed [data-field=name]").getText()).isEqualTo("Nguyễn Thị Hạnh");
    }

    @Test
    @Order(11)
    @DisplayName("an administrator manages users on the users page; a reset password sends its user to the password page")
    void administration() throws Exception {
        signOut(secondBrowser);
        assertThat(signIn(secondBrowser, "admin", RunningApp.ADMIN_PASSWORD)).isEqualTo("/ui/users");
        assertThat(navigation(secondBrowser)).containsExactly("nav-committees", "nav-users");
        waiting(secondBrowser).until(d -> d.findElements(By.cssSelector("#user-rows tr.user-row")).stream()
                .map(tr -> tr.getDomAttribute("data-username")).toList().containsAll(List.of(STAFF, AUDITOR, VIEWER, CUSTODIAN)));

        WebElement create = form(secondBrowser, "form-user-create");
        fill(secondBrowser, create, "username", "moi.tu");
        fill(secondBrowser, create, "fullName", "Lê Thị Mới");
        fill(secondBrowser, create, "password", "mat-khau-ban-dau-1");
        fill(secondBrowser, create, "committeeId", COMMISSION);
        create.findElement(By.id("new-role-STAFF")).click();
        submit(create);
        WebElement row = shown(secondBrowser, "#user-rows tr.user-row[data-username='moi.tu']");
        assertThat(row.getText()).contains("Lê Thị Mới").contains("Cán bộ nghiệp vụ");

        row.findElement(By.cssSelector("button[data-act=edit]")).click();
        WebElement edit = shown(secondBrowser, "#form-user-edit");
        assertThat(edit.findElement(By.id("edit-role-STAFF")).isSelected()).isTrue();
        edit.findElement(By.id("edit-role-AUDITOR")).click();
        submit(edit);
        waiting(secondBrowser).until(d -> d.findElement(By.cssSelector("#user-rows tr[data-username='moi.tu'] [data-field=roles]"))
                .getDomAttribute("data-roles").equals("STAFF,AUDITOR"));

        secondBrowser.findElement(By.cssSelector("#user-rows tr[data-username='moi.tu'] button[data-act=toggle]")).click();
        waiting(secondBrowser).until(d -> "false".equals(d.findElement(
                By.cssSelector("#user-rows tr[data-username='moi.tu'] [data-field=enabled]")).getDomAttribute("data-enabled")));
        assertThat(app.admin().get("/api/users/moi.tu").json().get("enabled").asBoolean()).isFalse();
        secondBrowser.findElement(By.cssSelector("#user-rows tr[data-username='moi.tu'] button[data-act=toggle]")).click();
        waiting(secondBrowser).until(d -> "true".equals(d.findElement(
                By.cssSelector("#user-rows tr[data-username='moi.tu'] [data-field=enabled]")).getDomAttribute("data-enabled")));

        secondBrowser.findElement(By.cssSelector("#user-rows tr[data-username='moi.tu'] button[data-act=password]")).click();
        WebElement reset = shown(secondBrowser, "#form-user-password");
        fill(secondBrowser, reset, "newPassword", "mat-khau-dat-lai-2");
        submit(reset);
        shown(secondBrowser, "#users-done");
        waiting(secondBrowser).until(d -> d.findElement(
                By.cssSelector("#user-rows tr[data-username='moi.tu'] [data-field=mustChange]")).isDisplayed());
        JsonNode user = app.admin().get("/api/users/moi.tu").json();
        assertThat(user.get("roles").toString()).isEqualTo("[\"STAFF\",\"AUDITOR\"]");
        assertThat(user.get("committeeId").asString()).isEqualTo(COMMISSION);
        assertThat(user.get("mustChangePassword").asBoolean()).isTrue();
        screenshot(secondBrowser, "users.png");

        // an administrator sees the tree, but no committee's figures
        secondBrowser.get(url("/ui/committees"));
        assertThat(secondBrowser.findElements(By.cssSelector("#tree li[data-node]"))).isNotEmpty();
        assertThat(secondBrowser.findElements(By.cssSelector("#tree a"))).isEmpty();

        // the user signs in with the password the administrator set, and must choose their own first
        signOut(browser);
        assertThat(signIn(browser, "moi.tu", "mat-khau-dat-lai-2")).isEqualTo("/ui/password");
        assertThat(browser.findElement(By.id("password-must-change")).isDisplayed()).isTrue();
        assertThat(navigation(browser)).isEmpty();
        assertThat(browser.findElement(By.id("current-user-name")).getText()).isEqualTo("Lê Thị Mới");
        browser.get(url("/ui/cases"));
        waiting(browser).until(d -> d.getCurrentUrl().endsWith("/ui/password"));
        screenshot(browser, "password.png");

        WebElement change = form(browser, "form-password");
        fill(browser, change, "currentPassword", "mat-khau-dat-lai-2");
        fill(browser, change, "newPassword", "mat-khau-cua-toi-3");
        fill(browser, change, "confirmPassword", "mat-khau-cua-toi-4");
        submit(change);
        assertThat(shown(browser, "#form-password .field-error").getDomAttribute("data-field")).isEqualTo("confirmPassword");
        fill(browser, change, "confirmPassword", "mat-khau-cua-toi-3");
        submit(change);
        waiting(browser).until(d -> d.getCurrentUrl().endsWith("/login?changed"));
        assertThat(browser.findElement(By.id("login-changed")).isDisplayed()).isTrue();
        assertThat(signIn(browser, "moi.tu", "mat-khau-cua-toi-3")).isEqualTo("/ui/cases");
        assertThat(navigation(browser)).containsExactly("nav-cases", "nav-complaints", "nav-committees", "nav-identity", "nav-audit");
        assertThat(app.admin().get("/api/users/moi.tu").json().get("mustChangePassword").asBoolean()).isFalse();
    }

    @Test
    @Order(12)
    @DisplayName("the Content-Security-Policy check sees a violation when there is one")
    void cspCheckWorks() {
        browser.get(url("/ui/committees"));
        assertThat(cspViolations(browser)).isEmpty();
        script(browser, "document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>')");
        waiting(browser).until(d -> !cspViolations(d).isEmpty());
    }
}
