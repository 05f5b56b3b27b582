package io.wrench.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Lists as a client reads them, for assertions. */
public final class Pages {

    private Pages() {
    }

    /** Query handlers declare their page raw (Axon matches the raw class); the items' type is the list's. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> PageView<T> typed(PageView page) {
        return page;
    }

    public static <T, R> List<R> each(PageView<T> page, Function<T, R> field) {
        return page.items().stream().map(field).toList();
    }

    /**
     * Checks that the list sorts by each field its allow-list names (a name mapped to no property fails
     * in the query) and refuses a field it does not name.
     */
    public static void assertSortsByEveryAllowedField(Set<String> allowed, Function<String, List<?>> sortedBy,
                                                      String refused) {
        for (String field : allowed) {
            assertThat(sortedBy.apply(field)).as("sorted by " + field).isNotEmpty();
        }
        assertThatIllegalArgumentException().isThrownBy(() -> sortedBy.apply(refused));
    }

    /** Everything a client can read of a projection: the page and the detail of each row on it. */
    public static <T> List<Object> withDetails(PageView<T> page, Function<T, ?> details) {
        List<Object> all = new ArrayList<>();
        all.add(page);
        page.items().forEach(row -> all.add(details.apply(row)));
        return all;
    }
}
