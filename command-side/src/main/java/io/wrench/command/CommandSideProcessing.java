package io.wrench.command;

import io.wrench.shared.InStoredOrder;
import io.wrench.command.workorder.PartsProcess;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the command side's event handlers run. The lookup tables behind set-based rules (unique
 * e-mail, VIN, SKU, service code; booked time; the technician directory) are written by <b>subscribing</b> processors, in the transaction that stores the
 * event, so a duplicate rolls the command back. The parts process sees part lines in request order.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideProcessing {

    /** Processing groups of the command-side lookup tables (constants on the registries). */
    public static final String CUSTOMER_REGISTRY = "customer-registry";
    public static final String STOCK_ITEM_REGISTRY = "stock-item-registry";
    public static final String CATALOGUE_REGISTRY = "catalogue-registry";
    public static final String BOOKING_REGISTRY = "booking-registry";
    public static final String TECHNICIAN_REGISTRY = "technician-registry";

    @Bean
    ConfigurerModule commandSideLookups() {
        return configurer -> {
            configurer.eventProcessing().registerSubscribingEventProcessor(CUSTOMER_REGISTRY);
            configurer.eventProcessing().registerSubscribingEventProcessor(STOCK_ITEM_REGISTRY);
            configurer.eventProcessing().registerSubscribingEventProcessor(CATALOGUE_REGISTRY);
            configurer.eventProcessing().registerSubscribingEventProcessor(BOOKING_REGISTRY);
            configurer.eventProcessing().registerSubscribingEventProcessor(TECHNICIAN_REGISTRY);
        };
    }

    @Bean
    InStoredOrder partsProcessInRequestOrder() {
        return PartsProcess.IN_REQUEST_ORDER;
    }
}
