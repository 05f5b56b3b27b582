package io.wrench.api.dashboard;

import io.wrench.query.dashboard.messages.DashboardViews;
import io.wrench.api.web.ReadsFrom;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.ListParams;
import io.wrench.query.PageQuery;
import io.wrench.query.dashboard.messages.DashboardView;
import io.wrench.query.dashboard.messages.ExplainFigure;
import io.wrench.query.dashboard.messages.Figure;
import io.wrench.query.dashboard.messages.FigureExplanation;
import io.wrench.query.dashboard.messages.FindDashboard;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.wrench.api.config.WrenchProperties;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.Set;

@RestController
@ReadsFrom(DashboardViews.PROCESSOR)
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard", description = "The shop's figures, exact functions of the event history (docs/dashboards.md)")
class DashboardController {

    private final QueryGateway queryGateway;
    private final DashboardStreams streams;
    private final Clock clock;
    private final ZoneId zone;

    DashboardController(QueryGateway queryGateway, DashboardStreams streams, Clock clock, WrenchProperties properties) {
        this.queryGateway = queryGateway;
        this.streams = streams;
        this.clock = clock;
        this.zone = properties.getShop().getTimeZone();
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The dashboard document; from/to (dates, inclusive) set the period, by default the last 30 days")
    DashboardView dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queryGateway.query(period(from, to), DashboardView.class).join();
    }

    @GetMapping(path = "/explain", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A count or sum of the document and, paged, the events it is made of with each one's "
            + "contribution; over all pages the contributions add up to the value (400 for an unknown figure)")
    FigureExplanation explain(@RequestParam(required = false)
                              @Parameter(description = "the figure's path in the document, e.g. revenue.last7Days.invoiced")
                              String figure,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        Figure parsed = Figure.parse(figure).orElseThrow(() -> new FieldValidationException("figure",
                (figure == null ? "is required" : "'" + figure + "' is not a figure") + "; valid figures: "
                        + String.join(", ", Figure.valid())));
        FindDashboard period = period(from, to);
        PageQuery paging = ListParams.parse(page, size, null, Set.of());
        return queryGateway.query(new ExplainFigure(parsed, period.from(), period.to(), paging.page(), paging.size()),
                FigureExplanation.class).join();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: the whole document on connect and again after every change (at most "
            + "one push per 500 ms), id = position, a heartbeat comment every 15 s; Last-Event-ID is honoured; "
            + "429 past the bound on open streams per client")
    SseEmitter stream(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      Principal principal) {
        return streams.open(principal.getName(), period(from, to), lastEventId(lastEventId));
    }

    /** The period as asked; left open, the query's "today" (shop time zone, at the time of each answer) fills it. */
    private FindDashboard period(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        if (from != null && from.isAfter(end)) {
            throw new FieldValidationException(to == null ? "from" : "to", to == null
                    ? "must not be after today (" + end + ") when to is not given"
                    : "must not be before from (" + from + ")");
        }
        return new FindDashboard(from, to);
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new FieldValidationException("Last-Event-ID", "must be a position this stream sent as id");
        }
    }
}
