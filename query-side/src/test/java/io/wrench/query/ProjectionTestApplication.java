package io.wrench.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration {@link ProjectionTest}s start from: query-side has no application of its own, and
 * this one's package makes every entity and repository below {@code io.wrench.query} part of the slice.
 */
@SpringBootApplication
class ProjectionTestApplication {
}
