package fi.viranomaisbotti.engine.conversation;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When advisers take handoffs: week days with a time range each, in one time zone, written as
 * {@code "Mon-Fri 08:00-16:00 Europe/Helsinki"} or {@code "Mon-Thu 08:00-16:00, Fri 08:00-14:00
 * Europe/Helsinki"}; {@code "always"} (the default) means at any time. A range ends before its end
 * time; {@code 24:00} ends at midnight. Immutable and thread-safe.
 */
public final class HandoffHours {
  /** Advisers at any time: every handoff is queued at once. */
  public static final HandoffHours ALWAYS = new HandoffHours(List.of(), null, "always");

  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  /** Days with the same opening hours. */
  private record Range(Set<DayOfWeek> days, LocalTime from, LocalTime to, boolean toMidnight) {
    boolean contains(ZonedDateTime t) {
      LocalTime time = t.toLocalTime();
      return days.contains(t.getDayOfWeek()) && !time.isBefore(from) && (toMidnight || time.isBefore(to));
    }
  }

  private final List<Range> ranges;
  private final ZoneId zone;
  private final String text;

  private HandoffHours(List<Range> ranges, ZoneId zone, String text) {
    this.ranges = List.copyOf(ranges);
    this.zone = zone;
    this.text = text;
  }

  /**
   * Reads opening hours.
   *
   * @param spec e.g. "Mon-Fri 08:00-16:00 Europe/Helsinki"; null, blank or "always" for always
   * @throws IllegalArgumentException naming the part that cannot be read and the accepted form
   */
  public static HandoffHours parse(String spec) {
    if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("always")) {
      return ALWAYS;
    }
    String s = spec.strip();
    int lastSpace = s.lastIndexOf(' ');
    if (lastSpace < 0) {
      throw wrong(spec, "it needs days, hours and a time zone");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(s.substring(lastSpace + 1));
    } catch (DateTimeException e) {
      throw wrong(spec, "'" + s.substring(lastSpace + 1) + "' is not a time zone such as Europe/Helsinki");
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : s.substring(0, lastSpace).split(",")) {
      String[] dayAndTime = part.strip().split("\\s+");
      if (dayAndTime.length != 2) {
        throw wrong(spec, "'" + part.strip() + "' is not days and a time range such as Mon-Fri 08:00-16:00");
      }
      ranges.add(range(spec, dayAndTime[0], dayAndTime[1]));
    }
    return new HandoffHours(ranges, zone, s);
  }

  private static Range range(String spec, String days, String times) {
    Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    for (String d : days.split("\\+")) {
      String[] fromTo = d.split("-");
      int first = day(spec, fromTo[0]);
      int last = fromTo.length == 2 ? day(spec, fromTo[1]) : first;
      if (fromTo.length > 2 || last < first) {
        throw wrong(spec, "'" + d + "' is not a day or a range of days from Monday on, such as Mon-Fri");
      }
      for (int i = first; i <= last; i++) {
        set.add(DayOfWeek.of(i + 1));
      }
    }
    String[] fromTo = times.split("-");
    if (fromTo.length != 2) {
      throw wrong(spec, "'" + times + "' is not a time range such as 08:00-16:00");
    }
    LocalTime from = time(spec, fromTo[0]);
    boolean midnight = fromTo[1].equals("24:00");
    LocalTime to = midnight ? LocalTime.MAX : time(spec, fromTo[1]);
    if (!to.isAfter(from)) {
      throw wrong(spec, "'" + times + "' ends before it begins");
    }
    return new Range(set, from, to, midnight);
  }

  private static int day(String spec, String d) {
    int i = DAYS.indexOf(d.toLowerCase(Locale.ROOT));
    if (i < 0) {
      throw wrong(spec, "'" + d + "' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
    }
    return i;
  }

  private static LocalTime time(String spec, String t) {
    try {
      return LocalTime.parse(t.length() == 4 ? "0" + t : t);
    } catch (DateTimeException e) {
      throw wrong(spec, "'" + t + "' is not a time such as 08:00");
    }
  }

  private static IllegalArgumentException wrong(String spec, String why) {
    return new IllegalArgumentException("HANDOFF_HOURS '" + spec + "' cannot be read: " + why
        + ". Write it like 'Mon-Fri 08:00-16:00 Europe/Helsinki' or 'Mon-Thu 08:00-16:00, Fri 08:00-14:00 Europe/Helsinki',"
        + " or 'always'.");
  }

  /** Whether advisers take handoffs at that moment. */
  public boolean openAt(Instant at) {
    if (ranges.isEmpty()) {
      return true;
    }
    ZonedDateTime t = at.atZone(zone);
    return ranges.stream().anyMatch(r -> r.contains(t));
  }

  /** The next moment from {@code at} (inclusive) at which advisers take handoffs; empty if always or never. */
  public Optional<Instant> nextOpening(Instant at) {
    if (ranges.isEmpty()) {
      return Optional.empty();
    }
    ZonedDateTime t = at.atZone(zone);
    Instant best = null;
    for (int day = 0; day <= 7; day++) {
      ZonedDateTime date = t.truncatedTo(ChronoUnit.DAYS).plusDays(day);
      for (Range r : ranges) {
        if (!r.days().contains(date.getDayOfWeek())) {
          continue;
        }
        ZonedDateTime opens = date.with(r.from());
        ZonedDateTime candidate = r.contains(t) ? t : opens.isBefore(t) ? null : opens;
        if (candidate != null && (best == null || candidate.toInstant().isBefore(best))) {
          best = candidate.toInstant();
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }

  /** The hours as configured ("Mon-Fri 08:00-16:00 Europe/Helsinki", or "always"). */
  @Override
  public String toString() {
    return text;
  }
}
