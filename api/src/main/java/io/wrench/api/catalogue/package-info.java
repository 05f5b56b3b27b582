/** The service catalogue's endpoints (/api/catalogue). */
package io.wrench.api.catalogue;
