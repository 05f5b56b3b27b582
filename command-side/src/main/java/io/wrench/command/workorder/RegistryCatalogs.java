package io.wrench.command.workorder;

import io.wrench.command.catalogue.ServiceCatalogue;
import io.wrench.command.inventory.StockItemRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a work order sees of other features, through their command-side registries (written in the same
 * transaction as their events): jobs from the catalogue's, parts from inventory's.
 */
@Configuration(proxyBeanMethods = false)
class RegistryCatalogs {

    @Bean
    JobCatalog registryJobCatalog(ServiceCatalogue catalogue) {
        return serviceCode -> catalogue.find(serviceCode).map(e -> new JobCatalog.Job(e.code(), e.revision(),
                e.name(), e.retired(), e.labourLines(), e.partLines(), e.fixedPrice()));
    }

    @Bean
    PartCatalog registryPartCatalog(StockItemRegistry registry) {
        return itemId -> registry.find(itemId).map(item -> new PartCatalog.Part(item.sku(), item.name(),
                item.unitCost(), item.discontinued()));
    }
}
