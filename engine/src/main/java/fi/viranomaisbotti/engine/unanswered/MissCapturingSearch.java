package fi.viranomaisbotti.engine.unanswered;

import fi.viranomaisbotti.engine.AnswerSearch;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.knowledge.Audience;
import java.util.Objects;

/**
 * The answer search of citizens and advisers, putting each unfiltered search that found nothing
 * on the {@link UnansweredQueue}. A search narrowed by actor, event or municipality that finds
 * nothing says more about the filter than about the answer base, so it is not kept. Thread-safe.
 */
public final class MissCapturingSearch {
  private final Navigator navigator;
  private final UnansweredQueue queue;

  public MissCapturingSearch(Navigator navigator, UnansweredQueue queue) {
    this.navigator = Objects.requireNonNull(navigator, "navigator");
    this.queue = Objects.requireNonNull(queue, "queue");
  }

  /** See {@link Navigator#search}. */
  public AnswerSearch search(String query, Audience audience, int limit, String actor, String event, String municipality) {
    AnswerSearch result = navigator.search(query, audience, limit, actor, event, municipality);
    if (actor == null && event == null && municipality == null) {
      queue.searched(result);
    }
    return result;
  }
}
