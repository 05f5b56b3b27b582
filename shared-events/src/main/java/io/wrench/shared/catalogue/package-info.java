/** The service catalogue (canned jobs): ids and events. */
package io.wrench.shared.catalogue;
