-- Every distinct invoice document (PDF) handed out, by its SHA-256, when it was first issued and to
-- whom (InvoiceRecords). The same facts render the same bytes: one row per state invoiced in.
create table invoice_document (
    work_order_id   uuid         not null,
    sha256          varchar(64)  not null,
    invoice_number  varchar(40)  not null,
    first_issued_at timestamp with time zone not null,
    issued_to       varchar(200),
    primary key (work_order_id, sha256)
);
