package io.wrench.api.invoice;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer alone: the same invoice gives the same bytes, with fonts embedded and only its own date. */
class InvoicePdfTest {

    static Invoice sample() {
        return new Invoice("INV-2026-000042", "WO-2026-000042", LocalDate.of(2026, 11, 30),
                new Invoice.Party("Wrench Workshop", List.of("1 Workshop Lane", "00000 Example Town")), "XX000000000",
                new Invoice.Party("Ada Lovelace", List.of("12 Harbour Road", "90210 Portside", "ada@example.com")),
                "Ford Transit (2019) – WR-123",
                List.of(new Invoice.Line("Labour", "Replace brake discs", new BigDecimal("2.5"), new BigDecimal("80.00"),
                                new BigDecimal("200.00")),
                        new Invoice.Line("Part", "BP-001 Brake pads, front axle (ceramic)", new BigDecimal("4"),
                                new BigDecimal("13.00"), new BigDecimal("52.00"))),
                new BigDecimal("200.00"), new BigDecimal("52.00"), new BigDecimal("0.20"), new BigDecimal("50.40"),
                new BigDecimal("302.40"),
                List.of(new Invoice.Payment(LocalDate.of(2026, 11, 30), "CARD", new BigDecimal("100.00"))),
                new BigDecimal("100.00"), new BigDecimal("202.40"));
    }

    @Test
    void the_same_invoice_renders_the_same_bytes() throws Exception {
        byte[] first = InvoicePdf.render(sample());
        byte[] second = InvoicePdf.render(sample());

        assertThat(second).isEqualTo(first);
        Path example = Path.of("target", "invoice-example.pdf");
        Files.createDirectories(example.getParent());
        Files.write(example, first);
    }

    @Test
    void the_only_date_is_the_invoices_and_the_fonts_are_embedded() throws Exception {
        try (PDDocument document = Loader.loadPDF(InvoicePdf.render(sample()))) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(LocalDate.of(2026, 11, 30).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            assertThat(document.getDocumentInformation().getModificationDate())
                    .isEqualTo(document.getDocumentInformation().getCreationDate());
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Total 302.40", "Balance due 202.40", "Tax (20 %) 50.40", "CARD 100.00");
        }
    }

    @Test
    void different_invoices_have_different_document_ids() throws Exception {
        Invoice other = new Invoice("INV-2026-000043", "WO-2026-000043", sample().issuedOn(), sample().shop(),
                sample().shopTaxNumber(), sample().customer(), null, List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("0.20"), BigDecimal.ZERO, BigDecimal.ZERO, List.of(), BigDecimal.ZERO, BigDecimal.ZERO);
        try (PDDocument a = Loader.loadPDF(InvoicePdf.render(sample()));
             PDDocument b = Loader.loadPDF(InvoicePdf.render(other))) {
            assertThat(a.getDocument().getDocumentID()).isNotEqualTo(b.getDocument().getDocumentID());
        }
    }
}
