package fi.viranomaisbotti.engine.conversation;

import java.util.Locale;

/** Where the customer is with one step of their plan: open, done, or not relevant to them. */
public enum StepState {
  OPEN,
  DONE,
  NOT_RELEVANT;

  /** The state as the protocol and the store write it: "open", "done", "not-relevant". */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The state a client wrote.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static StepState parse(String wire) {
    for (StepState s : values()) {
      if (s.wire().equals(wire)) {
        return s;
      }
    }
    throw new IllegalArgumentException("A step's state is 'open', 'done' or 'not-relevant'; got '"
        + (wire == null ? "" : wire.length() > 40 ? wire.substring(0, 40) + "…" : wire) + "'.");
  }
}
