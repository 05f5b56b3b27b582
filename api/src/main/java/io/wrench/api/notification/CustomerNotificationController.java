package io.wrench.api.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.CommandAnswers;
import io.wrench.api.web.CommandResponses;
import io.wrench.api.web.NotFoundException;
import io.wrench.api.web.ReadsFrom;
import io.wrench.command.customer.messages.ChangeNotificationPreferences;
import io.wrench.shared.customer.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A customer's notification preferences: opt out of e-mail (or back in), and the language to write in. */
@RestController
@ReadsFrom(OutboxFeed.PROCESSING_GROUP)
@RequestMapping(path = "/api/customers/{id}/notifications", produces = "application/json")
@Tag(name = "Customers")
class CustomerNotificationController {

    private final CommandResponses commands;
    private final JdbcClient jdbc;

    CustomerNotificationController(CommandResponses commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /** {@code email}: whether the customer gets notification e-mails; {@code language}: ISO 639-1, null if unknown. */
    record Preferences(@NotNull Boolean email,
                       @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter ISO 639-1 code such as de") String language) {
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Set the customer's notification preferences: email false opts out of every notification "
            + "e-mail, true opts back in; language (e.g. de) picks the templates, English when unknown or not offered")
    ResponseEntity<CommandAnswers.Versioned> change(@PathVariable UUID id, @Valid @RequestBody Preferences body) {
        return commands.action(version -> new ChangeNotificationPreferences(new CustomerId(id), body.email(),
                body.language(), version));
    }

    @GetMapping
    @Operation(summary = "The customer's notification preferences as the notification feed knows them")
    Preferences get(@PathVariable UUID id) {
        return jdbc.sql("select opted_out, language from notification_recipient where customer_id = ?").param(id)
                .query((rs, row) -> new Preferences(!rs.getBoolean("opted_out"), rs.getString("language")))
                .optional().orElseThrow(() -> new NotFoundException("customer with id " + id));
    }
}
