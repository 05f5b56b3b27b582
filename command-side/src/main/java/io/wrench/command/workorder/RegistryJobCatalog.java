package io.wrench.command.workorder;

import io.wrench.command.catalogue.ServiceCatalogue;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Jobs seen through the catalogue's command-side registry (same transaction as its events). */
@Component
class RegistryJobCatalog implements JobCatalog {

    private final ServiceCatalogue catalogue;

    RegistryJobCatalog(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<Job> find(String serviceCode) {
        return catalogue.find(serviceCode).map(e -> new Job(e.code(), e.revision(), e.name(), e.retired(),
                e.labourLines(), e.partLines(), e.fixedPrice()));
    }
}
