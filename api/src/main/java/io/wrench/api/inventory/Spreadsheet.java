package io.wrench.api.inventory;

import io.wrench.api.web.PayloadTooLargeException;
import io.wrench.api.web.UnsupportedMediaTypeException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An uploaded table: its header row and its data rows, blank rows left out. The type is decided by
 * the content, never by the file's name or declared type: an XLSX workbook is a ZIP (it starts with
 * {@code PK\3\4}) with an {@code xl/workbook.xml}; anything else must be UTF-8 text without NUL bytes
 * to be read as CSV.
 */
record Spreadsheet(List<String> header, List<Row> rows) {

    /** {@code number} is the row as a spreadsheet program shows it: the header is row 1. */
    record Row(int number, List<String> cells) {

        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /**
     * @throws UnsupportedMediaTypeException neither CSV nor XLSX (415)
     * @throws PayloadTooLargeException      more than {@code maxRows} data rows (413)
     * @throws io.wrench.api.web.BadRequestException a damaged workbook or CSV (400)
     */
    static Spreadsheet read(byte[] content, int maxRows) throws IOException {
        Builder builder = new Builder(maxRows);
        try {
            if (startsWith(content, ZIP_MAGIC)) {
                XlsxSheet.read(content, builder);
            } else {
                CsvSheet.read(utf8Text(content), builder);
            }
        } catch (Builder.TooManyRows tooMany) {
            throw new PayloadTooLargeException("the file has more than " + maxRows
                    + " data rows, the most one import takes; split it");
        }
        return new Spreadsheet(builder.header, builder.rows);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String utf8Text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                throw notASpreadsheet();
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw notASpreadsheet();
        }
    }

    static UnsupportedMediaTypeException notASpreadsheet() {
        return new UnsupportedMediaTypeException("the file is neither an XLSX workbook nor CSV text in UTF-8");
    }

    /** Collects rows as a reader finds them: the first non-blank row is the header. */
    static final class Builder {

        private final int maxRows;
        private List<String> header;
        private final List<Row> rows = new ArrayList<>();

        Builder(int maxRows) {
            this.maxRows = maxRows;
        }

        /** Stops a reader as soon as the file is known to be too long: nothing after that is read. */
        static final class TooManyRows extends RuntimeException {
            TooManyRows() {
                super(null, null, false, false);
            }
        }

        void add(int number, List<String> cells) {
            List<String> trimmed = cells.stream().map(c -> c == null ? "" : c.strip()).toList();
            if (trimmed.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (header == null) {
                header = trimmed;
                return;
            }
            if (rows.size() == maxRows) {
                throw new TooManyRows();
            }
            rows.add(new Row(number, trimmed));
        }
    }
}
