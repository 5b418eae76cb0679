package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

@DisplayName("The case file: each step's document, its number, the evidence and the whole file (API.md 1.1)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseFileIT {

    private static final String P = "CF-";
    private static final String COMMISSION = P + "UBKT-TU";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private RunningApp app;
    private CaseworkScenario scenario;
    private Path store;
    private String caseId;
    /** documentId by kind, as issued for the case taken from plan to appeal. */
    private final Map<String, JsonNode> issued = new LinkedHashMap<>();

    @BeforeAll
    void start() throws IOException {
        store = Files.createTempDirectory("casework-files-");
        app = RunningApp.start("casework.files.directory=" + store, "casework.files.max-size=2MB");
        scenario = new CaseworkScenario(app);
        scenario.province(P);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private JsonNode issue(String id, String kind, String issuedOn) {
        Http.Response response = app.http.post("/api/cases/" + id + "/documents", """
                {"kind": "%s", "issuedOn": "%s"}""".formatted(kind, issuedOn));
        assertThat(response.status()).as(kind + ": " + response).isEqualTo(201);
        assertThat(response.header("Location")).endsWith("/documents/" + response.json().get("documentId").asString());
        assertThat(response.json().get("status").asString()).isEqualTo("DRAFT");
        return response.json();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    /** Every font the PDF uses is embedded (a FontFile2 under its descriptor), so it prints the same everywhere. */
    private static Set<String> fontsNotEmbedded(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        Set<String> missing = new TreeSet<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof PdfDictionary dict && PdfName.FONT.equals(dict.get(PdfName.TYPE))
                    && PdfName.TYPE0.equals(dict.get(PdfName.SUBTYPE))) {
                PdfDictionary descendant = (PdfDictionary) PdfReader.getPdfObject(
                        ((com.lowagie.text.pdf.PdfArray) PdfReader.getPdfObject(dict.get(PdfName.DESCENDANTFONTS))).getPdfObject(0));
                PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(descendant.get(PdfName.FONTDESCRIPTOR));
                if (descriptor == null || descriptor.get(PdfName.FONTFILE2) == null) {
                    missing.add(String.valueOf(dict.get(PdfName.BASEFONT)));
                }
            } else if (reader.getPdfObject(i) instanceof PdfDictionary dict && PdfName.FONT.equals(dict.get(PdfName.TYPE))
                    && PdfName.TYPE1.equals(dict.get(PdfName.SUBTYPE))) {
                missing.add(String.valueOf(dict.get(PdfName.BASEFONT)));
            }
        }
        return missing;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    @Order(1)
    @DisplayName("a case taken from plan to appeal gets each step's document, numbered per issuing body, type and term, "
            + "citing the rulebook in force on its date; a step not reached is refused with 422")
    void documentsFromPlanToAppeal() {
        caseId = scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", COMMISSION, """
                {"type": "MEMBER", "memberId": "CF-0042", "fullName": "Nguyễn Văn Đức", "membership": "OFFICIAL",
                 "organizationId": "%sCB-THON", "committeeMemberOf": [], "posts": ["Trưởng thôn Cầu Trắng"]}""".formatted(P),
                "Kiểm tra dấu hiệu vi phạm trong quản lý đất đai ở thôn Cầu Trắng.", "KH 05-KH/UBKTTU",
                "2026-07-20", "2026-07-27", "2026-09-30");
        issued.put("PLAN", issue(caseId, "PLAN", "2026-07-20"));
        Http.Response early = app.http.post("/api/cases/" + caseId + "/documents", """
                {"kind": "DISCIPLINE_DECISION", "issuedOn": "2026-07-21"}""");
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.json().get("rule").asString()).isEqualTo("R-CASEFILE");

        scenario.step(caseId, "open", CaseworkScenario.openBody("2026-08-06", "QĐ 12-QĐ/UBKTTU"), "OPEN", 2);
        issued.put("OPENING_DECISION", issue(caseId, "OPENING_DECISION", "2026-08-06"));
        app.http.post("/api/cases/" + caseId + "/explanations", """
                {"submittedOn": "2026-08-20", "summary": "Tôi xin giải trình việc cấp đất cho hộ ông Lê Văn Tám đúng quy định."}""");
        issued.put("EXPLANATION_REPORT", issue(caseId, "EXPLANATION_REPORT", "2026-08-20"));
        app.http.post("/api/cases/" + caseId + "/findings", """
                {"recordedOn": "2026-08-25", "summary": "Xác minh cho thấy việc cấp đất vượt thẩm quyền.",
                 "evidence": [{"ref": "Biên bản xác minh ngày 24/8/2026"}]}""");
        issued.put("FINDINGS_REPORT", issue(caseId, "FINDINGS_REPORT", "2026-08-25"));
        app.http.post("/api/cases/" + caseId + "/conclude", """
                {"concludedOn": "2026-09-01", "conclusionRef": "TB 3-TB/UBKTTU", "outcome": "VIOLATION",
                 "violationCategories": ["LAND_AND_RESOURCES"], "violationFrom": "2025-01-01", "violationTo": "2025-12-31",
                 "disciplineWarranted": true, "summary": "Đồng chí Nguyễn Văn Đức đã vi phạm quy định về quản lý đất đai."}""");
        issued.put("CONCLUSION_NOTICE", issue(caseId, "CONCLUSION_NOTICE", "2026-09-01"));
        app.http.post("/api/cases/" + caseId + "/hearing", """
                {"heardOn": "2026-09-05", "statement": "Tôi nhận khuyết điểm"}""");
        Http.Response decided = app.http.post("/api/cases/" + caseId + "/discipline-decisions", """
                {"decidedOn": "2026-09-10", "decidingCommitteeId": "%s", "decisionRef": "QĐ 20-QĐ/UBKTTU", "eligibleVoters": 11,
                 "ballot": {"REPRIMAND": 9, "NONE": 2}, "announcedOn": "2026-09-10", "effectiveOn": "2026-09-10"}"""
                .formatted(COMMISSION));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        issued.put("DISCIPLINE_DECISION", issue(caseId, "DISCIPLINE_DECISION", "2026-09-10"));
        issued.put("BALLOT_RECORD", issue(caseId, "BALLOT_RECORD", "2026-09-10"));
        assertThat(app.http.post("/api/cases/" + caseId + "/appeals", """
                {"filedOn": "2026-09-20", "decisionReceivedOn": "2026-09-12", "grounds": "Hình thức chưa phù hợp"}""").status())
                .isEqualTo(200);
        Http.Response resolved = app.http.post("/api/cases/" + caseId + "/appeal-resolutions", """
                {"resolvedOn": "2026-10-15", "resolvingCommitteeId": "%sUBKT-TW", "decisionRef": "QĐ 7-QĐ/UBKTTW", "result": "UPHELD"}"""
                .formatted(P));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        issued.put("APPEAL_DECISION", issue(caseId, "APPEAL_DECISION", "2026-10-15"));

        assertThat(issued.get("PLAN").get("number").asString()).isEqualTo("1-KH/UBKTTU");
        assertThat(issued.get("OPENING_DECISION").get("number").asString()).isEqualTo("1-QĐ/UBKTTU");
        assertThat(issued.get("EXPLANATION_REPORT").get("number").isNull()).isTrue();
        assertThat(issued.get("FINDINGS_REPORT").get("number").asString()).isEqualTo("1-BC/UBKTTU");
        assertThat(issued.get("CONCLUSION_NOTICE").get("number").asString()).isEqualTo("1-TB/UBKTTU");
        // the same body's second decision in the term: the QĐ sequence goes on
        assertThat(issued.get("DISCIPLINE_DECISION").get("number").asString()).isEqualTo("2-QĐ/UBKTTU");
        assertThat(issued.get("BALLOT_RECORD").get("number").asString()).isEqualTo("1-BB/UBKTTU");
        // another body, its own sequence
        assertThat(issued.get("APPEAL_DECISION").get("number").asString()).isEqualTo("1-QĐ/UBKTTW");

        // the number and date are events of the case, with the Căn cứ lines of the rulebook in force that day
        JsonNode opening = scenario.events(caseId).stream().filter(e -> e.type().equals("DocumentIssued"))
                .map(CaseworkScenario.StoredEvent::json)
                .filter(e -> e.get("kind").asString().equals("OPENING_DECISION")).findFirst().orElseThrow();
        assertThat(opening.get("issuedOn").asString()).isEqualTo("2026-08-06");
        assertThat(opening.get("rulebookVersion").asString()).isEqualTo("2026.1");
        assertThat(opening.get("bases").toString()).contains("Quy định số 21-QĐ/TW").contains("Điều lệ Đảng");
    }

    @Test
    @Order(2)
    @DisplayName("each document renders as PDF (text in place, fonts embedded, diacritics intact) and as DOCX from the "
            + "same model: header, number, place and date, type, Căn cứ, names, signature and recipients")
    void documentsRender() throws Exception {
        String opening = issued.get("OPENING_DECISION").get("documentId").asString();
        Http.Download pdf = app.http.download("/api/cases/" + caseId + "/documents/" + opening + "?minVersion=4",
                "Accept", "application/pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        String text = pdfText(pdf.body());
        assertThat(text).contains("TỈNH ỦY TUYÊN QUANG", "ỦY BAN KIỂM TRA", "Số 1-QĐ/UBKTTU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                "Tuyên Quang, ngày 06 tháng 8 năm 2026", "QUYẾT ĐỊNH",
                "Căn cứ Quy định số 21-QĐ/TW", "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
                "ỦY BAN KIỂM TRA TỈNH ỦY TUYÊN QUANG", "QUYẾT ĐỊNH:",
                "Điều 1.", "đồng chí Nguyễn Văn Đức, Trưởng thôn Cầu Trắng", "1. Đ/c Phạm Thị Thu Hà, Trưởng đoàn;",
                "2. Đ/c Đỗ Minh Khôi, Thành viên;", "từ ngày 27/07/2026 đến ngày 30/09/2026", "T/M ỦY BAN KIỂM TRA",
                "CHỦ NHIỆM", "Nơi nhận:", "- Như Điều 3,", "- Lưu VT, hồ sơ vụ việc.");
        // the Căn cứ lines come before Điều 1; the header blocks open the first page, the signature closes the last
        assertThat(text.indexOf("Căn cứ")).isLessThan(text.indexOf("Điều 1."));
        PdfReader pages = new PdfReader(pdf.body());
        assertThat(new PdfTextExtractor(pages).getTextFromPage(1)).contains("Số 1-QĐ/UBKTTU", "ĐẢNG CỘNG SẢN VIỆT NAM");
        assertThat(new PdfTextExtractor(pages).getTextFromPage(pages.getNumberOfPages())).contains("T/M ỦY BAN KIỂM TRA");
        assertThat(fontsNotEmbedded(pdf.body())).isEmpty();
        // kept for people to look at (docs/screenshots are rendered from these)
        Path samples = Files.createDirectories(Path.of("target", "casefile-samples"));
        Files.write(samples.resolve("opening-decision.pdf"), pdf.body());

        String decision = issued.get("DISCIPLINE_DECISION").get("documentId").asString();
        byte[] decisionPdf = app.http.download("/api/cases/" + caseId + "/documents/" + decision,
                "Accept", "application/pdf").body();
        Files.write(samples.resolve("discipline-decision.pdf"), decisionPdf);
        String decisionText = pdfText(decisionPdf);
        assertThat(decisionText).contains("Số 2-QĐ/UBKTTU", "ngày 10 tháng 9 năm 2026",
                "Căn cứ Quy định số 212-QĐ/TW", "hình thức KHIỂN TRÁCH", "đất đai");
        String appeal = issued.get("APPEAL_DECISION").get("documentId").asString();
        assertThat(pdfText(app.http.download("/api/cases/" + caseId + "/documents/" + appeal,
                "Accept", "application/pdf").body())).contains("Số 1-QĐ/UBKTTW", "ỦY BAN KIỂM TRA TRUNG ƯƠNG",
                "Hà Nội, ngày 15 tháng 10 năm 2026", "Điều 1. Giữ nguyên quyết định kỷ luật.");

        for (Map.Entry<String, JsonNode> document : issued.entrySet()) {
            Http.Download docx = app.http.download("/api/cases/" + caseId + "/documents/"
                    + document.getValue().get("documentId").asString(), "Accept", DOCX);
            assertThat(docx.status()).as(document.getKey()).isEqualTo(200);
            try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx.body()));
                 XWPFWordExtractor extractor = new XWPFWordExtractor(word)) {
                String words = extractor.getText();
                assertThat(words).as(document.getKey()).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận:", "Nguyễn Văn Đức");
                if (!document.getValue().get("number").isNull()) {
                    assertThat(words).contains("Số " + document.getValue().get("number").asString());
                }
                assertThat(word.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                        .filter(r -> r.text() != null && !r.text().isBlank()).map(r -> r.getFontFamily()).distinct())
                        .containsExactly("Times New Roman");
            }
            Http.Download printable = app.http.download("/api/cases/" + caseId + "/documents/"
                    + document.getValue().get("documentId").asString(), "Accept", "application/pdf");
            assertThat(fontsNotEmbedded(printable.body())).as(document.getKey()).isEmpty();
        }
    }

    @Test
    @Order(3)
    @DisplayName("evidence streams in with its SHA-256 recorded, comes back as uploaded, every download is a recorded read, "
            + "a byte flipped in storage is a 409, and an upload over the limit is a 413")
    void evidence() throws Exception {
        byte[] minutes = ("Biên bản làm việc với ông Lê Văn Tám ngày 24/8/2026 — " + "x".repeat(5000))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.Response added = app.http.upload("/api/cases/" + caseId + "/attachments", "Biên bản làm việc.txt",
                "text/plain; charset=UTF-8", minutes, "description", "Biên bản làm việc của Đoàn");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String attachmentId = added.json().get("attachmentId").asString();
        assertThat(added.json().get("sha256").asString()).isEqualTo(sha256(minutes));
        assertThat(added.json().get("size").asLong()).isEqualTo(minutes.length);
        assertThat(added.json().get("name").asString()).isEqualTo("Biên bản làm việc.txt");

        // the read model holds the attachment once it has the version the upload answered
        assertThat(app.http.get("/api/cases/" + caseId + "/file?minVersion=" + added.json().get("version").asLong())
                .status()).isEqualTo(200);
        Http.Download back = app.http.download("/api/cases/" + caseId + "/attachments/" + attachmentId);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(minutes);
        Http.Response audit = app.http.get("/api/audit/reads?caseId=" + caseId);
        assertThat(audit.body()).contains("attachments/" + attachmentId);

        // the signed decision uploaded back: the document is FINAL, its hash recorded
        String decision = issued.get("DISCIPLINE_DECISION").get("documentId").asString();
        byte[] signed = app.http.download("/api/cases/" + caseId + "/documents/" + decision, "Accept", "application/pdf").body();
        Http.Response finalized = app.http.upload("/api/cases/" + caseId + "/documents/" + decision + "/final",
                "QD-2-signed.pdf", "application/pdf", signed);
        assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
        assertThat(finalized.json().get("status").asString()).isEqualTo("FINAL");
        assertThat(finalized.json().get("sha256").asString()).isEqualTo(sha256(signed));
        long version = finalized.json().get("version").asLong();
        Http.Response index = app.http.get("/api/cases/" + caseId + "/file?minVersion=" + version);
        assertThat(index.status()).as(index.toString()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        for (JsonNode item : index.json()) {
            kinds.add(item.get("type").asString() + ":" + (item.get("kind").isNull() ? item.get("name").asString()
                    : item.get("kind").asString()));
            assertThat(item.get("position").asInt()).isEqualTo(kinds.size());
        }
        assertThat(kinds).containsExactly("DOCUMENT:PLAN", "DOCUMENT:OPENING_DECISION", "DOCUMENT:EXPLANATION_REPORT",
                "DOCUMENT:FINDINGS_REPORT", "DOCUMENT:CONCLUSION_NOTICE", "DOCUMENT:DISCIPLINE_DECISION",
                "DOCUMENT:BALLOT_RECORD", "DOCUMENT:APPEAL_DECISION", "ATTACHMENT:Biên bản làm việc.txt");
        JsonNode finalEntry = index.json().get(5);
        assertThat(finalEntry.get("status").asString()).isEqualTo("FINAL");
        assertThat(finalEntry.get("sha256").asString()).isEqualTo(sha256(signed));
        assertThat(app.http.download("/api/cases/" + caseId + "/documents/" + decision + "/final").body()).isEqualTo(signed);

        // the whole file as one PDF: the index lists every document and attachment, in order, then the items
        Http.Download whole = app.http.download("/api/cases/" + caseId + "/file", "Accept", "application/pdf");
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        // the index's cells wrap long titles and hashes: compared without white space
        String wholeText = pdfText(whole.body()).replaceAll("\\s+", "");
        assertThat(wholeText).contains(Stream.of("MỤC LỤC HỒ SƠ", "Kế hoạch kiểm tra số 1-KH/UBKTTU",
                "Quyết định kiểm tra số 1-QĐ/UBKTTU", "Báo cáo giải trình", "Báo cáo kết quả kiểm tra số 1-BC/UBKTTU",
                "Thông báo kết luận số 1-TB/UBKTTU", "Quyết định thi hành kỷ luật số 2-QĐ/UBKTTU",
                "Biên bản kiểm phiếu số 1-BB/UBKTTU", "Quyết định giải quyết khiếu nại kỷ luật số 1-QĐ/UBKTTW",
                "Biên bản làm việc.txt", sha256(minutes)).map(t -> t.replaceAll("\\s+", "")).toArray(String[]::new));
        int previous = -1;
        for (String title : List.of("Kế hoạch kiểm tra số", "Quyết định kiểm tra số", "Báo cáo giải trình",
                "Báo cáo kết quả kiểm tra số", "Thông báo kết luận số", "Quyết định thi hành kỷ luật số",
                "Biên bản kiểm phiếu số", "Quyết định giải quyết khiếu nại", "Biên bản làm việc.txt")) {
            String bare = title.replaceAll("\\s+", "");
            assertThat(wholeText.indexOf(bare)).as(title).isGreaterThan(previous);
            previous = wholeText.indexOf(bare);
        }
        assertThat(wholeText).contains("Điều2.ThànhlậpĐoànkiểmtra");
        assertThat(fontsNotEmbedded(whole.body())).isEmpty();

        // a byte flipped in storage: reported, never served
        String key = app.http.get("/api/cases/" + caseId).json().get("file").get(8).get("stored").get("storageKey").asString();
        Path object = store.resolve(key);
        object.toFile().setWritable(true);
        try (RandomAccessFile raw = new RandomAccessFile(object.toFile(), "rw")) {
            raw.seek(100);
            int b = raw.read();
            raw.seek(100);
            raw.write(b ^ 0x01);
        }
        Http.Download altered = app.http.download("/api/cases/" + caseId + "/attachments/" + attachmentId);
        assertThat(altered.status()).as(altered.toString()).isEqualTo(409);
        assertThat(altered.headers().get("content-type").get(0)).contains("application/problem+json");
        assertThat(altered.text()).contains("file-altered", sha256(minutes));
        assertThat(pdfText(app.http.download("/api/cases/" + caseId + "/file", "Accept", "application/pdf").body()))
                .contains("CẢNH BÁO");

        // over the limit (2 MB here): 413 problem+json, and nothing recorded
        long events = app.eventCount();
        byte[] large = new byte[2 * 1024 * 1024 + 300 * 1024];
        Http.Response tooLarge = app.http.upload("/api/cases/" + caseId + "/attachments", "large.bin",
                "application/octet-stream", large);
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("too-large");
        assertThat(app.eventCount()).isEqualTo(events);
        Http.Response noFile = app.http.post("/api/cases/" + caseId + "/attachments", "{}");
        assertThat(noFile.status()).as(noFile.toString()).isIn(400, 415);
    }

    @Test
    @Order(4)
    @DisplayName("50 documents issued at once by one body get 50 consecutive numbers, none twice")
    void numberingUnderConcurrency() {
        String q = "NR-";
        scenario.province(q);
        List<String> cases = IntStream.range(0, 10).mapToObj(i -> scenario.plan("INSPECTION_TASK_PERFORMANCE",
                q + "UBKT-TU", CaseDriver.organization(q + "DU-XA"), "Kiểm tra việc thực hiện nhiệm vụ " + i,
                "KH " + i, "2026-10-01", "2026-10-02", "2026-12-31")).toList();
        Map<Integer, String> numbers = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<String> answers = CaseDriver.inParallel(IntStream.range(0, 50).boxed().toList(), i -> {
            Http.Response response = app.http.post("/api/cases/" + cases.get(i % 10) + "/documents", """
                    {"kind": "PLAN", "issuedOn": "2026-10-01"}""");
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            String number = response.json().get("number").asString();
            numbers.put(i, number);
            return number;
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("numbering race: 50 concurrent issues in %d ms%n", millis);
        assertThat(answers).hasSize(50).doesNotHaveDuplicates();
        assertThat(answers.stream().map(n -> Integer.parseInt(n.substring(0, n.indexOf('-')))).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(answers).allMatch(n -> n.endsWith("-KH/UBKTTU"));
    }

    @Test
    @Order(5)
    @DisplayName("a file added to a complaint may reveal its sender: kept like the identity unless staff say it does not")
    void complaintAttachments() throws Exception {
        Http.Response letter = app.http.post("/api/complaints", """
                {"committeeId": "%s", "receivedOn": "2026-10-01", "anonymous": false,
                 "denouncer": {"name": "Trần Thị Bình", "address": "Sơn Dương", "phone": "0912345678"},
                 "accused": {"type": "MEMBER", "memberId": "CF-0099", "fullName": "Hoàng Văn Nam", "membership": "OFFICIAL",
                             "organizationId": "%sCB-THON", "committeeMemberOf": [], "posts": []},
                 "content": "Tố cáo việc sử dụng đất công sai mục đích"}""".formatted(COMMISSION, P));
        assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
        String complaintId = letter.json().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> app.http.get("/api/complaints/" + complaintId).status() == 200);
        byte[] scan = "Đơn tố cáo — Trần Thị Bình, Sơn Dương".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.Response kept = app.http.upload("/api/complaints/" + complaintId + "/attachments", "Don cua Tran Thi Binh.pdf",
                "application/pdf", scan, "description", "Đơn của bà Bình");
        assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
        assertThat(kept.json().get("revealsDenouncer").asBoolean()).isTrue();
        Http.Response open = app.http.upload("/api/complaints/" + complaintId + "/attachments", "so-do-thua-dat.txt",
                "text/plain", "Sơ đồ thửa đất".getBytes(java.nio.charset.StandardCharsets.UTF_8), "revealsDenouncer", "false");
        assertThat(open.status()).as(open.toString()).isEqualTo(201);

        Http.Response list = app.http.get("/api/complaints/" + complaintId + "/attachments");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("Binh", "Bình").contains("tep-dinh-kem.pdf", "so-do-thua-dat.txt");
        assertThat(scenario.events(complaintId).toString()).doesNotContain("Binh", "Bình");
        assertThat(app.http.download("/api/complaints/" + complaintId + "/attachments/"
                + kept.json().get("attachmentId").asString()).status()).isEqualTo(403);
        assertThat(app.http.download("/api/complaints/" + complaintId + "/attachments/"
                + open.json().get("attachmentId").asString()).status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    @DisplayName("outside the jurisdiction the case file does not exist: 404 to reads and uploads alike")
    void outside() {
        scenario.province("OUT-");
        Http other = app.user("cf-outsider", "OUT-UBKT-TU", null, "STAFF", "AUDITOR");
        await().atMost(Duration.ofSeconds(20)).until(() -> other.get("/api/me").status() == 200);
        assertThat(other.get("/api/cases/" + caseId + "/file").status()).isEqualTo(404);
        String attachment = app.http.get("/api/cases/" + caseId + "/file").json().get(8).get("id").asString();
        assertThat(other.download("/api/cases/" + caseId + "/attachments/" + attachment).status()).isEqualTo(404);
        assertThat(other.upload("/api/cases/" + caseId + "/attachments", "x.txt", "text/plain", new byte[] {1}).status())
                .isEqualTo(404);
        assertThat(other.post("/api/cases/" + caseId + "/documents", "{\"kind\": \"PLAN\"}").status()).isEqualTo(404);
    }

    @Test
    @Order(7)
    @DisplayName("an upload sent again with its Idempotency-Key answers the first answer and records nothing; the same "
            + "key with another file or other fields is 422")
    void uploadIdempotency() throws Exception {
        String id = scenario.plan("INSPECTION_FINANCE", COMMISSION, CaseDriver.organization(P + "DU-XA"),
                "Kiểm tra tài chính đảng năm 2026", "KH 7", "2026-10-01", "2026-10-02", "2026-12-31");
        byte[] receipt = "Biên lai thu đảng phí tháng 9/2026".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String[] key = {"Idempotency-Key", "bien-lai-dang-phi-9"};
        String path = "/api/cases/" + id + "/attachments";
        Http.Response first = app.http.uploadWith(key, path, "bien-lai.txt", "text/plain", receipt,
                "description", "Biên lai đảng phí");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long events = app.eventCount();

        Http.Response again = app.http.uploadWith(key, path, "bien-lai.txt", "text/plain", receipt,
                "description", "Biên lai đảng phí");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.json().get("attachmentId").asString()).isEqualTo(first.json().get("attachmentId").asString());
        assertThat(again.json().get("sha256").asString()).isEqualTo(sha256(receipt));
        assertThat(app.eventCount()).isEqualTo(events);

        byte[] other = "Biên lai thu đảng phí tháng 10/2026".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.Response otherFile = app.http.uploadWith(key, path, "bien-lai.txt", "text/plain", other,
                "description", "Biên lai đảng phí");
        assertThat(otherFile.status()).as(otherFile.toString()).isEqualTo(422);
        assertThat(otherFile.body()).contains("idempotency-key-reused");
        Http.Response otherField = app.http.uploadWith(key, path, "bien-lai.txt", "text/plain", receipt,
                "description", "Biên lai đảng phí (bản chụp lại)");
        assertThat(otherField.status()).as(otherField.toString()).isEqualTo(422);
        assertThat(app.eventCount()).isEqualTo(events);

        // a signed final is an upload too: the key holds there as well
        String plan = issue(id, "PLAN", "2026-10-01").get("documentId").asString();
        String[] finalKey = {"Idempotency-Key", "ke-hoach-da-ky-7"};
        byte[] signed = "%PDF-1.4 bản đã ký".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.Response signedFirst = app.http.uploadWith(finalKey, "/api/cases/" + id + "/documents/" + plan + "/final",
                "ke-hoach-da-ky.pdf", "application/pdf", signed);
        assertThat(signedFirst.status()).as(signedFirst.toString()).isEqualTo(200);
        long afterFinal = app.eventCount();
        Http.Response signedAgain = app.http.uploadWith(finalKey, "/api/cases/" + id + "/documents/" + plan + "/final",
                "ke-hoach-da-ky.pdf", "application/pdf", signed);
        assertThat(signedAgain.status()).isEqualTo(200);
        assertThat(signedAgain.json().get("version").asLong()).isEqualTo(signedFirst.json().get("version").asLong());
        assertThat(app.eventCount()).isEqualTo(afterFinal);
        // the same key on another path is another request
        assertThat(app.http.uploadWith(finalKey, path, "ke-hoach-da-ky.pdf", "application/pdf", signed).status())
                .isEqualTo(422);
    }
}
