/**
 * The customer aggregate (contact details, assets and their meter readings, archiving) and the
 * command-side registry that keeps emails and VINs unique in the command's own transaction.
 */
package io.wrench.command.customer;
