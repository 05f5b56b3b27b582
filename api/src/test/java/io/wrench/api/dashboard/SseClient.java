package io.wrench.api.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server-sent-events client for tests: each event (or comment) lands in a queue, with when it arrived. */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String name, String data, String comment, long receivedNanos) {
    }

    /** Put in the queue when the server ended the stream. */
    public static final Event END = new Event(null, null, null, null, 0);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final int status;
    public final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.status = response.statusCode();
        if (status == 200) {
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    public static SseClient connect(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        String comment = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null || comment != null) {
                        events.add(new Event(id, name, data == null ? null : data.toString(), comment, System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    data = null;
                    comment = null;
                } else if (line.startsWith(":")) {
                    comment = line.substring(1);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5));
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
        events.add(END);
    }

    /** The next event that is not a comment, or null after the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null || event == END || event.comment() == null) {
                return event;
            }
        }
    }

    /** The next comment (heartbeat), or null after the timeout. */
    public Event nextComment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null || event == END || event.comment() != null) {
                return event;
            }
        }
    }

    /** Waits for the server to end the stream; false if it did not within the timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                return false;
            }
            if (event == END) {
                return true;
            }
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
    }
}
