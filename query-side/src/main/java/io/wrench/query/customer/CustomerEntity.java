package io.wrench.query.customer;

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
    int assetCount;
    int openWorkOrders;
    long version;
    Instant registeredAt;
    /** name, email and phone in lower case: what {@code search} matches. */
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
