package io.wrench.api.invoice;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The SHA-256 of every distinct invoice document handed out, recorded when it is first issued
 * (table invoice_document, V13): the same facts render the same bytes, so a work order has one row per
 * state it was invoiced in (a payment changes the balance, and with it the document). An auditor
 * holding a printed or mailed invoice can check its hash against this record.
 */
@Component
class InvoiceRecords {

    private final JdbcClient jdbc;

    InvoiceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the document unless it was issued before (by this instance or another). */
    void issued(UUID workOrderId, String invoiceNumber, String sha256, String issuedTo, Instant at) {
        boolean known = jdbc.sql("select count(*) from invoice_document where work_order_id = ? and sha256 = ?")
                .params(workOrderId, sha256).query(Long.class).single() > 0;
        if (known) {
            return;
        }
        try {
            jdbc.sql("insert into invoice_document (work_order_id, sha256, invoice_number, first_issued_at, issued_to) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(workOrderId, sha256, invoiceNumber, Timestamp.from(at), issuedTo).update();
        } catch (DuplicateKeyException issuedAtTheSameMoment) {
            // another request recorded the same document first: that row stands
        }
    }

    List<String> hashes(UUID workOrderId) {
        return jdbc.sql("select sha256 from invoice_document where work_order_id = ? order by first_issued_at, sha256")
                .param(workOrderId).query(String.class).list();
    }
}
