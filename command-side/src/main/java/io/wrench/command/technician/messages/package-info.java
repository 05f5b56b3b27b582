/** Commands of the technician directory. */
package io.wrench.command.technician.messages;
