/** The technician directory as clients read it: the list (by name, active or not) and each technician. */
package io.wrench.query.technician;
