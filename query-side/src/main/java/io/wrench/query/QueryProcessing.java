package io.wrench.query;

/** What every projection shares in how it runs. */
public final class QueryProcessing {

    /** Events read per transaction by the projections: replay speed grows ~5x from 1 to 100. */
    public static final int BATCH_SIZE = 100;

    private QueryProcessing() {
    }
}
