package io.wrench.query.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@Entity
@Table(name = "customer_view")
class CustomerEntity {

    @Id
    UUID id;
    String name;
    String email;
    String phone;
    String address;
    boolean archived;
    @Column(name = "asset_count")
    int assetCount;
    @Column(name = "open_work_orders")
    int openWorkOrders;
    long version;
    @Column(name = "registered_at")
    Instant registeredAt;
    /** name, email and phone in lower case: what {@code search} matches. */
    @Column(name = "search_text")
    String searchText;

    protected CustomerEntity() {
    }

    CustomerEntity(UUID id) {
        this.id = id;
    }

    void contact(String name, String email, String phone, String address) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.address = address;
        this.searchText = Stream.of(name, email, phone).filter(s -> s != null && !s.isBlank())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }
}
