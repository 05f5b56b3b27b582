package io.wrench.command.catalogue;

import io.wrench.shared.catalogue.ServiceEntryId;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The command side's own view of the catalogue: which code is taken, and each entry's current
 * revision as a work order or an appointment needs it. Kept in the command's transaction (a
 * subscribing processor), never read from the eventually consistent read side.
 */
public interface ServiceCatalogue {

    /** The entry that has this code (compared case-insensitively), if any. */
    Optional<ServiceEntryId> codeOwner(String code);

    /** The entry's current revision; empty when no entry has this code. */
    Optional<Entry> find(String code);

    record Entry(String code, int revision, String name, boolean retired, List<ServiceLabour> labourLines,
                 List<ServicePart> partLines, BigDecimal fixedPrice) {

        /** The time the job takes: its labour hours. */
        public BigDecimal hours() {
            return labourLines.stream().map(ServiceLabour::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
