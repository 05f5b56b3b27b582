package io.wrench.command.catalogue.messages;

import io.wrench.shared.catalogue.ServiceEntryId;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.util.List;

/**
 * The next revision of an entry: every field that is null stays as it was ({@code clearFixedPrice}
 * removes the fixed price). A revision that changes nothing is not recorded.
 */
public record ReviseServiceEntry(@TargetAggregateIdentifier ServiceEntryId entryId, String name, String description,
                                 String category, List<ServiceLabour> labourLines, List<ServicePart> partLines,
                                 BigDecimal fixedPrice, boolean clearFixedPrice,
                                 @TargetAggregateVersion Long expectedVersion) {
}
