package org.sansho.contract.imports.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sansho.contract.imports.domain.ImportKind;
import org.sansho.contract.imports.domain.SheetContent;
import org.sansho.platform.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an uploaded CSV file or XLSX workbook into the text of its cells. What cannot be read at all (not UTF-8, not
 * a workbook, no header row, too many rows, a sheet whose name is no kind) is a 400 problem; what the rows say is
 * judged later, row by row.
 */
public final class SheetReader {

    /** Rows per sheet or file; a larger import is split into several. */
    public static final int MAX_ROWS = 20_000;
    private static final int MAX_COLUMNS = 100;
    private static final int MAX_CELL = 10_000;
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /**
     * The largest part of a workbook (a sheet's XML, the shared strings) the reader inflates: a 20,000-row sheet
     * needs a fraction of it; a small upload that inflates to more is refused (POI also refuses an implausible
     * compression ratio) instead of filling the memory.
     */
    private static final long MAX_PART = 48L * 1024 * 1024;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART);
    }

    private SheetReader() {
    }

    /** A CSV file of one kind: UTF-8, with or without a byte order mark, comma-separated, RFC 4180 quoting. */
    public static SheetContent csv(ImportKind kind, byte[] body) {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(text)) {
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                if (records.size() > MAX_ROWS) {
                    throw tooMany();
                }
                records.add(cells(List.of(cells)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest("body", "not a readable CSV file: " + firstLine(e.getMessage()));
        }
        return content(kind, records);
    }

    /**
     * An XLSX workbook: one sheet per kind, named after it in English or Japanese (organizations / 組織, services /
     * サービス, contracts / 契約); answered in the order the kinds are imported. Cells are read as the text they
     * show; a date cell as yyyy-MM-dd.
     */
    public static List<SheetContent> xlsx(byte[] body) {
        if (body.length == 0) {
            throw ProblemException.badRequest("body", "is empty; send an XLSX workbook");
        }
        List<SheetContent> sheets = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            DataFormatter formatter = new DataFormatter();
            Set<ImportKind> seen = EnumSet.noneOf(ImportKind.class);
            List<SheetContent> read = new ArrayList<>();
            for (Sheet sheet : workbook) {
                ImportKind kind = ImportKind.named(sheet.getSheetName()).orElseThrow(() -> ProblemException.badRequest(
                        "body", "sheet '" + sheet.getSheetName() + "' names no kind; sheets are organizations (組織), "
                                + "services (サービス) and contracts (契約)"));
                if (!seen.add(kind)) {
                    throw ProblemException.badRequest("body", "two sheets hold " + kind.sheetName());
                }
                if (sheet.getLastRowNum() > MAX_ROWS) {
                    throw tooMany();
                }
                List<List<String>> records = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        if (row.getLastCellNum() > MAX_COLUMNS) {
                            throw ProblemException.badRequest("body", "sheet " + sheet.getSheetName() + " row "
                                    + (r + 1) + " has more than " + MAX_COLUMNS + " columns");
                        }
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            cells.add(text(row.getCell(c), formatter));
                        }
                    }
                    records.add(cells(cells));
                }
                read.add(content(kind, records));
            }
            if (read.isEmpty()) {
                throw ProblemException.badRequest("body", "the workbook has no sheet");
            }
            read.stream().sorted(java.util.Comparator.comparing(SheetContent::kind)).forEach(sheets::add);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("body", "not a readable XLSX workbook");
        }
        return sheets;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (type == CellType.NUMERIC) {
            // The number itself, not its display: a 法人番号 typed as a number must not become 7.00001E+12.
            return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        if (cell.getCellType() == CellType.FORMULA) {
            // The cached result, never an evaluation of the formula.
            return switch (type) {
                case STRING -> cell.getStringCellValue();
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                default -> null;
            };
        }
        return formatter.formatCellValue(cell);
    }

    private static SheetContent content(ImportKind kind, List<List<String>> records) {
        int header = 0;
        while (header < records.size() && blank(records.get(header))) {
            header++;
        }
        if (header >= records.size()) {
            throw ProblemException.badRequest("body", kind.sheetName() + ": no header row");
        }
        List<SheetContent.Line> lines = new ArrayList<>();
        for (int i = header + 1; i < records.size(); i++) {
            if (!blank(records.get(i))) {
                lines.add(new SheetContent.Line(i - header + 1, records.get(i)));
            }
        }
        return new SheetContent(kind, records.get(header), lines);
    }

    private static List<String> cells(List<String> cells) {
        if (cells.size() > MAX_COLUMNS) {
            throw ProblemException.badRequest("body", "a row has more than " + MAX_COLUMNS + " columns");
        }
        for (String cell : cells) {
            if (cell != null && cell.length() > MAX_CELL) {
                throw ProblemException.badRequest("body", "a cell is longer than " + MAX_CELL + " characters");
            }
            if (cell != null && cell.indexOf('\u0000') >= 0) {
                throw ProblemException.badRequest("body", "a cell holds a NUL character");
            }
        }
        return cells;
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.strip().isEmpty());
    }

    private static String utf8(byte[] body) {
        if (body.length == 0) {
            throw ProblemException.badRequest("body", "is empty; send a CSV file with a header row");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("body", "is not UTF-8 (save the CSV file as UTF-8, with or without BOM)");
        }
    }

    private static ProblemException tooMany() {
        return ProblemException.badRequest("body", "more than " + MAX_ROWS + " rows; split the import");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        String line = message.lines().findFirst().orElse("malformed");
        // Jackson names its source and classes after the first line; the first line says what is wrong.
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
