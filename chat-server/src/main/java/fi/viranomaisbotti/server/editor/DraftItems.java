package fi.viranomaisbotti.server.editor;

import fi.viranomaisbotti.engine.unanswered.UnansweredConversion;

/**
 * Where a converted group of the unanswered queue goes: the shared draft, as a new item (or, for
 * an utterance, an example appended to the draft's utterance file). Implementations are
 * thread-safe and audit nothing themselves.
 */
@FunctionalInterface
public interface DraftItems {
  /**
   * Adds the item to the draft.
   *
   * @throws RuntimeException the draft service's own errors (an id taken, an invalid text), which
   *     the error mapper answers
   */
  void add(UnansweredConversion.NewItem item, String editor);
}
