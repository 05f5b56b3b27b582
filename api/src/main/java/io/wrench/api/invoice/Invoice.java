package io.wrench.api.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Everything an invoice document shows, gathered before rendering: the renderer reads nothing else. */
record Invoice(String number, String workOrderNumber, LocalDate issuedOn, Party shop, String shopTaxNumber,
               Party customer, String asset, List<Line> lines, BigDecimal labour, BigDecimal parts,
               BigDecimal taxRate, BigDecimal tax, BigDecimal total, List<Payment> payments, BigDecimal paid,
               BigDecimal balance) {

    record Party(String name, List<String> lines) {
    }

    /** A labour line (hours at a rate) or a part line (quantity at a unit price). */
    record Line(String kind, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    record Payment(LocalDate on, String method, BigDecimal amount) {
    }
}
