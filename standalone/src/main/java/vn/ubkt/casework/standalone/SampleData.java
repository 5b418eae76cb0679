package vn.ubkt.casework.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.access.Role;
import vn.ubkt.casework.access.UserAccounts;

/**
 * A first look for a newcomer ({@code --casework.sample-data=true}, never on by default): a province with a district,
 * its communes and cells, the 2025 reform (the communes moved under the province, the district dissolved into it),
 * the 40 disciplines of seed 000 (Sơn Dương, 2019: khiển trách 32, cảnh cáo 6, cách chức 2) and 2026 cases in every
 * status, with letters. Everything is entered through the product's own HTTP API by a user made for the purpose and
 * disabled afterwards, so the history is an honest one. Only into an empty tree.
 */
@Component
@ConditionalOnProperty(name = "casework.sample-data", havingValue = "true")
class SampleData {

    private static final Logger log = LoggerFactory.getLogger(SampleData.class);
    static final String LOADER = "du-lieu-mau";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] FAMILIES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
    private static final String[] MIDDLES = {"Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Hữu", "Ngọc"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Lan",
            "Long", "Mai", "Nam", "Oanh", "Phúc", "Quân", "Sơn", "Thắng", "Tâm", "Yến", "Khánh", "Lộc", "Nga"};

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;
    private String authorization;
    private int people;
    private int references;

    SampleData(JdbcClient jdbc, UserAccounts users, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.users = users;
        this.encoder = encoder;
    }

    @EventListener
    @Order(0)
    void load(ApplicationReadyEvent event) {
        if (jdbc.sql("select count(*) from cmd_committee").query(Long.class).single() > 0) {
            log.info("Sample data not loaded: the tree is not empty");
            return;
        }
        base = "http://localhost:" + event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        users.create(LOADER, "Nạp dữ liệu mẫu", encoder.encode(password), EnumSet.of(Role.ADMIN, Role.STAFF), "TW", null,
                false);
        authorization = "Basic " + Base64.getEncoder().encodeToString((LOADER + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            tree();
            sonDuong2019();
            reform();
            cases2026();
            log.info("Sample data loaded: Tuyên Quang, Sơn Dương 2019 (seed 000) and 2026 cases in every status");
        } finally {
            users.update(LOADER, null, null, null, null, false, false);
        }
    }

    // ---------------------------------------------------------------- the tree

    private void committee(String id, String name, String kind, String level, String parent, int voting, String extra) {
        post("/api/committees", """
                {"id": "%s", "name": "%s", "kind": "%s", "level": "%s"%s, "votingMembers": %d%s}""".formatted(id, name, kind,
                level, parent == null ? "" : ", \"parentId\": \"" + parent + "\"", voting, extra == null ? "" : ", " + extra));
    }

    private void tree() {
        committee("TW", "Ban Chấp hành Trung ương Đảng", "CENTRAL_COMMITTEE", "CENTRAL", null, 180, null);
        committee("UBKT-TW", "Ủy ban Kiểm tra Trung ương", "INSPECTION_COMMISSION", "CENTRAL", "TW", 19, null);
        committee("TU-TQ", "Tỉnh ủy Tuyên Quang", "PARTY_COMMITTEE", "PROVINCIAL", "TW", 53,
                "\"partyMembers\": 8100, \"cells\": 6");
        committee("BTV-TU-TQ", "Ban Thường vụ Tỉnh ủy Tuyên Quang", "STANDING_COMMITTEE", "PROVINCIAL", "TU-TQ", 15, null);
        committee("UBKT-TU-TQ", "Ủy ban Kiểm tra Tỉnh ủy Tuyên Quang", "INSPECTION_COMMISSION", "PROVINCIAL", "TU-TQ", 11, null);
        committee("HU-SD", "Huyện ủy Sơn Dương", "PARTY_COMMITTEE", "DISTRICT", "TU-TQ", 37, null);
        committee("BTV-HU-SD", "Ban Thường vụ Huyện ủy Sơn Dương", "STANDING_COMMITTEE", "DISTRICT", "HU-SD", 11, null);
        committee("UBKT-HU-SD", "Ủy ban Kiểm tra Huyện ủy Sơn Dương", "INSPECTION_COMMISSION", "DISTRICT", "HU-SD", 9, null);
        committee("DU-SON-NAM", "Đảng ủy xã Sơn Nam", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "HU-SD", 15, null);
        committee("DU-HOP-THANH", "Đảng ủy xã Hợp Thành", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "HU-SD", 13, null);
        committee("CB-KHUON-PHAY", "Chi bộ thôn Khuôn Phày", "CELL", "CELL", "DU-SON-NAM", 27, null);
        committee("CB-CAU-KHOAI", "Chi bộ thôn Cầu Khoai", "CELL", "CELL", "DU-SON-NAM", 21, null);
        committee("CB-THANH-PHU", "Chi bộ thôn Thanh Phú", "CELL", "CELL", "DU-HOP-THANH", 19, null);
    }

    /** 2025-07-01: no more district level; the communes hang under the province, the district is dissolved into it. */
    private void reform() {
        for (String commune : List.of("DU-SON-NAM", "DU-HOP-THANH")) {
            post("/api/committees/" + commune + "/move", """
                    {"movedOn": "2025-07-01", "parentId": "TU-TQ"}""");
        }
        for (String[] pair : List.of(new String[] {"UBKT-HU-SD", "UBKT-TU-TQ"}, new String[] {"BTV-HU-SD", "BTV-TU-TQ"},
                new String[] {"HU-SD", "TU-TQ"})) {
            post("/api/committees/" + pair[0] + "/dissolve", """
                    {"dissolvedOn": "2025-07-01", "successorId": "%s", "reason": "Kết thúc hoạt động cấp huyện (2025)"}"""
                    .formatted(pair[1]));
        }
    }

    // ---------------------------------------------------------------- people and steps

    private String[] person() {
        int n = people++;
        return new String[] {String.valueOf(57030000 + n),
                FAMILIES[n % FAMILIES.length] + " " + MIDDLES[(n / 3) % MIDDLES.length] + " " + GIVEN[n % GIVEN.length]};
    }

    private String member(String organizationId) {
        String[] person = person();
        return """
                {"type": "MEMBER", "memberId": "%s", "fullName": "%s", "membership": "OFFICIAL", "organizationId": "%s",
                 "committeeMemberOf": [], "posts": []}""".formatted(person[0], person[1], organizationId);
    }

    private String cadre(String organizationId, String committee, String post) {
        String[] person = person();
        return """
                {"type": "MEMBER", "memberId": "%s", "fullName": "%s", "membership": "OFFICIAL", "organizationId": "%s",
                 "committeeMemberOf": ["%s"], "posts": ["%s"]}""".formatted(person[0], person[1], organizationId, committee, post);
    }

    private String plan(String type, String committee, String subject, String content, LocalDate plannedOn) {
        int n = ++references;
        return id(post("/api/cases", """
                {"type": "%s", "committeeId": "%s", "subject": %s, "content": "%s", "planRef": "KH %d-KH/KT",
                 "plannedOn": "%s", "plannedFrom": "%s", "plannedTo": "%s"}""".formatted(type, committee, subject, content, n,
                plannedOn, plannedOn, plannedOn.plusMonths(3))));
    }

    private void open(String caseId, LocalDate on) {
        step(caseId, "open", """
                {"openedOn": "%s", "decisionRef": "QĐ %d-QĐ/KT",
                 "team": [{"memberId": "KT-0101", "fullName": "Phạm Thị Thu Hà"}, {"memberId": "KT-0102", "fullName": "Đỗ Minh Khôi"}],
                 "leadMemberId": "KT-0101"}""".formatted(on, ++references));
    }

    private void concludeViolation(String caseId, LocalDate on, String... categories) {
        step(caseId, "conclude", """
                {"concludedOn": "%s", "conclusionRef": "Thông báo kết luận số %d-TB/KT", "outcome": "VIOLATION",
                 "violationCategories": [%s], "violationFrom": "%s", "violationTo": "%s", "disciplineWarranted": true,
                 "summary": "Vi phạm, đến mức phải xem xét thi hành kỷ luật"}""".formatted(on, ++references,
                String.join(", ", java.util.Arrays.stream(categories).map(c -> "\"" + c + "\"").toList()),
                on.minusYears(1), on.minusMonths(1)));
    }

    private void hear(String caseId, LocalDate on) {
        step(caseId, "hearing", """
                {"heardOn": "%s", "statement": "Tôi nhận khuyết điểm, vi phạm và nghiêm túc kiểm điểm"}""".formatted(on));
    }

    /** Announced and in effect on the day it is signed (R-EFFECT from rulebook 2026.1). */
    private void decide(String caseId, LocalDate on, String body, int voters, String form) {
        step(caseId, "discipline-decisions", """
                {"decidedOn": "%s", "decidingCommitteeId": "%s", "decisionRef": "QĐ %d-QĐ/KL", "eligibleVoters": %d,
                 "ballot": {"%s": %d, "NONE": 1}, "announcedOn": "%s", "effectiveOn": "%s"}""".formatted(on, body,
                ++references, voters, form, voters - 1, on, on));
    }

    /** A case planned and opened by the deciding body, concluded, heard and decided: five calls. */
    private String discipline(String body, int voters, String subject, String form, LocalDate decidedOn, String... categories) {
        String caseId = plan("INSPECTION_SIGNS_OF_VIOLATION", body, subject, "Kiểm tra khi có dấu hiệu vi phạm",
                decidedOn.minusDays(47));
        open(caseId, decidedOn.minusDays(40));
        concludeViolation(caseId, decidedOn.minusDays(6), categories);
        hear(caseId, decidedOn.minusDays(3));
        decide(caseId, decidedOn, body, voters, form);
        return caseId;
    }

    /** Seed 000: in 2019 the bodies of Huyện ủy Sơn Dương disciplined 40 members (khiển trách 32, cảnh cáo 6, cách chức 2). */
    private void sonDuong2019() {
        LocalDate first = LocalDate.parse("2019-02-20");
        int n = 0;
        String[] cells = {"CB-KHUON-PHAY", "CB-CAU-KHOAI", "CB-THANH-PHU"};
        int[] voters = {27, 21, 19};
        int[] reprimands = {7, 7, 6};
        for (int c = 0; c < cells.length; c++) {
            for (int i = 0; i < reprimands[c]; i++) {
                discipline(cells[c], voters[c], member(cells[c]), "REPRIMAND", first.plusWeeks(n++), "POPULATION_POLICY");
            }
        }
        for (int i = 0; i < 6; i++) {
            discipline("DU-SON-NAM", 15, member(i % 2 == 0 ? "CB-KHUON-PHAY" : "CB-CAU-KHOAI"), "REPRIMAND",
                    first.plusWeeks(n++), "LAX_LEADERSHIP");
            discipline("DU-HOP-THANH", 13, member("CB-THANH-PHU"), "REPRIMAND", first.plusWeeks(n++), "LAX_LEADERSHIP");
        }
        for (int i = 0; i < 6; i++) {
            discipline("UBKT-HU-SD", 9, member(cells[i % 3]), "WARNING", first.plusWeeks(n++), "LAX_LEADERSHIP",
                    "LAND_AND_RESOURCES");
        }
        discipline("BTV-HU-SD", 11, cadre("CB-CAU-KHOAI", "DU-SON-NAM", "Phó Chủ tịch UBND xã"), "DISMISSAL",
                first.plusWeeks(n++), "LAND_AND_RESOURCES", "LAX_LEADERSHIP");
        discipline("BTV-HU-SD", 11, cadre("CB-THANH-PHU", "DU-HOP-THANH", "Phó Chủ tịch UBND xã"), "DISMISSAL",
                first.plusWeeks(n), "LAND_AND_RESOURCES", "LAX_LEADERSHIP");
    }

    /** 2026: the provincial commission's cases, one in every status, and letters. */
    private void cases2026() {
        String commission = "UBKT-TU-TQ";
        LocalDate start = LocalDate.parse("2026-02-02");
        plan("INSPECTION_TASK_PERFORMANCE", commission, member("CB-THANH-PHU"), "Kiểm tra việc thực hiện nhiệm vụ đảng viên",
                start.plusMonths(8));
        String open = plan("INSPECTION_FINANCE", commission, "{\"type\": \"ORGANIZATION\", \"organizationId\": \"DU-HOP-THANH\"}",
                "Kiểm tra tài chính đảng năm 2025", start);
        open(open, start.plusDays(7));
        String shortcoming = plan("SUPERVISION_THEMATIC", commission, member("CB-KHUON-PHAY"),
                "Giám sát chuyên đề việc thực hiện quy định nêu gương", start);
        open(shortcoming, start.plusDays(7));
        step(shortcoming, "conclude", """
                {"concludedOn": "%s", "conclusionRef": "Thông báo số 5-TB/UBKTTU", "outcome": "SHORTCOMING",
                 "violationCategories": [], "disciplineWarranted": false, "summary": "Có khuyết điểm, cần rút kinh nghiệm"}"""
                .formatted(start.plusDays(40)));
        String proposed = plan("INSPECTION_SIGNS_OF_VIOLATION", commission,
                cadre("CB-CAU-KHOAI", "DU-SON-NAM", "Bí thư Đảng ủy xã"), "Kiểm tra khi có dấu hiệu vi phạm", start);
        open(proposed, start.plusDays(7));
        concludeViolation(proposed, start.plusDays(50), "LAND_AND_RESOURCES");
        hear(proposed, start.plusDays(55));
        step(proposed, "discipline-proposals", """
                {"proposedOn": "%s", "form": "WARNING", "proposingCommitteeId": "%s", "toCommitteeId": "BTV-TU-TQ",
                 "reasons": "Vi phạm quy định về quản lý đất đai"}""".formatted(start.plusDays(60), commission));
        String decided = discipline(commission, 11, member("CB-KHUON-PHAY"), "REPRIMAND", start.plusDays(70),
                "FORBIDDEN_CONDUCT");
        String appealed = discipline(commission, 11, member("CB-CAU-KHOAI"), "WARNING", start.plusDays(75),
                "FORBIDDEN_CONDUCT");
        step(appealed, "appeals", """
                {"filedOn": "%s", "decisionReceivedOn": "%s", "grounds": "Hình thức kỷ luật chưa tương xứng"}"""
                .formatted(start.plusDays(85), start.plusDays(77)));
        String closed = discipline(commission, 11, member("CB-THANH-PHU"), "REPRIMAND", start.plusDays(30),
                "POPULATION_POLICY");
        step(closed, "close", "{\"closedOn\": \"%s\"}".formatted(start.plusDays(90)));
        String withdrawn = plan("INSPECTION_SIGNS_OF_VIOLATION", commission, member("CB-KHUON-PHAY"),
                "Kiểm tra khi có dấu hiệu vi phạm", start);
        step(withdrawn, "withdraw", """
                {"withdrawnOn": "%s", "reason": "Đảng viên đã chuyển sinh hoạt đảng"}""".formatted(start.plusDays(5)));
        String escalated = plan("SUPERVISION_THEMATIC", commission, member("CB-CAU-KHOAI"),
                "Giám sát chuyên đề việc kê khai tài sản, thu nhập", start);
        open(escalated, start.plusDays(7));
        step(escalated, "conclude", """
                {"concludedOn": "%s", "conclusionRef": "Thông báo số 9-TB/UBKTTU", "outcome": "SIGNS_OF_VIOLATION",
                 "violationCategories": ["FINANCE_AND_ASSETS"], "disciplineWarranted": false,
                 "summary": "Có dấu hiệu vi phạm trong kê khai tài sản", "escalation": {"planRef": "KH 10-KH/UBKTTU",
                 "plannedFrom": "%s", "plannedTo": "%s"}}""".formatted(start.plusDays(30), start.plusDays(35),
                start.plusDays(95)));
        // letters: one accepted into a denunciation case, one anonymous and dismissed
        String letter = id(post("/api/complaints", """
                {"committeeId": "%s", "receivedOn": "%s", "anonymous": false,
                 "denouncer": {"name": "Người tố cáo mẫu", "address": "Thôn mẫu", "phone": "0000000000"},
                 "accused": %s, "content": "Tố cáo đảng viên lấn chiếm đất công của thôn"}""".formatted(commission,
                start.plusDays(20), member("CB-KHUON-PHAY"))));
        caseOf(post("/api/complaints/" + letter + "/accept", """
                {"acceptedOn": "%s", "planRef": "KH 11-KH/UBKTTU", "plannedFrom": "%s", "plannedTo": "%s"}"""
                .formatted(start.plusDays(25), start.plusDays(30), start.plusDays(120))));
        String anonymous = id(post("/api/complaints", """
                {"committeeId": "%s", "receivedOn": "%s", "anonymous": true, "accused": %s,
                 "content": "Đơn nặc danh, không rõ nội dung cụ thể"}""".formatted(commission, start.plusDays(22),
                member("CB-THANH-PHU"))));
        post("/api/complaints/" + anonymous + "/dismiss", """
                {"dismissedOn": "%s", "reason": "ANONYMOUS"}""".formatted(start.plusDays(26)));
        log.debug("2026 sample cases: {} {} {}", decided, open, escalated);
    }

    // ---------------------------------------------------------------- HTTP

    private void step(String caseId, String step, String body) {
        post("/api/cases/" + caseId + "/" + step, body);
    }

    private static String id(String answer) {
        Matcher matcher = ID.matcher(answer);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + answer);
        }
        return matcher.group(1);
    }

    private static String caseOf(String answer) {
        Matcher matcher = CASE_ID.matcher(answer);
        return matcher.find() ? matcher.group(1) : null;
    }

    private String post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("sample data: " + path + " answered " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("sample data: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
