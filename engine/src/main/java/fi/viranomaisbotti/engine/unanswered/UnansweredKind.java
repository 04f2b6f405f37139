package fi.viranomaisbotti.engine.unanswered;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why something a user asked was put on the queue. */
public enum UnansweredKind {
  /** A story in the chat after which the rules recognised no life or business event. */
  NO_EVENT,
  /**
   * A chat turn after which the rules found an event but the classifier's best guess for the
   * turn's own words was weak: the wording is far from the events' example utterances.
   */
  LOW_CONFIDENCE,
  /** A citizen's or adviser's answer search that found no answer. */
  SEARCH_MISS,
  /** "Oliko tästä apua? Ei" in the chat: the story it was about. */
  NEGATIVE_FEEDBACK;

  /** "no-event", as the API writes it. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<UnansweredKind> ofWire(String s) {
    return Arrays.stream(values()).filter(k -> k.wire().equals(s)).findFirst();
  }
}
