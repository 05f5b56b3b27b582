package io.wrench.api.inventory;

import io.wrench.api.web.BadRequestException;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 has it (quoted fields may hold delimiters, doubled quotes and line breaks), with
 * the delimiter spreadsheet programs in many locales write: a header line with semicolons and no
 * commas is read with semicolons.
 */
final class CsvSheet {

    private CsvSheet() {
    }

    static void read(String text, Spreadsheet.Builder rows) {
        char delimiter = delimiterOf(text);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int record = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    cell.append(c);
                } else if (i < text.length() && text.charAt(i) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                rows.add(record++, cells);
                cells = new ArrayList<>();
                cell.setLength(0);
                fieldStarted = false;
            } else {
                cell.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new BadRequestException("row " + record + " of the CSV file opens a quoted field that is never closed");
        }
        if (fieldStarted || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(record, cells);
        }
    }

    private static char delimiterOf(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String firstLine = text.substring(0, end);
        return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
    }
}
