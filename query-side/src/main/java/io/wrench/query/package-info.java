/**
 * The query side: projections build read models from events; query handlers answer from them.
 * Every projection can be emptied ({@code @ResetHandler}) and rebuilt by replay.
 */
package io.wrench.query;
