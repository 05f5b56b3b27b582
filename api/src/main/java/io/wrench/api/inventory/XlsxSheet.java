package io.wrench.api.inventory;

import io.wrench.api.web.BadRequestException;
import io.wrench.api.web.UnsupportedMediaTypeException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The first worksheet of an XLSX workbook, streamed: rows are read one at a time from the sheet's XML
 * (POI's SAX route, not a workbook object in memory), so a file with too many rows stops being read at
 * the first row past the limit. The package is opened from memory, with POI's zip-bomb guards
 * ({@code ZipSecureFile}: inflation ratio, entry size) in force; nothing is written to disk.
 * Numbers are taken as stored, not as the cell's display format shows them.
 */
final class XlsxSheet {

    private static final String WORKBOOK_ENTRY = "xl/workbook.xml";

    private XlsxSheet() {
    }

    static void read(byte[] content, Spreadsheet.Builder rows) {
        ZipEntrySource zip = unzip(content);
        try {
            if (zip.getEntry(WORKBOOK_ENTRY) == null) {
                throw new UnsupportedMediaTypeException("the file is a ZIP archive but not an XLSX workbook");
            }
            OPCPackage workbook = OPCPackage.open(zip);
            try {
                XSSFReader reader = new XSSFReader(workbook);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new BadRequestException("the workbook has no worksheet");
                }
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new SheetHandler(strings, rows));
                    parser.parse(new InputSource(sheet));
                }
            } finally {
                workbook.revert(); // read-only use: close without writing anything back
            }
        } catch (Spreadsheet.Builder.TooManyRows | UnsupportedMediaTypeException | BadRequestException verdict) {
            throw verdict;
        } catch (SAXException e) {
            if (e.getCause() instanceof Spreadsheet.Builder.TooManyRows stop) {
                throw stop;
            }
            throw damaged();
        } catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            throw damaged();
        } finally {
            IOUtils.closeQuietly(zip);
        }
    }

    /** Every entry of the archive, inflated in memory behind POI's zip-bomb guard; 400 when it is no ZIP after all. */
    private static ZipEntrySource unzip(byte[] content) {
        try {
            return new ZipInputStreamZipEntrySource(ZipHelper.openZipStream(new ByteArrayInputStream(content)));
        } catch (IOException | RuntimeException e) {
            throw damaged();
        }
    }

    private static BadRequestException damaged() {
        return new BadRequestException("the XLSX workbook could not be read; it may be damaged");
    }

    /** Cells by their reference (B7 is row 7, column 1), values by cell type; formulas give their cached value. */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final Spreadsheet.Builder rows;
        private int rowNumber;
        private List<String> cells;
        private int column;
        private String type;
        private final StringBuilder value = new StringBuilder();
        private boolean inValue;

        SheetHandler(ReadOnlySharedStringsTable strings, Spreadsheet.Builder rows) {
            this.strings = strings;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    String reference = attributes.getValue("r");
                    column = reference == null ? column + 1 : columnOf(reference);
                    type = attributes.getValue("t");
                    value.setLength(0);
                }
                case "v", "t" -> inValue = cells != null;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    while (cells.size() <= column) {
                        cells.add("");
                    }
                    cells.set(column, text());
                }
                case "row" -> {
                    rows.add(rowNumber, cells);
                    cells = null;
                }
                default -> { }
            }
        }

        private String text() {
            String raw = value.toString();
            if (type == null || type.equals("n")) {
                return plainNumber(raw);
            }
            return switch (type) {
                case "s" -> sharedString(raw);
                case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
                default -> raw; // inlineStr, str (a formula's text), e (an error such as #N/A)
            };
        }

        private String sharedString(String index) {
            RichTextString text = strings.getItemAt(Integer.parseInt(index.trim()));
            return text == null ? "" : text.getString();
        }

        /** 12 rather than 12.0, 0.0001 rather than 1.0E-4: as a person would have typed it. */
        private static String plainNumber(String raw) {
            if (raw.isBlank()) {
                return "";
            }
            try {
                BigDecimal number = new BigDecimal(raw.trim()).stripTrailingZeros();
                return (number.scale() < 0 ? number.setScale(0) : number).toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }

        private static int columnOf(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }
}
