package io.wrench.command.technician;

import io.wrench.command.CommandSideProcessing;
import io.wrench.command.LookupTable;
import io.wrench.shared.technician.TechnicianDeactivated;
import io.wrench.shared.technician.TechnicianReactivated;
import io.wrench.shared.technician.TechnicianRegistered;
import io.wrench.shared.technician.TechnicianRenamed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The directory's table {@code cmd_technician}, written by a subscribing processor inside the
 * transaction that stores the event. The user id is the primary key: the aggregate id is derived from
 * it, so two registrations of one person meet in one stream before they could meet here.
 */
@Component
@ProcessingGroup(CommandSideProcessing.TECHNICIAN_REGISTRY)
class JdbcTechnicianDirectory extends LookupTable implements TechnicianDirectory {

    JdbcTechnicianDirectory(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public Optional<Entry> find(String userId) {
        return first("select user_id, display_name, active from cmd_technician where user_id = ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getBoolean(3)), userId);
    }

    @EventHandler
    void on(TechnicianRegistered event) {
        jdbc.update("insert into cmd_technician (user_id, display_name, active) values (?, ?, true)",
                event.userId(), event.displayName());
    }

    @EventHandler
    void on(TechnicianRenamed event) {
        jdbc.update("update cmd_technician set display_name = ? where user_id = ?", event.displayName(), event.userId());
    }

    @EventHandler
    void on(TechnicianDeactivated event) {
        jdbc.update("update cmd_technician set active = false where user_id = ?", event.userId());
    }

    @EventHandler
    void on(TechnicianReactivated event) {
        jdbc.update("update cmd_technician set active = true where user_id = ?", event.userId());
    }

    @ResetHandler
    void reset() {
        clear("cmd_technician");
    }
}
