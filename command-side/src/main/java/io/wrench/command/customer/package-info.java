/**
 * The customer aggregate (contact details, assets and their meter readings, archiving) and the
 * command-side registry that keeps emails and VINs unique in the command's own transaction.
 * <p>
 * Where each rule lives: input checks, {@code CustomerRuleViolation.INPUT}; unique e-mail and VIN,
 * {@code Customer} (registry lookup) and {@code JdbcCustomerRegistry} (unique index, the last word);
 * readings never decrease, {@code MeterReadingPolicy}; archived customers take no new assets,
 * {@code Customer}; archived customers get no new work orders, the work-order side's
 * {@code RegistryCustomerEligibility}.
 */
package io.wrench.command.customer;
