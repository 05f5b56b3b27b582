package io.wrench.command.workorder;

import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What applying a job needs to know about a catalogue entry: its current revision. */
public interface JobCatalog {

    Optional<Job> find(String serviceCode);

    record Job(String code, int revision, String name, boolean retired, List<ServiceLabour> labourLines,
               List<ServicePart> partLines, BigDecimal fixedPrice) {
    }
}
