package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.FactSet;
import java.time.Instant;
import java.util.List;

/**
 * A citizen's request to talk with a person, made with their consent from the chat: the facts and
 * the plan as they stood then travel with it, so the adviser starts where the bot left off.
 * Immutable.
 *
 * @param consentAt when the citizen asked and consented to an adviser seeing the conversation
 * @param plan the plan's steps at that time, one line each ("1. Elintarvikehuoneiston ilmoitus — …")
 * @param claimedBy the adviser who picked it up; null while queued
 * @param contact how to reach the citizen, left when no adviser was in; null otherwise. Only the
 *     adviser who claims the handoff sees it ({@link HandoffService#contactFor})
 */
public record Handoff(String id, String conversationId, Status status, Instant consentAt, FactSet facts, List<String> plan,
    String claimedBy, Instant claimedAt, Instant closedAt, ContactDetails contact) {

  /** A handoff without contact details: the citizen waits in the chat. */
  public Handoff(String id, String conversationId, Status status, Instant consentAt, FactSet facts, List<String> plan,
      String claimedBy, Instant claimedAt, Instant closedAt) {
    this(id, conversationId, status, consentAt, facts, plan, claimedBy, claimedAt, closedAt, null);
  }

  /** Where a handoff is: waiting, taken by an adviser, or done. */
  public enum Status {
    QUEUED,
    CLAIMED,
    CLOSED
  }

  public Handoff {
    plan = List.copyOf(plan);
  }
}
