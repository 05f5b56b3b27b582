package io.wrench.command.catalogue.messages;

import io.wrench.shared.catalogue.ServiceEntryId;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Define a catalogue entry (revision 1): the code must be free (case-insensitive), and the entry needs
 * at least one line or a fixed price.
 */
public record DefineServiceEntry(@TargetAggregateIdentifier ServiceEntryId entryId, String code, String name,
                                 String description, String category, List<ServiceLabour> labourLines,
                                 List<ServicePart> partLines, BigDecimal fixedPrice) {
}
