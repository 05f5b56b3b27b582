package io.wrench.api.invoice;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.workorder.WorkOrderTestSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceHttpTest extends WorkOrderTestSupport {

    @Autowired
    private InvoiceRecords records;

    @Test
    void an_invoiced_work_order_has_a_pdf_with_every_figure_the_same_to_the_byte_each_time() throws Exception {
        String name = unique("Invoice Customer");
        Api.Response customer = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", name,
                "email", unique("invoice") + "@example.com", "address", "12 Harbour Road\n90210 Portside"));
        String asset = api.as(Role.ADVISOR).post("/api/customers/" + customer.id() + "/assets", Map.of("kind", "VEHICLE",
                "make", "Ford", "model", "Transit", "year", 2019, "licensePlate", "WR-123")).id();
        Api.Response opened = open(customer.id(), Map.of("assetId", asset));
        String id = opened.id();
        String number = opened.json().get("number").asString();
        assertThat(addLabour(id, "Replace brake discs", 2.5, 80).status()).isEqualTo(201);
        String item = stockItem(10, "10.00");
        assertThat(addPart(id, item, 4).status()).isEqualTo(201);
        settle();
        assertThat(action(Role.ADVISOR, id, "approve", null).status()).isEqualTo(200);
        assertThat(action(Role.MANAGER, id, "assign", Map.of("technician", "technician-client")).status()).isEqualTo(200);
        assertThat(action(Role.TECHNICIAN, id, "start", null).status()).isEqualTo(200);
        action(Role.TECHNICIAN, id, "inspections", Map.of("result", "PASS"));
        Api.Response completed = action(Role.TECHNICIAN, id, "complete", null);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

        Api.Response early = readAfter(completed, Role.ADVISOR, "/api/work-orders/" + id + "/invoice.pdf");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("COMPLETED");

        Api.Response invoiced = action(Role.MANAGER, id, "invoice", null);
        Api.Response payment = action(Role.ADVISOR, id, "payments", Map.of("amount", 100, "method", "CARD"));
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);

        Api.Response pdf = readAfter(payment, Role.ADVISOR, "/api/work-orders/" + id + "/invoice.pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        String text = text(pdf.bytes());
        String invoiceNumber = "INV-" + number.substring(3);
        // labour 2.5 h x 80.00 = 200.00; parts 4 x the cost-based price; tax 20 %; one payment of 100.00
        JsonFigures figures = JsonFigures.of(readAfter(payment, Role.ADVISOR, "/api/work-orders/" + id).json().get("totals"));
        assertThat(text).contains("Wrench Workshop", "Tax number: XX000000000", "INVOICE", "Invoice number: " + invoiceNumber,
                "Work order: " + number, name, "12 Harbour Road", "90210 Portside", "Ford Transit (2019) – WR-123",
                "Labour: Replace brake discs", "2.5", "80.00", "200.00", "Tax (20 %)")
                .contains("Labour " + figures.labour(), "Parts " + figures.parts(), "Tax (20 %) " + figures.tax(),
                        "Total " + figures.total(), "CARD 100.00", "Paid 100.00", "Balance due " + figures.balance());
        assertThat(figures.labour()).isEqualTo("200.00");
        assertThat(new java.math.BigDecimal(figures.balance()))
                .isEqualByComparingTo(new java.math.BigDecimal(figures.total()).subtract(new java.math.BigDecimal("100.00")));

        Api.Response again = api.as(Role.MANAGER).get("/api/work-orders/" + id + "/invoice.pdf");
        assertThat(again.bytes()).as("the same invoice renders byte-identical").isEqualTo(pdf.bytes());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.bytes()));
        assertThat(pdf.header("ETag")).isEqualTo("\"" + sha256 + "\"");
        assertThat(records.hashes(java.util.UUID.fromString(id))).containsExactly(sha256);

        Api.Response rest = action(Role.ADVISOR, id, "payments", Map.of("amount",
                new java.math.BigDecimal(figures.balance()), "method", "CASH"));
        Api.Response settled = readAfter(rest, Role.ADVISOR, "/api/work-orders/" + id + "/invoice.pdf");
        assertThat(text(settled.bytes())).contains("Balance due 0.00");
        assertThat(records.hashes(java.util.UUID.fromString(id))).hasSize(2).startsWith(sha256);
        assertThat(invoiced.status()).isEqualTo(200);
    }

    @Test
    void unknown_work_orders_have_no_invoice() {
        assertThat(api.as(Role.ADVISOR).get("/api/work-orders/" + uuid() + "/invoice.pdf").status()).isEqualTo(404);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        }
    }

    private record JsonFigures(String labour, String parts, String tax, String total, String balance) {
        static JsonFigures of(tools.jackson.databind.JsonNode totals) {
            return new JsonFigures(money(totals, "labour"), money(totals, "parts"), money(totals, "tax"),
                    money(totals, "total"), money(totals, "balance"));
        }

        private static String money(tools.jackson.databind.JsonNode totals, String field) {
            return totals.get(field).decimalValue().setScale(2).toPlainString();
        }
    }
}
