package io.wrench.command.appointment;

import io.wrench.shared.ErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shop's bays and opening hours, in its time zone (configuration: {@code wrench.shop.*}). Times
 * are booked in whole slots of {@link #SLOT}; an appointment starts and ends on one open day, within
 * the opening hours, on the wall clock of that day (so across a daylight-saving change 08:00 is
 * still 08:00, an hour earlier or later in UTC).
 */
public record ShopHours(ZoneId zone, List<String> bays, LocalTime opens, LocalTime closes, Set<DayOfWeek> openDays) {

    public static final Duration SLOT = Duration.ofMinutes(15);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public ShopHours {
        bays = List.copyOf(bays);
        openDays = Set.copyOf(openDays);
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("the shop must open before it closes: " + opens + " - " + closes);
        }
    }

    /** The time jobs of these hours take: whole slots, at least one. */
    public static Duration lengthOf(BigDecimal hours) {
        long minutes = hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.CEILING).longValueExact();
        long slots = Math.max(1, (minutes + SLOT.toMinutes() - 1) / SLOT.toMinutes());
        return SLOT.multipliedBy(slots);
    }

    /** Refuses a bay that is not the shop's, a start off the slot grid, or a time outside the opening hours. */
    public void check(String bay, Instant start, Duration length) {
        if (!bays.contains(bay)) {
            throw new AppointmentRuleViolation(ErrorCode.UNKNOWN_BAY, "no bay " + bay + "; the bays are " + String.join(", ", bays));
        }
        if (start.getEpochSecond() % SLOT.toSeconds() != 0 || start.getNano() != 0) {
            throw AppointmentRuleViolation.INPUT.invalid("start must be on a " + SLOT.toMinutes() + "-minute boundary");
        }
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = start.plus(length).atZone(zone);
        boolean open = openDays.contains(from.getDayOfWeek()) && from.toLocalDate().equals(to.toLocalDate())
                && !from.toLocalTime().isBefore(opens) && !to.toLocalTime().isAfter(closes)
                && !to.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (!open) {
            throw new AppointmentRuleViolation(ErrorCode.OUTSIDE_OPENING_HOURS, "from " + shown(start) + " to "
                    + shown(start.plus(length)) + " is outside the opening hours (" + openDays.stream().sorted()
                    .map(DayOfWeek::name).toList() + " " + opens + "-" + closes + ", " + zone + ")");
        }
    }

    /** Every start on this day at which {@code length} fits within the opening hours; none on a closed day. */
    public List<Instant> starts(LocalDate day, Duration length) {
        List<Instant> starts = new ArrayList<>();
        if (!openDays.contains(day.getDayOfWeek())) {
            return starts;
        }
        Instant last = day.atTime(closes).atZone(zone).toInstant().minus(length);
        for (Instant t = day.atTime(opens).atZone(zone).toInstant(); !t.isAfter(last); t = t.plus(SLOT)) {
            starts.add(t);
        }
        return starts;
    }

    /** The first instant of a day in the shop's time zone (a day is 23 or 25 hours across a change). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** An instant as the shop's wall clock shows it, for messages. */
    public String shown(Instant instant) {
        return SHOWN.format(instant.atZone(zone));
    }
}
