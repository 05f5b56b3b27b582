package io.wrench.api.config;

import io.wrench.command.workorder.PricingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The work-order lookups that need Wrench's properties; the others are components of the command
 * side ({@code io.wrench.command.workorder}).
 */
@Configuration(proxyBeanMethods = false)
class WorkOrderConfig {

    /** A part line added without a price costs the item's unit cost plus {@code wrench.parts-markup}. */
    @Bean
    PricingPolicy pricingPolicy(WrenchProperties properties) {
        return PricingPolicy.markup(properties.getPartsMarkup());
    }
}
