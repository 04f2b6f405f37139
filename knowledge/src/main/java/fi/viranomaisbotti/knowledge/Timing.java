package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * When an obligation falls due, in a form a calendar can use: a period before or after the day the
 * customer's activity starts (for a move, the moving day), exactly as the obligation's own cited
 * text states it. Only where that text gives a period; a deadline is never inferred. Immutable.
 *
 * @param relation whether the day falls before or after the start
 * @param period an ISO-8601 period, e.g. "P3W", "P7D", "P6M"
 * @param basis the sentence of the cited text that gives the period, in Finnish
 * @param estimate true when the period is an authority's estimate of the handling time (so the
 *     application is due that long before the start), false (the default) for a statutory deadline
 */
public record Timing(
    @JsonProperty(required = true) Relation relation,
    @JsonProperty(required = true) String period,
    @JsonProperty(required = true) String basis,
    Boolean estimate) {

  /** Which side of the start day the due day is on. */
  public enum Relation {
    BEFORE_START,
    AFTER_START
  }

  public Timing {
    estimate = estimate != null && estimate;
    if (relation == null) {
      throw new IllegalArgumentException("A timing needs a relation: BEFORE_START or AFTER_START.");
    }
    if (basis == null || basis.isBlank()) {
      throw new IllegalArgumentException(
          "A timing needs its basis: the sentence of the cited source that gives the period '" + period + "'.");
    }
    Period p;
    try {
      p = Period.parse(period == null ? "" : period);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("A timing's period is an ISO-8601 period such as P3W, P7D or P6M; got '" + period + "'.", e);
    }
    if (p.isNegative() || p.isZero()) {
      throw new IllegalArgumentException("A timing's period must be longer than zero; got '" + period + "'.");
    }
  }

  /** The day the step falls due when the activity starts on {@code start}. */
  public LocalDate dueFrom(LocalDate start) {
    Period p = Period.parse(period);
    return relation == Relation.BEFORE_START ? start.minus(p) : start.plus(p);
  }
}
