/**
 * The service catalogue: canned jobs (labour and part lines, or a fixed price) that a work order or
 * an appointment names by code. One aggregate per entry; codes are unique through the command-side
 * registry, like customers' e-mails.
 */
package io.wrench.command.catalogue;
