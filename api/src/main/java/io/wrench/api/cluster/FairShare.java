package io.wrench.api.cluster;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * How many segments of each processor this instance may claim: the segments are dealt out over the
 * live instances like cards, processor by processor in name order, the remainder of one processor
 * continuing where the last one's stopped, so every instance ends up with its share of each processor
 * and the totals differ by at most one. Every instance computes the same table from the same node and
 * segment lists, so they agree without talking to each other. Axon's pooled processors ask for the
 * maximum on every claim cycle and release what is above it, so instances coming and going rebalance
 * the work within a few seconds.
 */
public class FairShare implements MaxSegmentProvider {

    private volatile Map<String, Integer> shares = Map.of();

    @Override
    public int getMaxSegments(String processingGroup) {
        return shares.getOrDefault(processingGroup, (int) Short.MAX_VALUE);
    }

    public Map<String, Integer> shares() {
        return shares;
    }

    void update(List<String> liveNodes, String self, SortedMap<String, Integer> segmentCounts) {
        shares = compute(liveNodes, self, segmentCounts);
    }

    /**
     * @param liveNodes     the live instances, sorted (the same list on every instance)
     * @param segmentCounts segments per processor, sorted by processor name
     */
    static Map<String, Integer> compute(List<String> liveNodes, String self, SortedMap<String, Integer> segmentCounts) {
        int nodes = liveNodes.size();
        int me = liveNodes.indexOf(self);
        Map<String, Integer> result = new HashMap<>();
        if (me < 0 || nodes == 0) {
            return result;
        }
        int next = 0;
        for (Map.Entry<String, Integer> processor : segmentCounts.entrySet()) {
            int segments = processor.getValue();
            int base = segments / nodes;
            int remainder = segments % nodes;
            boolean extra = Math.floorMod(me - next, nodes) < remainder;
            result.put(processor.getKey(), base + (extra ? 1 : 0));
            next = (next + remainder) % nodes;
        }
        return result;
    }
}
