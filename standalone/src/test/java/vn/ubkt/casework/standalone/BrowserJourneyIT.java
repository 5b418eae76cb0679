package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Commission staff's pages driven in Debian's Chromium (headless) through its chromedriver: a letter taken from
 * intake to a disciplinary decision through the pages only, a refusal explained beside the form, a change made
 * elsewhere appearing without a reload, the dashboard against the statistics API, and the language switch.
 * Screenshots of the dashboard, a case page and the report are written to docs/screenshots.
 */
@DisplayName("Pages for commission staff, in a real browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyIT {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private RunningApp app;
    private WebDriver browser;
    private WebDriver secondBrowser;
    private String caseId;

    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("casework.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("casework.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    @BeforeAll
    void start() {
        app = RunningApp.start();
        new CaseworkScenario(app).province("");
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

    private String url(String path) {
        return app.http.base + path;
    }

    private WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
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
            ((JavascriptExecutor) driver).executeScript(
                    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
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

    private void submit(WebElement form) {
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String status(WebDriver driver) {
        return driver.findElement(By.id("case-status")).getDomAttribute("data-status");
    }

    private void awaitStatus(WebDriver driver, String expected) {
        waiting(driver).until(d -> expected.equals(status(d)));
    }

    private void screenshot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(1)
    @DisplayName("a letter goes from intake to a disciplinary decision through the pages only, in Vietnamese")
    void complaintToDecision() throws Exception {
        browser.get(url("/ui/complaints"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đơn thư tố cáo");

        WebElement intake = form(browser, "form-complaint");
        fill(browser, intake, "committeeId", "UBKT-TU");
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
        fill(browser, decide, "decidingCommitteeId", "UBKT-TU");
        fill(browser, decide, "decisionRef", "QĐ 30-QĐ/UBKTTU");
        fill(browser, decide, "eligibleVoters", "11");
        fill(browser, decide, "ballot.WARNING", "8");
        fill(browser, decide, "ballot.NONE", "3");
        fill(browser, decide, "announcedOn", TODAY.minusDays(4).toString());
        fill(browser, decide, "effectiveOn", TODAY.minusDays(4).toString());
        submit(decide);
        WebElement problem = waiting(browser).until(d -> {
            WebElement banner = d.findElement(By.cssSelector("#form-decision .problem"));
            return banner.isDisplayed() ? banner : null;
        });
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
        fill(browser, decide, "decidingCommitteeId", "UBKT-TU");
        fill(browser, decide, "decisionRef", "QĐ 30-QĐ/UBKTTU");
        fill(browser, decide, "eligibleVoters", "11");
        fill(browser, decide, "ballot.WARNING", "8");
        fill(browser, decide, "ballot.NONE", "3");
        fill(browser, decide, "announcedOn", TODAY.minusDays(4).toString());
        fill(browser, decide, "effectiveOn", TODAY.minusDays(4).toString());
        submit(decide);
        awaitStatus(browser, "DECIDED");
        assertThat(browser.findElement(By.id("case-in-force")).getText()).isEqualTo("Cảnh cáo");
        assertThat(browser.findElements(By.cssSelector("#case-timeline li")).stream().map(li -> li.getDomAttribute("data-type")).toList())
                .containsExactly("CasePlanned", "CaseOpened", "CaseConcluded", "SubjectHeard", "DisciplineDecided");
        screenshot(browser, "case-page.png");
    }

    @Test
    @Order(2)
    @DisplayName("a case page open in one browser shows a change made in another without a reload")
    void liveUpdate() {
        secondBrowser.get(url("/ui/cases/" + caseId));
        awaitStatus(secondBrowser, "DECIDED");
        Object loadedAt = ((JavascriptExecutor) secondBrowser).executeScript("return window.caseworkLoadedAt");

        browser.get(url("/ui/cases/" + caseId));
        WebElement close = form(browser, "form-close");
        fill(browser, close, "closedOn", TODAY.minusDays(1).toString());
        submit(close);

        awaitStatus(secondBrowser, "CLOSED");
        assertThat(((JavascriptExecutor) secondBrowser).executeScript("return window.caseworkLoadedAt")).isEqualTo(loadedAt);
        assertThat(secondBrowser.findElements(By.cssSelector("#case-timeline li"))).hasSize(6);
    }

    @Test
    @Order(3)
    @DisplayName("the dashboard shows the statistics API's figures, with its charts, and leads to the report")
    void dashboard() throws Exception {
        String from = TODAY.withDayOfYear(1).toString();
        String to = TODAY.toString();
        JsonNode statistics = app.http.get("/api/committees/UBKT-TU/statistics?from=" + from + "&to=" + to).json();
        assertThat(statistics.get("disciplined").get("members").get("WARNING").asInt()).isEqualTo(1);

        browser.get(url("/ui/committees/UBKT-TU?from=" + from + "&to=" + to));
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
        waiting(browser).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !!(window.Chart && Chart.getChart('chart-forms') && Chart.getChart('chart-types'))"));
        screenshot(browser, "dashboard.png");

        browser.findElement(By.id("report-link")).click();
        WebElement report = waiting(browser).until(d -> d.findElement(By.id("report")));
        assertThat(report.getText()).contains("BÁO CÁO").contains("Thi hành kỷ luật 0 tổ chức đảng và 1 đảng viên (cảnh cáo 1)")
                .containsIgnoringCase("đã giải quyết 1 vụ tố cáo");
        screenshot(browser, "report.png");
    }

    @Test
    @Order(4)
    @DisplayName("the language switch turns the pages to English and back, and is remembered")
    void languageSwitch() {
        browser.get(url("/ui/cases"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vụ việc kiểm tra, giám sát, tố cáo");
        browser.findElement(By.id("lang-en")).click();
        waiting(browser).until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Inspection, supervision and denunciation cases");
        browser.get(url("/ui/cases/" + caseId));
        assertThat(browser.findElement(By.id("case-in-force")).getText()).isEqualTo("Warning");
        browser.findElement(By.id("lang-vi")).click();
        waiting(browser).until(d -> "vi".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(browser.findElement(By.id("case-in-force")).getText()).isEqualTo("Cảnh cáo");
    }

    @Test
    @Order(5)
    @DisplayName("the case list finds the case by a name typed without diacritics")
    void listSearch() {
        browser.get(url("/ui/cases"));
        WebElement search = browser.findElement(By.id("filter-q"));
        search.sendKeys("tran van binh");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#rows tr.case-row")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#rows tr.case-row")).getDomAttribute("data-case-id")).isEqualTo(caseId);
    }
}
