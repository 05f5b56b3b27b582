package io.wrench.command.catalogue;

import io.wrench.command.CommandSideProcessing;
import io.wrench.command.LookupTable;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.catalogue.ServiceEntryDefined;
import io.wrench.shared.catalogue.ServiceEntryId;
import io.wrench.shared.catalogue.ServiceEntryRetired;
import io.wrench.shared.catalogue.ServiceEntryRevised;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;
import io.wrench.shared.inventory.StockItemId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry's tables ({@code cmd_service_entry}, {@code cmd_service_line}) are written by a
 * subscribing processor, inside the transaction that stores the event: each entry's current revision,
 * and its code under a unique index that is the last word when two definitions race.
 */
@Component
@ProcessingGroup(CommandSideProcessing.CATALOGUE_REGISTRY)
class JdbcServiceCatalogue extends LookupTable implements ServiceCatalogue {

    JdbcServiceCatalogue(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public Optional<ServiceEntryId> codeOwner(String code) {
        return first("select entry_id from cmd_service_entry where code_key = ?",
                (rs, i) -> new ServiceEntryId(rs.getObject(1, UUID.class)), ServiceEntryId.normalise(code));
    }

    @Override
    public Optional<Entry> find(String code) {
        record Head(UUID id, String code, int revision, String name, boolean retired, BigDecimal fixedPrice) {
        }
        Optional<Head> head = first("select entry_id, code, revision, name, retired, fixed_price"
                        + " from cmd_service_entry where code_key = ?",
                (rs, i) -> new Head(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBigDecimal(6)), ServiceEntryId.normalise(code));
        return head.map(h -> {
            List<ServiceLabour> labour = new ArrayList<>();
            List<ServicePart> parts = new ArrayList<>();
            jdbc.query("select description, hours, hourly_rate, item_id, quantity from cmd_service_line"
                    + " where entry_id = ? order by position", rs -> {
                UUID item = rs.getObject(4, UUID.class);
                if (item == null) {
                    labour.add(new ServiceLabour(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
                } else {
                    parts.add(new ServicePart(new StockItemId(item), rs.getBigDecimal(5)));
                }
            }, h.id());
            return new Entry(h.code(), h.revision(), h.name(), h.retired(), List.copyOf(labour), List.copyOf(parts),
                    h.fixedPrice());
        });
    }

    @EventHandler
    void on(ServiceEntryDefined event) {
        writeUnique(() -> new CatalogueRuleViolation(ErrorCode.SERVICE_CODE_IN_USE,
                        "service code " + event.code() + " is already in use"),
                "insert into cmd_service_entry (entry_id, code_key, code, revision, name, retired, fixed_price)"
                        + " values (?, ?, ?, ?, ?, false, ?)", event.entryId().value(),
                ServiceEntryId.normalise(event.code()), event.code(), event.revision(), event.name(),
                event.fixedPrice());
        lines(event.entryId(), event.labourLines(), event.partLines());
    }

    @EventHandler
    void on(ServiceEntryRevised event) {
        jdbc.update("update cmd_service_entry set revision = ?, name = ?, fixed_price = ? where entry_id = ?",
                event.revision(), event.name(), event.fixedPrice(), event.entryId().value());
        jdbc.update("delete from cmd_service_line where entry_id = ?", event.entryId().value());
        lines(event.entryId(), event.labourLines(), event.partLines());
    }

    @EventHandler
    void on(ServiceEntryRetired event) {
        jdbc.update("update cmd_service_entry set retired = true where entry_id = ?", event.entryId().value());
    }

    private void lines(ServiceEntryId entry, List<ServiceLabour> labour, List<ServicePart> parts) {
        int position = 0;
        for (ServiceLabour line : labour) {
            jdbc.update("insert into cmd_service_line (entry_id, position, description, hours, hourly_rate)"
                    + " values (?, ?, ?, ?, ?)", entry.value(), position++, line.description(), line.hours(),
                    line.hourlyRate());
        }
        for (ServicePart line : parts) {
            jdbc.update("insert into cmd_service_line (entry_id, position, item_id, quantity) values (?, ?, ?, ?)",
                    entry.value(), position++, line.itemId().value(), line.quantity());
        }
    }

    @ResetHandler
    void reset() {
        clear("cmd_service_line", "cmd_service_entry");
    }
}
