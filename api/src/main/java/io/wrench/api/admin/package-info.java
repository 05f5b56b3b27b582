/** Operations over the running system: projection status and rebuilds ({@code /api/admin/**}). */
package io.wrench.api.admin;
