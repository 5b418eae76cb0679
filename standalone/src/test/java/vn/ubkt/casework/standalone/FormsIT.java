package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The statistical forms (issue 13) over the seeds' cases entered through the API: the figures in the right cells,
 * the workbook read back with Apache POI cell by cell against the JSON and against the statistics API, the cases
 * behind a cell, the checks, the facts added for the forms, and locking a period.
 */
@DisplayName("Statistical forms: seeds in the right cells, the workbook cell by cell, drill-down, checks and locks")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private RunningApp app;
    private CaseDriver driver;
    private SeedCases.Entered sonDuong;
    private SeedCases.Entered dangUyKhoi;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        driver = new CaseDriver(new CaseworkScenario(app));
        SeedCases seeds = new SeedCases(driver);
        sonDuong = seeds.sonDuong2019();
        dangUyKhoi = seeds.dangUyKhoi();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private JsonNode forms(Http http, String committee, String period, String query) {
        Http.Response response = http.get("/api/committees/" + committee + "/forms?period=" + period + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode form(JsonNode answer, String code) {
        for (JsonNode form : answer.get("forms")) {
            if (form.get("code").asString().equals(code)) {
                return form;
            }
        }
        throw new AssertionError("no form " + code + " in " + answer);
    }

    /** The number of the column whose header path is exactly this. */
    private static int col(JsonNode form, String... header) {
        for (JsonNode column : form.get("columns")) {
            List<String> path = new ArrayList<>();
            column.get("header").forEach(h -> path.add(h.asString()));
            if (path.equals(List.of(header))) {
                return column.get("n").asInt();
            }
        }
        throw new AssertionError("form " + form.get("code") + " has no column " + List.of(header));
    }

    /** A cell's figure; null for a column the product does not fill. */
    private static Long cell(JsonNode form, String row, int column) {
        for (JsonNode r : form.get("rows")) {
            if (r.get("key").asString().equals(row)) {
                JsonNode value = r.get("cells").get(String.valueOf(column));
                return value == null || value.isNull() ? null : value.asLong();
            }
        }
        throw new AssertionError("no row " + row);
    }

    private static long whole(JsonNode form, String... header) {
        return cell(form, "I", col(form, header));
    }

    @Test
    @DisplayName("GET /api/forms: the 357-era definitions in force, each column with its header path; unfilled columns say why")
    void definitions() {
        Http.Response response = app.http.get("/api/forms");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode forms = response.json();
        List<String> codes = new ArrayList<>();
        forms.forEach(f -> codes.add(f.get("code").asString()));
        assertThat(codes).containsExactly("1", "2", "5", "6", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "21");
        JsonNode eleven = forms.get(6);
        assertThat(eleven.get("title").asString()).isEqualTo("THI HÀNH KỶ LUẬT ĐẢNG VIÊN CỦA CẤP ỦY, TỔ CHỨC ĐẢNG");
        assertThat(eleven.get("version").asString()).isEqualTo("357.2016.1");
        assertThat(eleven.get("columns").get(1).get("header").toString()).isEqualTo("[\"Hình thức kỷ luật\",\"Khiển trách\"]");
        assertThat(eleven.get("columns").get(1).get("of").asInt()).isEqualTo(1);
        boolean marked = false;
        for (JsonNode column : eleven.get("columns")) {
            marked |= column.get("notKept") != null && !column.get("notKept").isNull();
        }
        assertThat(marked).as("form 11 has columns the record cannot fill, each saying why").isTrue();
        assertThat(app.http.get("/v3/api-docs").body()).contains("/api/forms", "/api/committees/{id}/forms",
                "/api/committees/{id}/forms/{code}/cells/{row}/{column}/cases", "/api/committees/{id}/forms/locks");
    }

    @Test
    @DisplayName("seed 000: Sơn Dương's 40 disciplined members of 2019 split between form 11 (committees and cells: 34) "
            + "and form 13 (its commission: 6), by form, deciding level and content")
    void sonDuongInTheMemberDisciplineForms() {
        JsonNode answer = forms(app.http, "S0-HU", "Y:2019", "&forms=11,13");
        assertThat(answer.get("periodLabel").asString()).isEqualTo("Năm 2019");
        assertThat(answer.get("from").asString()).isEqualTo("2019-01-01");
        assertThat(answer.get("to").asString()).isEqualTo("2019-12-31");
        JsonNode committees = form(answer, "11");
        JsonNode commissions = form(answer, "13");
        assertThat(whole(committees, "Tổng số")).isEqualTo(34);
        assertThat(whole(commissions, "Tổng số")).isEqualTo(6);
        // the seed's figures: 40 = 32 reprimands + 6 warnings + 2 dismissals
        assertThat(whole(committees, "Tổng số") + whole(commissions, "Tổng số")).isEqualTo(40);
        assertThat(whole(committees, "Hình thức kỷ luật", "Khiển trách") + whole(commissions, "Hình thức kỷ luật", "Khiển trách")).isEqualTo(32);
        assertThat(whole(committees, "Hình thức kỷ luật", "Cảnh cáo") + whole(commissions, "Hình thức kỷ luật", "Cảnh cáo")).isEqualTo(6);
        assertThat(whole(committees, "Hình thức kỷ luật", "Cách chức") + whole(commissions, "Hình thức kỷ luật", "Cách chức")).isEqualTo(2);
        assertThat(whole(committees, "Hình thức kỷ luật", "Khai trừ")).isZero();
        assertThat(whole(commissions, "Hình thức kỷ luật", "Cảnh cáo")).isEqualTo(6);
        // deciding levels: the cells 20, the commune committees 12, the district standing committee 2; the commission 6
        assertThat(whole(committees, "Cấp quyết định kỷ luật", "Chi bộ")).isEqualTo(20);
        assertThat(whole(committees, "Cấp quyết định kỷ luật", "Cấp cơ sở")).isEqualTo(12);
        assertThat(whole(committees, "Cấp quyết định kỷ luật", "Cấp huyện")).isEqualTo(2);
        assertThat(whole(committees, "Cấp quyết định kỷ luật", "Cấp tỉnh")).isZero();
        assertThat(whole(commissions, "Cấp quyết định kỷ luật", "Ủy ban kiểm tra cấp huyện")).isEqualTo(6);
        // content: population policy 20 (the cells), lax leadership 12 + 2 and 6, land 2 and 6
        assertThat(whole(committees, "Nội dung vi phạm", "Chính sách dân số - KHHGĐ")).isEqualTo(20);
        assertThat(whole(committees, "Nội dung vi phạm", "Thiếu trách nhiệm, buông lỏng lãnh đạo, quản lý")).isEqualTo(14);
        assertThat(whole(commissions, "Nội dung vi phạm", "Thiếu trách nhiệm, buông lỏng lãnh đạo, quản lý")).isEqualTo(6);
        assertThat(whole(committees, "Nội dung vi phạm", "Quản lý, sử dụng đất đai, tài nguyên")).isEqualTo(2);
        assertThat(whole(commissions, "Nội dung vi phạm", "Quản lý, sử dụng đất đai, tài nguyên")).isEqualTo(6);
        // the two dismissed sit on their commune's committee: counted in the committee members' rows
        assertThat(cell(committees, "I.1", 1)).isEqualTo(2);
        assertThat(cell(committees, "I.4", 1)).isEqualTo(2);
        assertThat(cell(committees, "I.1", col(committees, "Hình thức kỷ luật", "Cách chức"))).isEqualTo(2);
        // what the record does not hold is empty, not zero
        assertThat(cell(committees, "I", col(committees, "Nội dung vi phạm", "Đoàn kết nội bộ"))).isNull();
        assertThat(cell(committees, "I", col(committees, "Xử lý pháp luật", "Tổng số"))).isZero();
        // nothing in the years around
        assertThat(whole(form(forms(app.http, "S0-HU", "Y:2018", "&forms=11"), "11"), "Tổng số")).isZero();
        // the first half and 9 months run from January
        long h1 = whole(form(forms(app.http, "S0-HU", "H1:2019", "&forms=11"), "11"), "Tổng số");
        long nine = whole(form(forms(app.http, "S0-HU", "9M:2019", "&forms=11"), "11"), "Tổng số");
        long march = whole(form(forms(app.http, "S0-HU", "M:2019-03", "&forms=11"), "11"), "Tổng số");
        long q1 = whole(form(forms(app.http, "S0-HU", "Q1:2019", "&forms=11"), "11"), "Tổng số");
        assertThat(h1).isPositive().isLessThanOrEqualTo(nine);
        assertThat(nine).isLessThanOrEqualTo(34);
        assertThat(march).isPositive().isLessThanOrEqualTo(q1);
        assertThat(q1).isLessThanOrEqualTo(h1);
        // every check holds: of-which columns and rows, the forms against the statistics' totals
        assertThat(answer.get("consistent").asBoolean()).as(answer.get("checks").toString()).isTrue();
        List<String> across = new ArrayList<>();
        answer.get("checks").forEach(c -> {
            if (c.get("kind").asString().equals("ACROSS_FORMS")) {
                across.add(c.get("name").asString() + "=" + c.get("value").asLong() + "/" + c.get("limit").asLong());
            }
        });
        assertThat(across).contains("Kỷ luật đảng viên: biểu 11 + biểu 13 ≤ tổng số đảng viên bị kỷ luật=40/40");
    }

    @Test
    @DisplayName("seed 001: the Khối's members disciplined by five kinds of body, by the subject's organization, "
            + "in the deciding-level columns of forms 11 and 13 over the term")
    void dangUyKhoiByDecidingLevel() {
        JsonNode answer = forms(app.http, "S1-DUK", "TERM:2020-2025", "&perspective=SUBJECT&forms=11,13,12");
        JsonNode committees = form(answer, "11");
        JsonNode commissions = form(answer, "13");
        assertThat(whole(committees, "Tổng số")).isEqualTo(17);
        assertThat(whole(committees, "Cấp quyết định kỷ luật", "Cấp tỉnh")).isEqualTo(1);
        assertThat(whole(committees, "Cấp quyết định kỷ luật", "Cấp huyện")).isEqualTo(1);
        assertThat(whole(committees, "Cấp quyết định kỷ luật", "Cấp cơ sở")).isEqualTo(13);
        assertThat(whole(committees, "Cấp quyết định kỷ luật", "Chi bộ")).isEqualTo(2);
        assertThat(whole(committees, "Hình thức kỷ luật", "Cách chức")).isEqualTo(1);
        assertThat(whole(commissions, "Tổng số")).isEqualTo(23);
        assertThat(whole(commissions, "Cấp quyết định kỷ luật", "Ủy ban kiểm tra cấp tỉnh")).isEqualTo(16);
        assertThat(whole(commissions, "Cấp quyết định kỷ luật", "Ủy ban kiểm tra cấp huyện")).isEqualTo(7);
        assertThat(whole(commissions, "Hình thức kỷ luật", "Khai trừ")).isEqualTo(4);
        assertThat(whole(committees, "Tổng số") + whole(commissions, "Tổng số")).isEqualTo(40);
        JsonNode organizations = form(answer, "12");
        assertThat(whole(organizations, "Tổng số")).isEqualTo(1);
        assertThat(whole(organizations, "Hình thức kỷ luật", "Cảnh cáo")).isEqualTo(1);
        assertThat(whole(organizations, "Cấp quyết định kỷ luật", "Ủy ban kiểm tra")).isEqualTo(1);
        assertThat(cell(organizations, "I.3", 1)).as("a grassroots committee").isEqualTo(1);
        assertThat(answer.get("consistent").asBoolean()).as(answer.get("checks").toString()).isTrue();
        // by the acting body inside the Khối only its own bodies' work: 1 + 15 by committees, 7 by its commission
        JsonNode byActor = forms(app.http, "S1-DUK", "TERM:2020-2025", "&forms=11,13");
        assertThat(whole(form(byActor, "11"), "Tổng số")).isEqualTo(16);
        assertThat(whole(form(byActor, "13"), "Tổng số")).isEqualTo(7);
    }

    @Test
    @DisplayName("the workbook read with POI: headers, numbering and every value equal the JSON, and the statistics API")
    void workbookCellByCell() throws IOException {
        JsonNode answer = forms(app.http, "S0-HU", "Y:2019", "");
        Http.Download download = app.http.download("/api/committees/S0-HU/forms?period=Y:2019", "Accept", XLSX);
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.headers().get("content-type").get(0)).startsWith(XLSX);
        JsonNode statistics = driver.statistics("S0-HU", "2019-01-01", "2019-12-31", "SUBTREE", "ACTOR");
        Map<String, long[]> deciders = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(answer.get("forms").size() + 1);
            for (JsonNode form : answer.get("forms")) {
                Sheet sheet = workbook.getSheet("Biểu " + form.get("code").asString());
                assertThat(sheet).as("sheet of form " + form.get("code")).isNotNull();
                assertThat(text(sheet, 0, 0)).isEqualTo("HUYỆN ỦY SƠN DƯƠNG");
                assertThat(text(sheet, 1, 0)).isEqualTo(form.get("title").asString());
                assertThat(text(sheet, 2, 0)).startsWith("Năm 2019 (từ ngày 01/01/2019 đến ngày 31/12/2019");
                assertThat(text(sheet, 3, 0)).isEqualTo("ĐVT: " + form.get("unit").asString());
                assertThat(text(sheet, 5, 0)).isEqualTo("Số TT");
                int depth = 0;
                for (JsonNode column : form.get("columns")) {
                    depth = Math.max(depth, column.get("header").size());
                }
                int numbering = 5 + depth;
                assertThat(text(sheet, numbering, 0)).isEqualTo("A");
                assertThat(text(sheet, numbering, 1)).isEqualTo("B");
                int i = 0;
                for (JsonNode column : form.get("columns")) {
                    assertThat(text(sheet, numbering, 2 + i)).isEqualTo(String.valueOf(column.get("n").asInt()));
                    // the column's own label stands on its level, with (*) when the product does not fill it
                    int level = column.get("header").size() - 1;
                    String label = column.get("header").get(level).asString() + (column.get("kept").asBoolean() ? "" : " (*)");
                    assertThat(text(sheet, 5 + level, 2 + i)).as("header of column " + column.get("n")).isEqualTo(label);
                    i++;
                }
                int r = numbering + 1;
                for (JsonNode row : form.get("rows")) {
                    Row line = sheet.getRow(r++);
                    assertThat(line.getCell(0).getStringCellValue()).isEqualTo(row.get("number").asString());
                    assertThat(line.getCell(1).getStringCellValue()).isEqualTo(row.get("label").asString());
                    assertThat(workbook.getFontAt(line.getCell(1).getCellStyle().getFontIndex()).getBold())
                            .as("a group row is bold").isEqualTo(row.get("group").asBoolean());
                    i = 0;
                    for (JsonNode column : form.get("columns")) {
                        Cell cell = line.getCell(2 + i++);
                        JsonNode value = row.get("cells").get(String.valueOf(column.get("n").asInt()));
                        if (value.isNull()) {
                            assertThat(cell.getCellType()).as("column " + column.get("n") + " not kept: empty, not 0")
                                    .isEqualTo(CellType.BLANK);
                        } else {
                            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                            assertThat((long) cell.getNumericCellValue()).as("form " + form.get("code") + " row "
                                    + row.get("key") + " column " + column.get("n")).isEqualTo(value.asLong());
                        }
                    }
                }
            }
            assertThat(workbook.getSheet("Biểu 11").getRow(9).getCell(0).getStringCellValue()).isEqualTo("I");
            assertThat(workbook.getSheet("Biểu 11").getRow(15).getCell(0).getStringCellValue()).isEqualTo("II");

            // every figure of the discipline forms' whole row, from the workbook, against the statistics API: by form
            // and by the deciding bodies' kind and level (read from the tree)
            for (JsonNode decider : statistics.get("disciplined").get("byDecidingCommittee")) {
                JsonNode node = app.http.get("/api/committees/" + decider.get("committeeId").asString()).json();
                String key = (node.get("kind").asString().equals("INSPECTION_COMMISSION") ? "13:" : "11:") + node.get("level").asString();
                long[] sums = deciders.computeIfAbsent(key, k -> new long[5]);
                String[] forms = {"total", "REPRIMAND", "WARNING", "DISMISSAL", "EXPULSION"};
                for (int f = 0; f < forms.length; f++) {
                    sums[f] += decider.get("members").get(forms[f]).asLong();
                }
            }
            for (String code : List.of("11", "13")) {
                JsonNode form = form(answer, code);
                Row whole = workbook.getSheet("Biểu " + code).getRow(5 + 3 + 1);
                String[] labels = {"Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"};
                long[] expected = new long[5];
                deciders.forEach((key, sums) -> {
                    if (key.startsWith(code + ":")) {
                        for (int f = 0; f < 5; f++) {
                            expected[f] += sums[f];
                        }
                    }
                });
                assertThat((long) whole.getCell(1 + col(form, "Tổng số")).getNumericCellValue()).isEqualTo(expected[0]);
                for (int f = 0; f < labels.length; f++) {
                    assertThat((long) whole.getCell(1 + col(form, "Hình thức kỷ luật", labels[f])).getNumericCellValue())
                            .as(code + " " + labels[f]).isEqualTo(expected[f + 1]);
                }
                for (JsonNode column : form.get("columns")) {
                    JsonNode header = column.get("header");
                    if (header.get(0).asString().equals("Cấp quyết định kỷ luật")) {
                        String level = levelOf(header.get(1).asString());
                        long[] sums = deciders.getOrDefault(code + ":" + level, new long[5]);
                        assertThat((long) whole.getCell(1 + column.get("n").asInt()).getNumericCellValue())
                                .as(code + " " + header).isEqualTo(sums[0]);
                    }
                }
            }
            // forms 11 and 13 together are the statistics' discipline of members, form 12 its organizations
            long committees = (long) workbook.getSheet("Biểu 11").getRow(9).getCell(2).getNumericCellValue();
            long commissions = (long) workbook.getSheet("Biểu 13").getRow(9).getCell(2).getNumericCellValue();
            assertThat(committees + commissions).isEqualTo(statistics.at("/disciplined/members/total").asLong());
            assertThat((long) workbook.getSheet("Biểu 12").getRow(9).getCell(2).getNumericCellValue())
                    .isEqualTo(statistics.at("/disciplined/organizations/total").asLong());
            // each case was concluded by the body that decided it: the content columns of 11 and 13 add up to the
            // statistics' violation categories
            long population = whole(form(answer, "11"), "Nội dung vi phạm", "Chính sách dân số - KHHGĐ")
                    + whole(form(answer, "13"), "Nội dung vi phạm", "Chính sách dân số - KHHGĐ");
            assertThat(population).isEqualTo(statistics.at("/violationCategories/POPULATION_POLICY").asLong());
            long lax = whole(form(answer, "11"), "Nội dung vi phạm", "Thiếu trách nhiệm, buông lỏng lãnh đạo, quản lý")
                    + whole(form(answer, "13"), "Nội dung vi phạm", "Thiếu trách nhiệm, buông lỏng lãnh đạo, quản lý");
            assertThat(lax).isEqualTo(statistics.at("/violationCategories/LAX_LEADERSHIP").asLong());
            // form 6 counts the inspections on signs of violation of commissions and cells: the commission's 6, the
            // cells' 20 (the commune committees' and the standing committee's are form 1's, by party committees)
            JsonNode six = form(answer, "6");
            assertThat(whole(six, "Tổng số")).isEqualTo(26);
            assertThat(whole(six, "Thực hiện", "Ủy ban kiểm tra cấp huyện")).isEqualTo(6);
            assertThat(whole(six, "Thực hiện", "Chi bộ")).isEqualTo(20);
            assertThat(whole(six, "Kết luận", "Có vi phạm")).isEqualTo(26);
            assertThat(whole(six, "Kết luận", "Trong đó", "Đã thi hành kỷ luật")).isEqualTo(26);
            assertThat(workbook.getSheet("Kiểm tra")).isNotNull();
        }
        // the same workbook for a link a browser follows
        Http.Download linked = app.http.download("/api/committees/S0-HU/forms?period=Y:2019&forms=11&format=xlsx");
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.headers().get("content-disposition").get(0)).contains("bieu-S0-HU-Y-2019.xlsx");
    }

    private static String levelOf(String label) {
        return label.contains("Trung ương") ? "CENTRAL" : label.contains("tỉnh") ? "PROVINCIAL"
                : label.contains("huyện") ? "DISTRICT" : label.contains("cơ sở") ? "GRASSROOTS" : "CELL";
    }

    private static String text(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null || r.getCell(column) == null ? null : r.getCell(column).getStringCellValue();
    }

    @Test
    @DisplayName("a cell's drill-down lists exactly the cases it counts, those outside the jurisdiction only counted")
    void drillDown() {
        // the two dismissals by the district standing committee, the last two of seed 000
        List<String> dismissals = sonDuong.caseIds().subList(38, 40);
        JsonNode committees = form(forms(app.http, "S0-HU", "Y:2019", "&forms=11"), "11");
        int dismissal = col(committees, "Hình thức kỷ luật", "Cách chức");
        Http.Response response = app.http.get("/api/committees/S0-HU/forms/11/cells/I/" + dismissal + "/cases?period=Y:2019");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode cell = response.json();
        assertThat(cell.get("value").asLong()).isEqualTo(2);
        List<String> listed = new ArrayList<>();
        cell.get("items").forEach(item -> listed.add(item.get("id").asString()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(dismissals);
        assertThat(cell.get("items").get(0).get("step").asString()).isEqualTo("DISCIPLINED");
        assertThat(cell.get("outside").asInt()).isZero();

        // every cell of form 13's district column lists as many cases as it counts: the commission's 6 warnings
        JsonNode commissions = form(forms(app.http, "S0-HU", "Y:2019", "&forms=13"), "13");
        int district = col(commissions, "Cấp quyết định kỷ luật", "Ủy ban kiểm tra cấp huyện");
        JsonNode warnings = app.http.get("/api/committees/S0-HU/forms/13/cells/I/" + district + "/cases?period=Y:2019").json();
        List<String> warned = new ArrayList<>();
        warnings.get("items").forEach(item -> warned.add(item.get("id").asString()));
        assertThat(warned).containsExactlyInAnyOrderElementsOf(sonDuong.caseIds().subList(32, 38));

        // a staff member of the Khối: the provincial commission's 16 decisions about its members are counted, not shown
        Http khoi = app.user("forms-khoi", "S1-DUK", null, "STAFF");
        JsonNode khoiCommissions = form(forms(khoi, "S1-DUK", "TERM:2020-2025", "&perspective=SUBJECT&forms=13"), "13");
        int provincial = col(khoiCommissions, "Cấp quyết định kỷ luật", "Ủy ban kiểm tra cấp tỉnh");
        JsonNode outside = khoi.get("/api/committees/S1-DUK/forms/13/cells/I/" + provincial
                + "/cases?period=TERM:2020-2025&perspective=SUBJECT").json();
        assertThat(outside.get("value").asLong()).isEqualTo(16);
        assertThat(outside.get("items").size()).isZero();
        assertThat(outside.get("outside").asInt()).isEqualTo(16);
        int districtKhoi = col(khoiCommissions, "Cấp quyết định kỷ luật", "Ủy ban kiểm tra cấp huyện");
        JsonNode inside = khoi.get("/api/committees/S1-DUK/forms/13/cells/I/" + districtKhoi
                + "/cases?period=TERM:2020-2025&perspective=SUBJECT").json();
        assertThat(inside.get("items").size()).isEqualTo(7);
        // figures of a committee outside the jurisdiction are refused; a viewer sees figures, not the cases
        assertThat(khoi.get("/api/committees/S0-HU/forms?period=Y:2019").status()).isEqualTo(403);
        Http viewer = app.user("forms-viewer", "S0-HU", null, "VIEWER");
        assertThat(viewer.get("/api/committees/S0-HU/forms?period=Y:2019&forms=11").status()).isEqualTo(200);
        assertThat(viewer.get("/api/committees/S0-HU/forms/11/cells/I/1/cases?period=Y:2019").status()).isEqualTo(403);
        // unknown forms, cells and periods
        assertThat(app.http.get("/api/committees/S0-HU/forms?period=Y:2019&forms=99").status()).isEqualTo(404);
        assertThat(app.http.get("/api/committees/S0-HU/forms/11/cells/IX/1/cases?period=Y:2019").status()).isEqualTo(404);
        assertThat(app.http.get("/api/committees/S0-HU/forms?period=2019").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("the facts added for the forms (legal and administrative handling, the reason an appeal changed a "
            + "decision, the writer of a letter) fill their columns; a locked period is archived with its record "
            + "position, and a later change to its cases is flagged")
    void newFactsAndLocks() {
        driver.committee("F-TU", "Tỉnh ủy Hà Giang", "PARTY_COMMITTEE", "PROVINCIAL", null, 55, null);
        driver.committee("F-UBKT-TU", "Ủy ban Kiểm tra Tỉnh ủy Hà Giang", "INSPECTION_COMMISSION", "PROVINCIAL", "F-TU", 11, null);
        driver.committee("F-HU", "Huyện ủy Vị Xuyên", "PARTY_COMMITTEE", "DISTRICT", "F-TU", 37, null);
        driver.committee("F-UBKT-HU", "Ủy ban Kiểm tra Huyện ủy Vị Xuyên", "INSPECTION_COMMISSION", "DISTRICT", "F-HU", 9, null);
        driver.committee("F-DU", "Đảng ủy xã Đạo Đức", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "F-HU", 15, null);
        driver.committee("F-CB", "Chi bộ thôn Làng Má", "CELL", "CELL", "F-DU", 21, null);
        CaseworkScenario scenario = driver.scenario;
        String caseId = scenario.plan("INSPECTION_SIGNS_OF_VIOLATION", "F-UBKT-HU",
                CaseDriver.member("57039001", "Hoàng Văn Thào", "F-CB"), "Kiểm tra khi có dấu hiệu vi phạm về đất đai",
                "KH 3-KH/UBKTHU", "2024-02-01", "2024-02-05", "2024-05-31");
        scenario.step(caseId, "open", CaseworkScenario.openBody("2024-02-05", "QĐ 9-QĐ/UBKTHU"), "OPEN", 1);
        scenario.step(caseId, "conclude", """
                {"concludedOn": "2024-04-02", "conclusionRef": "Thông báo kết luận số 4-TB/UBKTHU", "outcome": "VIOLATION",
                 "violationCategories": ["LAND_AND_RESOURCES"], "violationFrom": "2023-01-01", "violationTo": "2023-12-31",
                 "disciplineWarranted": true, "summary": "Vi phạm quy định về quản lý đất đai",
                 "referredToInvestigation": true, "amountInViolation": 350000, "amountRecovered": 120000}""", "CONCLUDED", 2);
        scenario.step(caseId, "hearing", """
                {"heardOn": "2024-04-05", "statement": "Tôi nhận khuyết điểm"}""", "CONCLUDED", 3);
        scenario.step(caseId, "discipline-decisions", """
                {"decidedOn": "2024-04-10", "decidingCommitteeId": "F-UBKT-HU", "decisionRef": "QĐ 11-QĐ/UBKTHU",
                 "eligibleVoters": 9, "ballot": {"WARNING": 8, "NONE": 1}, "announcedOn": "2024-04-12",
                 "effectiveOn": "2024-04-10", "legalHandling": "SUSPENDED_SENTENCE", "administrativeHandling": true}""",
                "DECIDED", 4);
        Http.Response letter = app.http.post("/api/complaints", """
                {"committeeId": "F-UBKT-HU", "receivedOn": "2024-03-01", "anonymous": false, "writerKind": "MEMBER",
                 "denouncer": {"name": "Lò Văn Pao", "address": "Thôn Làng Má", "phone": "0912000111"},
                 "accused": %s, "content": "Tố cáo việc giao đất sai quy định"}""".formatted(
                CaseDriver.member("57039002", "Vàng Seo Chứ", "F-CB")));
        assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
        assertThat(app.http.post("/api/cases/" + caseId + "/discipline-decisions", """
                {"decidedOn": "2024-04-10", "decidingCommitteeId": "F-UBKT-HU", "decisionRef": "QĐ", "eligibleVoters": 9,
                 "ballot": {"WARNING": 8, "NONE": 1}, "announcedOn": "2024-04-12", "effectiveOn": "2024-04-10",
                 "legalHandling": "LIFE"}""").status()).as("an unknown legal handling").isEqualTo(400);
        driver.awaitProjections();

        JsonNode district = forms(app.http, "F-HU", "Y:2024", "&forms=13,21");
        JsonNode commissions = form(district, "13");
        assertThat(whole(commissions, "Tổng số")).isEqualTo(1);
        assertThat(whole(commissions, "Xử lý pháp luật", "Tổng số")).isEqualTo(1);
        assertThat(whole(commissions, "Xử lý pháp luật", "Trong đó", "Phạt tù (kể cả án treo)")).isEqualTo(1);
        assertThat(whole(commissions, "Xử lý pháp luật", "Trong đó", "Hình thức khác")).isZero();
        assertThat(whole(commissions, "Xử lý hành chính")).isEqualTo(1);
        JsonNode letters = form(district, "21");
        assertThat(whole(letters, "Tổng số đơn tố cáo nhận được")).isEqualTo(1);
        assertThat(whole(letters, "Người viết đơn", "Đảng viên")).isEqualTo(1);
        assertThat(whole(letters, "Người viết đơn", "Công dân")).isZero();

        // lock the district's year: 201 with the record's position, the archived bytes kept
        Http.Response locked = app.http.post("/api/committees/F-HU/forms/locks", """
                {"period": "Y:2024", "forms": "13,21"}""");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(201);
        JsonNode lock = locked.json();
        assertThat(locked.header("Location")).isEqualTo("/api/committees/F-HU/forms/locks/" + lock.get("id").asString());
        // the integrity log's signed checkpoint, issued once every event the figures counted was sealed
        assertThat(lock.at("/checkpoint/kind").asString()).isEqualTo("SIGNED_CHECKPOINT");
        assertThat(lock.at("/checkpoint/treeSize").asLong()).isEqualTo(app.eventCount());
        String[] note = app.http.get("/api/integrity/checkpoint").body().split("\n");
        assertThat(Long.parseLong(note[1])).isGreaterThanOrEqualTo(lock.at("/checkpoint/treeSize").asLong());
        if (Long.parseLong(note[1]) == lock.at("/checkpoint/treeSize").asLong()) {
            assertThat(lock.at("/checkpoint/rootHash").asString()).isEqualTo(note[2]);
        }
        assertThat(lock.get("lockedBy").asString()).isEqualTo(RunningApp.TESTER);
        Http.Download archived = app.http.download(locked.header("Location"), "Accept", XLSX);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(sha256(archived.body())).isEqualTo(lock.get("sha256").asString());
        assertThat(app.http.post("/api/committees/F-HU/forms/locks", """
                {"period": "Y:2024", "forms": "13,21"}""").status()).as("locked twice").isEqualTo(409);
        assertThat(forms(app.http, "F-HU", "Y:2024", "&forms=13,21").at("/lock/arrivedAfterLock").size()).isZero();

        // a later step of a case the lock counted (its appeal, resolved above the district), and a new discipline in
        // the locked year: both flagged as arriving after the lock
        scenario.step(caseId, "appeals", """
                {"filedOn": "2024-05-02", "decisionReceivedOn": "2024-04-13", "grounds": "Hình thức cảnh cáo là quá nặng"}""",
                "APPEALED", 5);
        scenario.step(caseId, "appeal-resolutions", """
                {"resolvedOn": "2024-07-15", "resolvingCommitteeId": "F-UBKT-TU", "decisionRef": "QĐ 40-QĐ/UBKTTU",
                 "result": "FORM_REDUCED", "newForm": "REPRIMAND", "changeReason": "NEW_FACTS"}""", "DECIDED", 6);
        driver.discipline(CaseDriver.Discipline.by("F-UBKT-HU", 9, CaseDriver.member("57039003", "Giàng Seo Phử", "F-CB"),
                "REPRIMAND", LocalDate.parse("2024-11-20"), "ETHICS_AND_LIFESTYLE"));
        driver.awaitProjections();
        JsonNode after = forms(app.http, "F-HU", "Y:2024", "&forms=13,21");
        assertThat(whole(form(after, "13"), "Tổng số")).isEqualTo(2);
        JsonNode province = forms(app.http, "F-TU", "Y:2024", "&forms=16");
        JsonNode appeals = form(province, "16");
        assertThat(whole(appeals, "Đã giải quyết")).isEqualTo(1);
        assertThat(whole(appeals, "Kết quả", "Trong đó", "Giảm hình thức")).isEqualTo(1);
        assertThat(whole(appeals, "Lý do thay đổi", "Có tình tiết mới")).isEqualTo(1);
        assertThat(whole(appeals, "Cấp giải quyết", "Cấp tỉnh")).isEqualTo(1);
        // the facts are in the case and the letter as read, too
        JsonNode detail = app.http.get("/api/cases/" + caseId).json();
        assertThat(detail.toString()).contains("\"legalHandling\":\"SUSPENDED_SENTENCE\"", "\"administrativeHandling\":true",
                "\"changeReason\":\"NEW_FACTS\"", "\"referredToInvestigation\":true", "\"amountInViolation\":350000");
        assertThat(app.http.get("/api/complaints/" + letter.json().get("id").asString()).json().get("writerKind").asString())
                .isEqualTo("MEMBER");
        JsonNode late = after.at("/lock/arrivedAfterLock");
        List<String> steps = new ArrayList<>();
        late.forEach(f -> steps.add(f.get("step").asString() + "@" + f.get("day").asString()));
        assertThat(steps).contains("DISCIPLINED@2024-11-20", "OPENED@2024-10-11", "CONCLUDED@2024-11-14",
                "APPEAL_FILED@2024-05-02", "APPEAL_RESOLVED@2024-07-15");
        JsonNode listed = app.http.get("/api/committees/F-HU/forms/locks").json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("arrivedAfterLock").size()).isEqualTo(late.size());
        // the archived workbook does not change
        assertThat(sha256(app.http.download(locked.header("Location") + "?format=xlsx").body()))
                .isEqualTo(lock.get("sha256").asString());
    }

    @Test
    @DisplayName("the forms page: choose, preview, check, download and lock, with its script as a file")
    void page() {
        Http.Response page = app.http.get("/ui/committees/S0-HU/forms");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("forms-choice", "/ui/forms.js", "Chốt số liệu", "Thi hành kỷ luật đảng viên".toUpperCase())
                .doesNotContain("<style").doesNotContain("onclick");
        assertThat(app.http.get("/ui/forms.js").body()).contains("cells/");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
