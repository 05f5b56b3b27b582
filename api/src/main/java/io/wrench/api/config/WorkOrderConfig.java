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
    /** The bays and opening hours appointments are booked in (wrench.shop.*). */
    @Bean
    io.wrench.command.appointment.ShopHours shopHours(WrenchProperties properties) {
        WrenchProperties.Shop shop = properties.getShop();
        return new io.wrench.command.appointment.ShopHours(shop.getTimeZone(),
                shop.getBays().stream().map(String::trim).toList(), shop.getOpens(), shop.getCloses(),
                java.util.Set.copyOf(shop.getOpenDays()));
    }

    @Bean
    PricingPolicy pricingPolicy(WrenchProperties properties) {
        return PricingPolicy.markup(properties.getPartsMarkup());
    }
}
