package io.wrench.api.invoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.RequestMetadata;
import io.wrench.shared.workorder.WorkOrderId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping(path = "/api/work-orders")
@Tag(name = "Work orders")
class InvoiceController {

    private final InvoiceDocuments invoices;

    InvoiceController(InvoiceDocuments invoices) {
        this.invoices = invoices;
    }

    @GetMapping(path = "/{id}/invoice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The invoice as a PDF (409 before the work order is invoiced); the same facts give the "
            + "same bytes, and the SHA-256 of each document is recorded when first issued")
    @ApiResponse(responseCode = "200", description = "the invoice")
    @ApiResponse(responseCode = "409", description = "the work order is not invoiced")
    ResponseEntity<byte[]> invoice(@PathVariable UUID id) {
        InvoiceDocuments.Document document = invoices.issue(new WorkOrderId(id), RequestMetadata.currentUser());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(document.number() + ".pdf")
                        .build().toString())
                .eTag("\"" + document.sha256() + "\"")
                .body(document.pdf());
    }
}
