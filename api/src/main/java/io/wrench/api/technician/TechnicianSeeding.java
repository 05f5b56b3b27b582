package io.wrench.api.technician;

import io.wrench.api.config.WrenchProperties;
import io.wrench.api.web.RequestMetadata;
import io.wrench.command.technician.messages.EnsureTechnician;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the seeded technicians once the application is up, with {@link EnsureTechnician}: a
 * technician already registered is left as they are (renamed or deactivated since stays so), and every
 * instance may send it on every start, since one user id is one aggregate. Start-up only: nothing of
 * it runs on a request. No person sent it, so its events carry no user, only {@code via: technician-seed}.
 */
@Component
class TechnicianSeeding {

    /** What a seeded registration's events say in {@code via}: no person asked for it. */
    static final String VIA = "technician-seed";

    private static final Logger log = LoggerFactory.getLogger(TechnicianSeeding.class);

    private final CommandGateway commands;
    private final List<TechnicianSeed> seeds;
    private final WrenchProperties properties;

    TechnicianSeeding(CommandGateway commands, List<TechnicianSeed> seeds, WrenchProperties properties) {
        this.commands = commands;
        this.seeds = seeds;
        this.properties = properties;
    }

    /** The configured seed and the beans' (the embedded default's demo technician); configuration wins. */
    Map<String, String> technicians() {
        Map<String, String> all = new LinkedHashMap<>();
        seeds.forEach(seed -> all.put(seed.userId(), seed.displayName()));
        all.putAll(properties.getTechnicians().getSeed());
        return all;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        technicians().forEach((userId, displayName) -> {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(EnsureTechnician.of(userId, displayName))
                        .andMetaData(Map.of(RequestMetadata.VIA, VIA)));
            } catch (RuntimeException failed) {
                // another instance seeding at the same moment, or a bad entry in the configuration: the
                // directory can still be kept through the API, so the application starts anyway
                log.warn("Could not register the seeded technician {}: {}", userId, failed.getMessage());
            }
        });
    }
}
