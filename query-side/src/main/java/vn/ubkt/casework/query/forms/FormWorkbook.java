package vn.ubkt.casework.query.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The forms as one XLSX workbook in the official look (OUTPUTS.md "Look of a form"): a sheet per form with the
 * committee and the form's number at the top, the title in capitals, the period, the unit line at the right; column A
 * "Số TT", B the row label, the data columns under multi-level headers and numbered 1…n in a row under them; group
 * rows numbered I, II, III in bold. A column the product does not fill is left empty, shaded and marked (*), with the
 * reason in a note under the table; a zero is a zero the record holds. A last sheet lists the checks.
 */
final class FormWorkbook {

    private static final String FONT = "Times New Roman";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The first row of the headers; rows above hold the committee, title, period and unit. */
    private static final int HEADER_TOP = 5;

    private FormWorkbook() {
    }

    private record Styles(CellStyle plain, CellStyle bold, CellStyle title, CellStyle italicCentre, CellStyle italicRight,
                          CellStyle header, CellStyle number, CellStyle label, CellStyle groupLabel,
                          CellStyle groupNumber, CellStyle figure, CellStyle groupFigure, CellStyle notKept,
                          CellStyle numbering) {
    }

    static byte[] write(FormsQuery.FormsView view, String footer) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = styles(workbook);
            for (FormsQuery.FormView form : view.forms()) {
                sheet(workbook, styles, view, form, footer);
            }
            checks(workbook, styles, view);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, Styles styles, FormsQuery.FormsView view, FormsQuery.FormView form,
                              String footer) {
        Sheet sheet = workbook.createSheet("Biểu " + form.code());
        int depth = form.columns().stream().mapToInt(c -> c.header().size()).max().orElse(1);
        int lastColumn = 1 + form.columns().size();
        sheet.setColumnWidth(0, 6 * 256);
        sheet.setColumnWidth(1, 36 * 256);
        for (int i = 2; i <= lastColumn; i++) {
            sheet.setColumnWidth(i, 12 * 256);
        }
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);

        text(sheet, 0, 0, view.committeeName() == null ? view.committeeId() : view.committeeName().toUpperCase(Locale.forLanguageTag("vi")), styles.bold());
        merge(sheet, 0, 0, 0, Math.max(1, lastColumn / 2));
        text(sheet, 0, lastColumn, "Biểu số " + form.code(), styles.bold());
        text(sheet, 1, 0, form.title(), styles.title());
        merge(sheet, 1, 1, 0, lastColumn);
        text(sheet, 2, 0, view.periodLabel() + " (từ ngày " + DAY.format(view.from()) + " đến ngày " + DAY.format(view.to())
                + (view.scope().name().equals("SUBTREE") ? ", gồm các tổ chức đảng trực thuộc" : "") + ")", styles.italicCentre());
        merge(sheet, 2, 2, 0, lastColumn);
        text(sheet, 3, 0, "ĐVT: " + form.unit(), styles.italicRight());
        merge(sheet, 3, 3, 0, lastColumn);

        // headers: A and B span every header level; a column's last label spans down to the numbering row
        int bottom = HEADER_TOP + depth - 1;
        for (int r = HEADER_TOP; r <= bottom + 1; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c <= lastColumn; c++) {
                row.createCell(c).setCellStyle(r == bottom + 1 ? styles.numbering() : styles.header());
            }
        }
        text(sheet, HEADER_TOP, 0, "Số TT", styles.header());
        text(sheet, HEADER_TOP, 1, form.rowHeader() == null ? "Nội dung" : form.rowHeader(), styles.header());
        if (depth > 1) {
            merge(sheet, HEADER_TOP, bottom, 0, 0);
            merge(sheet, HEADER_TOP, bottom, 1, 1);
        }
        List<FormsQuery.ColumnView> columns = form.columns();
        for (int level = 0; level < depth; level++) {
            int i = 0;
            while (i < columns.size()) {
                List<String> header = columns.get(i).header();
                if (header.size() <= level) {
                    i++;
                    continue;
                }
                int j = i;
                // adjacent columns sharing the same labels down to this level share the cell
                while (j + 1 < columns.size() && columns.get(j + 1).header().size() > level
                        && columns.get(j + 1).header().subList(0, level + 1).equals(header.subList(0, level + 1))
                        && level < header.size() - 1 && level < columns.get(j + 1).header().size() - 1) {
                    j++;
                }
                String label = header.get(level) + (level == header.size() - 1 && !columns.get(i).kept() ? " (*)" : "");
                text(sheet, HEADER_TOP + level, 2 + i, label, styles.header());
                int lastRow = level == header.size() - 1 ? bottom : HEADER_TOP + level;
                if (j > i || lastRow > HEADER_TOP + level) {
                    merge(sheet, HEADER_TOP + level, lastRow, 2 + i, 2 + j);
                }
                i = j + 1;
            }
        }
        text(sheet, bottom + 1, 0, "A", styles.numbering());
        text(sheet, bottom + 1, 1, "B", styles.numbering());
        for (int i = 0; i < columns.size(); i++) {
            text(sheet, bottom + 1, 2 + i, String.valueOf(columns.get(i).n()), styles.numbering());
        }

        int r = bottom + 2;
        for (FormsQuery.RowView row : form.rows()) {
            Row line = sheet.createRow(r++);
            cell(line, 0, row.number(), row.group() ? styles.groupNumber() : styles.number());
            cell(line, 1, row.label(), row.group() ? styles.groupLabel() : styles.label());
            for (int i = 0; i < columns.size(); i++) {
                Long value = row.cells().get(String.valueOf(columns.get(i).n()));
                Cell cell = line.createCell(2 + i);
                if (value == null) {
                    cell.setCellStyle(styles.notKept());
                } else {
                    cell.setCellValue(value);
                    cell.setCellStyle(row.group() ? styles.groupFigure() : styles.figure());
                }
            }
        }
        r++;
        if (columns.stream().anyMatch(c -> !c.kept())) {
            text(sheet, r++, 0, "(*) Cột để trống: sản phẩm chưa ghi nhận dữ kiện để tính cột này, cần điền tay và tự chịu trách nhiệm "
                    + "về số liệu. Không ghi số 0 vào các cột này.", styles.plain());
            for (FormsQuery.ColumnView column : columns) {
                if (!column.kept()) {
                    text(sheet, r++, 1, "Cột " + column.n() + " (" + String.join(" / ", column.header()) + "): " + column.notKept(),
                            styles.plain());
                }
            }
        }
        if (form.note() != null) {
            text(sheet, r++, 0, "Ghi chú: " + form.note(), styles.plain());
        }
        text(sheet, r, 0, footer, styles.plain());
        sheet.createFreezePane(2, bottom + 2);
    }

    private static void checks(XSSFWorkbook workbook, Styles styles, FormsQuery.FormsView view) {
        Sheet sheet = workbook.createSheet("Kiểm tra");
        sheet.setColumnWidth(0, 70 * 256);
        for (int i = 1; i <= 4; i++) {
            sheet.setColumnWidth(i, 14 * 256);
        }
        text(sheet, 0, 0, "KIỂM TRA SỐ LIỆU TRƯỚC KHI GỬI (" + (view.consistent() ? "không có sai lệch" : "CÓ SAI LỆCH") + ")",
                styles.bold());
        String[] heads = {"Nội dung kiểm tra", "Số liệu", "Quan hệ", "Giới hạn", "Kết quả"};
        for (int i = 0; i < heads.length; i++) {
            text(sheet, 2, i, heads[i], styles.header());
        }
        int r = 3;
        for (FormsQuery.CheckView check : view.checks()) {
            if (check.ok() && !check.kind().equals("ACROSS_FORMS") && !check.kind().equals("STATISTIC")) {
                continue;
            }
            Row row = sheet.createRow(r++);
            cell(row, 0, check.name(), styles.label());
            Cell value = row.createCell(1);
            value.setCellValue(check.value());
            value.setCellStyle(styles.figure());
            cell(row, 2, check.relation().equals("equal") ? "=" : "≤", styles.number());
            Cell limit = row.createCell(3);
            limit.setCellValue(check.limit());
            limit.setCellStyle(styles.figure());
            cell(row, 4, check.ok() ? "Đạt" : "SAI LỆCH", check.ok() ? styles.number() : styles.groupNumber());
        }
    }

    private static void text(Sheet sheet, int r, int c, String text, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        cell(row, c, text, style);
    }

    private static void cell(Row row, int c, String text, CellStyle style) {
        Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void merge(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn) {
        sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
    }

    private static Styles styles(XSSFWorkbook workbook) {
        Font plainFont = font(workbook, false, false, 12);
        Font boldFont = font(workbook, true, false, 12);
        Font titleFont = font(workbook, true, false, 14);
        Font italicFont = font(workbook, false, true, 12);
        Font headerFont = font(workbook, true, false, 11);
        CellStyle plain = style(workbook, plainFont, HorizontalAlignment.LEFT, false);
        CellStyle bold = style(workbook, boldFont, HorizontalAlignment.LEFT, false);
        CellStyle title = style(workbook, titleFont, HorizontalAlignment.CENTER, false);
        CellStyle italicCentre = style(workbook, italicFont, HorizontalAlignment.CENTER, false);
        CellStyle italicRight = style(workbook, italicFont, HorizontalAlignment.RIGHT, false);
        CellStyle header = style(workbook, headerFont, HorizontalAlignment.CENTER, true);
        header.setWrapText(true);
        CellStyle number = style(workbook, plainFont, HorizontalAlignment.CENTER, true);
        CellStyle label = style(workbook, plainFont, HorizontalAlignment.LEFT, true);
        label.setWrapText(true);
        CellStyle groupLabel = style(workbook, boldFont, HorizontalAlignment.LEFT, true);
        groupLabel.setWrapText(true);
        CellStyle groupNumber = style(workbook, boldFont, HorizontalAlignment.CENTER, true);
        CellStyle figure = style(workbook, plainFont, HorizontalAlignment.RIGHT, true);
        figure.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        CellStyle groupFigure = style(workbook, boldFont, HorizontalAlignment.RIGHT, true);
        groupFigure.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        CellStyle notKept = style(workbook, plainFont, HorizontalAlignment.CENTER, true);
        notKept.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        notKept.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        CellStyle numbering = style(workbook, font(workbook, false, true, 11), HorizontalAlignment.CENTER, true);
        return new Styles(plain, bold, title, italicCentre, italicRight, header, number, label, groupLabel, groupNumber,
                figure, groupFigure, notKept, numbering);
    }

    private static Font font(XSSFWorkbook workbook, boolean bold, boolean italic, int points) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setBold(bold);
        font.setItalic(italic);
        font.setFontHeightInPoints((short) points);
        return font;
    }

    private static CellStyle style(XSSFWorkbook workbook, Font font, HorizontalAlignment alignment, boolean bordered) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
