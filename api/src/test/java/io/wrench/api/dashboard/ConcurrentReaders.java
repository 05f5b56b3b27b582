package io.wrench.api.dashboard;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Readers that list a view and read one of its details over and over while a rebuild runs, and note every
 * answer that is not a 200 or lists fewer rows ({@code totalItems}) than the view held before.
 */
final class ConcurrentReaders implements AutoCloseable {

    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicInteger reads = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    ConcurrentReaders(int port, int count, String list, String detail, long rowsBefore) {
        for (int i = 0; i < count; i++) {
            Thread reader = new Thread(() -> {
                Api api = new Api(port);
                while (reading.get()) {
                    try {
                        Api.Response listed = api.as(Role.ANALYST).get(list);
                        Api.Response read = api.as(Role.ANALYST).get(detail);
                        if (listed.status() != 200 || read.status() != 200) {
                            bad.add(listed.status() + "/" + read.status() + " " + listed.body() + " " + read.body());
                        } else if (listed.json().get("totalItems").asLong() < rowsBefore) {
                            bad.add("the list shrank to " + listed.json().get("totalItems").asLong() + " of " + rowsBefore);
                        }
                        reads.incrementAndGet();
                    } catch (Throwable failed) {
                        bad.add(failed.toString());
                    }
                }
            }, "reader-" + i);
            reader.setDaemon(true);
            reader.start();
            threads.add(reader);
        }
    }

    /** Pairs of reads (list and detail) answered so far. */
    int reads() {
        return reads.get();
    }

    /** What went wrong, after {@link #close()}. */
    List<String> bad() {
        return List.copyOf(bad);
    }

    @Override
    public void close() throws InterruptedException {
        reading.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
