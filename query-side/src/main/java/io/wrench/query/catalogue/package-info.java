/** Catalogue read models: the entry list (search, retired filter) and each entry's current revision. */
package io.wrench.query.catalogue;
