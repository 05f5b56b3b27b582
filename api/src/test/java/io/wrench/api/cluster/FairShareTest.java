package io.wrench.api.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FairShareTest {

    /** Wrench's processors today: three that must run on one segment, two split in four. */
    private static final SortedMap<String, Integer> SEGMENTS = new TreeMap<>(Map.of(
            "PartsProcessProcessor", 1, "customer-projection", 1, "work-order-projection", 1,
            "stock-item-projection", 4, "stock-movement-projection", 4));

    private static List<String> nodes(int count) {
        return IntStream.range(0, count).mapToObj(i -> "node-" + i).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 12})
    void every_segment_has_exactly_one_instance_and_totals_differ_by_at_most_one(int instances) {
        List<String> nodes = nodes(instances);
        List<Map<String, Integer>> shares = nodes.stream().map(n -> FairShare.compute(nodes, n, SEGMENTS)).toList();
        SEGMENTS.forEach((processor, segments) -> assertThat(shares.stream().mapToInt(s -> s.get(processor)).sum())
                .as(processor + " over " + instances + " instances").isEqualTo(segments));
        int[] totals = shares.stream().mapToInt(s -> s.values().stream().mapToInt(Integer::intValue).sum()).toArray();
        assertThat(IntStream.of(totals).max().orElseThrow() - IntStream.of(totals).min().orElseThrow())
                .as("totals %s", java.util.Arrays.toString(totals)).isLessThanOrEqualTo(1);
    }

    @Test
    void two_instances_each_take_half_of_a_split_processor_and_the_single_ones_are_dealt_out() {
        List<String> nodes = nodes(2);
        Map<String, Integer> first = FairShare.compute(nodes, "node-0", SEGMENTS);
        Map<String, Integer> second = FairShare.compute(nodes, "node-1", SEGMENTS);
        assertThat(first.get("stock-item-projection")).isEqualTo(2);
        assertThat(second.get("stock-movement-projection")).isEqualTo(2);
        assertThat(first.get("PartsProcessProcessor") + second.get("PartsProcessProcessor")).isEqualTo(1);
        assertThat(first.get("customer-projection")).isNotEqualTo(first.get("PartsProcessProcessor"));
    }

    @Test
    void an_instance_alone_may_claim_everything_and_an_unknown_processor_is_not_limited() {
        FairShare share = new FairShare();
        share.update(List.of("only"), "only", SEGMENTS);
        assertThat(share.getMaxSegments("stock-item-projection")).isEqualTo(4);
        assertThat(share.getMaxSegments("a-new-projection")).isEqualTo(Short.MAX_VALUE);
    }
}
