package io.wrench.api.invoice;

import io.wrench.api.web.Sha256;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * An invoice as a PDF (PDFBox), the same to the byte for the same {@link Invoice}: the fonts are
 * embedded from the application's own files (DejaVu Sans, subset tags derived from the glyphs used),
 * the only date in the document is the invoice's own (creation and modification date), and the
 * trailer's document id is derived from the invoice number instead of the clock.
 */
final class InvoicePdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float LINE = 14;

    private InvoicePdf() {
    }

    static byte[] render(Invoice invoice) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = font(document, "/fonts/DejaVuSans.ttf");
            PDType0Font bold = font(document, "/fonts/DejaVuSans-Bold.ttf");
            Writer writer = new Writer(document, regular, bold);
            write(invoice, writer);
            writer.close();
            describe(document, invoice);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render invoice " + invoice.number(), e);
        }
    }

    private static void write(Invoice invoice, Writer w) throws IOException {
        w.text(w.bold, 16, MARGIN, invoice.shop().name());
        w.down(LINE + 4);
        for (String line : invoice.shop().lines()) {
            w.text(w.regular, 9, MARGIN, line);
            w.down(12);
        }
        w.text(w.regular, 9, MARGIN, "Tax number: " + invoice.shopTaxNumber());
        w.right(w.bold, 20, WIDTH - MARGIN, HEIGHT - MARGIN, "INVOICE");
        w.right(w.regular, 10, WIDTH - MARGIN, HEIGHT - MARGIN - 22, "Invoice number: " + invoice.number());
        w.right(w.regular, 10, WIDTH - MARGIN, HEIGHT - MARGIN - 36, "Invoice date: " + invoice.issuedOn());
        w.right(w.regular, 10, WIDTH - MARGIN, HEIGHT - MARGIN - 50, "Work order: " + invoice.workOrderNumber());
        w.down(LINE * 2);

        w.text(w.bold, 10, MARGIN, "Bill to");
        w.down(LINE);
        w.text(w.regular, 10, MARGIN, invoice.customer().name());
        for (String line : invoice.customer().lines()) {
            w.down(12);
            w.text(w.regular, 9, MARGIN, line);
        }
        if (invoice.asset() != null) {
            w.down(LINE);
            w.text(w.regular, 9, MARGIN, "Asset: " + invoice.asset());
        }
        w.down(LINE * 2);

        float quantity = 360, price = 440, amount = WIDTH - MARGIN;
        w.text(w.bold, 9, MARGIN, "Item");
        w.right(w.bold, 9, quantity, w.y, "Qty / hours");
        w.right(w.bold, 9, price, w.y, "Unit price");
        w.right(w.bold, 9, amount, w.y, "Amount");
        w.down(4);
        w.rule();
        w.down(LINE);
        for (Invoice.Line line : invoice.lines()) {
            w.pageBreakIfBelow(MARGIN + LINE * 3);
            w.text(w.regular, 9, MARGIN, w.fit(w.regular, 9, line.kind() + ": " + line.description(),
                    quantity - 80 - MARGIN));
            w.right(w.regular, 9, quantity, w.y, plain(line.quantity()));
            w.right(w.regular, 9, price, w.y, money(line.unitPrice()));
            w.right(w.regular, 9, amount, w.y, money(line.amount()));
            w.down(LINE);
        }
        w.rule();
        w.down(LINE);
        w.pageBreakIfBelow(MARGIN + LINE * 8);
        w.total("Labour", money(invoice.labour()), false);
        w.total("Parts", money(invoice.parts()), false);
        w.total("Tax (" + percent(invoice.taxRate()) + ")", money(invoice.tax()), false);
        w.total("Total", money(invoice.total()), true);
        w.down(LINE / 2);
        if (!invoice.payments().isEmpty()) {
            w.text(w.bold, 9, MARGIN, "Payments");
            w.down(LINE);
            for (Invoice.Payment payment : invoice.payments()) {
                w.pageBreakIfBelow(MARGIN + LINE * 3);
                w.text(w.regular, 9, MARGIN, payment.on() + "  " + payment.method());
                w.right(w.regular, 9, amount, w.y, money(payment.amount()));
                w.down(LINE);
            }
        }
        w.total("Paid", money(invoice.paid()), false);
        w.total("Balance due", money(invoice.balance()), true);
    }

    /** The invoice's date as the only date; the document id from the invoice number. */
    private static void describe(PDDocument document, Invoice invoice) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle("Invoice " + invoice.number());
        info.setAuthor(invoice.shop().name());
        info.setProducer("Wrench");
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        issued.clear();
        issued.set(invoice.issuedOn().getYear(), invoice.issuedOn().getMonthValue() - 1, invoice.issuedOn().getDayOfMonth());
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        document.setDocumentInformation(info);
        byte[] id = Arrays.copyOf(Sha256.digest(("wrench-invoice:" + invoice.number()).getBytes(StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static PDType0Font font(PDDocument document, String resource) throws IOException {
        try (InputStream in = InvoicePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is missing from the application");
            }
            return PDType0Font.load(document, in);
        }
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    /** A cursor down the pages; text that the font cannot show is shown as '?'. */
    private static final class Writer {
        final PDDocument document;
        final PDType0Font regular;
        final PDType0Font bold;
        PDPageContentStream content;
        float y;

        Writer(PDDocument document, PDType0Font regular, PDType0Font bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = HEIGHT - MARGIN - 12;
        }

        void pageBreakIfBelow(float bottom) throws IOException {
            if (y < bottom) {
                newPage();
            }
        }

        void down(float by) {
            y -= by;
        }

        void text(PDType0Font font, float size, float x, String text) throws IOException {
            at(font, size, x, y, text);
        }

        void right(PDType0Font font, float size, float rightEdge, float atY, String text) throws IOException {
            String shown = safe(font, text);
            at(font, size, rightEdge - font.getStringWidth(shown) / 1000 * size, atY, shown);
        }

        void total(String label, String amount, boolean strong) throws IOException {
            PDType0Font font = strong ? bold : regular;
            right(font, 10, 440, y, label);
            right(font, 10, WIDTH - MARGIN, y, amount);
            down(LINE);
        }

        void rule() throws IOException {
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y);
            content.lineTo(WIDTH - MARGIN, y);
            content.stroke();
        }

        String fit(PDType0Font font, float size, String text, float width) throws IOException {
            String shown = safe(font, text);
            if (font.getStringWidth(shown) / 1000 * size <= width) {
                return shown;
            }
            while (!shown.isEmpty() && font.getStringWidth(shown + "…") / 1000 * size > width) {
                shown = shown.substring(0, shown.length() - 1);
            }
            return shown + "…";
        }

        private void at(PDType0Font font, float size, float x, float atY, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(safe(font, text));
            content.endText();
        }

        private static String safe(PDType0Font font, String text) {
            StringBuilder shown = new StringBuilder();
            String plain = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
            plain.codePoints().forEach(codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                    font.encode(character);
                    shown.append(character);
                } catch (IOException | IllegalArgumentException e) {
                    shown.append('?');
                }
            });
            return shown.toString();
        }

        void close() throws IOException {
            content.close();
        }
    }
}
