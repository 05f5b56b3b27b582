package io.wrench.api.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-checks history event by event, in global order: each aggregate's sequence and hash chain, and the
 * ledger's leaves in leaf order (the frontier yields the root of every prefix). The server's job and the
 * stand-alone verifier feed it; it keeps O(aggregates + log n) state. The earliest break (by position)
 * is the one reported.
 */
public final class Verification {

    /** Reasons, as docs/audit.md lists them. */
    public static final String HASH_MISMATCH = "hash-mismatch";
    public static final String SEQUENCE_GAP = "sequence-gap";
    public static final String OUT_OF_ORDER = "out-of-order";
    public static final String UNHASHED = "hash-missing";
    public static final String LEDGER_MISMATCH = "ledger-mismatch";
    public static final String MISSING = "missing";
    public static final String ROOT_MISMATCH = "root-mismatch";

    private record Link(long sequence, String hash, StoredEvent gapAt) {
    }

    private final Map<String, Link> chains = new HashMap<>();
    private final TreeMap<Long, byte[]> waitingLeaves = new TreeMap<>();
    private final MerkleTree.Frontier frontier = new MerkleTree.Frontier();
    private final Map<Long, byte[]> rootsWanted = new HashMap<>();
    private final Map<Long, byte[]> roots = new HashMap<>();
    private long checked;
    private Long coveredFrom;
    private Broken first;

    /** Asks for the root the leaves give at this tree size (a saved digest's, say). */
    public void wantRoot(long treeSize) {
        rootsWanted.put(treeSize, null);
        if (treeSize == 0) {
            roots.put(0L, frontier.root());
        }
    }

    public void accept(StoredEvent event) {
        checked++;
        String hash = event.hash();
        if (event.aggregateId() != null && event.sequence() != null) {
            checkChain(event, hash);
        }
        if (hash != null) {
            if (coveredFrom == null) {
                coveredFrom = event.position();
            }
            if (event.leafIndex() != null) {
                addLeaf(event.leafIndex(), MerkleTree.leafHash(EventHash.unhex(hash)));
            }
        }
    }

    private void checkChain(StoredEvent event, String hash) {
        String aggregate = event.aggregateId();
        long sequence = event.sequence();
        Link previous = chains.get(aggregate);
        long expected = previous == null ? 0 : previous.sequence() + 1;
        StoredEvent gapAt = previous == null ? null : previous.gapAt();
        if (sequence < expected) {
            if (gapAt != null) {
                report(Broken.at(gapAt, OUT_OF_ORDER, "stored before sequence " + sequence + " of its aggregate"));
            } else {
                report(Broken.at(event, OUT_OF_ORDER, "sequence " + sequence + " after " + (expected - 1)));
            }
            return;
        }
        if (sequence > expected) {
            gapAt = event;
            report(Broken.at(event, SEQUENCE_GAP, "sequence " + expected
                    + (sequence - 1 > expected ? " to " + (sequence - 1) : "") + " of its aggregate is missing"));
        } else if (hash == null) {
            if (previous != null && previous.hash() != null) {
                report(Broken.at(event, UNHASHED, "the event after a hashed one carries no hash"));
            }
        } else {
            String computed = EventHash.of(event.hashInput(), previous == null ? null : previous.hash());
            if (!computed.equals(hash)) {
                report(Broken.at(event, HASH_MISMATCH, "content or link gives " + computed + ", stored " + hash));
            }
        }
        chains.put(aggregate, new Link(sequence, hash, gapAt));
    }

    private void addLeaf(long leafIndex, byte[] leafHash) {
        waitingLeaves.put(leafIndex, leafHash);
        while (!waitingLeaves.isEmpty() && waitingLeaves.firstKey() == frontier.size()) {
            frontier.append(waitingLeaves.pollFirstEntry().getValue());
            if (rootsWanted.containsKey(frontier.size())) {
                roots.put(frontier.size(), frontier.root());
            }
        }
    }

    /** Compares the root these leaves give at a size with one that was recorded (a digest or the ledger). */
    public boolean rootMatches(long treeSize, byte[] expected) {
        byte[] actual = roots.get(treeSize);
        return actual != null && Arrays.equals(actual, expected);
    }

    public byte[] root() {
        return frontier.root();
    }

    public long leaves() {
        return frontier.size();
    }

    /** The first leaf index the events did not supply (a deleted event, or one the ledger placed elsewhere). */
    public long nextLeaf() {
        return frontier.size();
    }

    /**
     * Keeps the earliest break (by position). For the same event the first reason stands, except that a
     * sequence gap turns out to be an event stored out of order once the missing one shows up later.
     */
    public void report(Broken broken) {
        if (first == null || (broken.position() != null && first.position() != null
                && (broken.position() < first.position() || (broken.position().equals(first.position())
                && SEQUENCE_GAP.equals(first.reason()) && OUT_OF_ORDER.equals(broken.reason()))))) {
            first = broken;
        }
    }

    public long checked() {
        return checked;
    }

    public Long coveredFrom() {
        return coveredFrom;
    }

    public Broken firstBroken() {
        return first;
    }
}
