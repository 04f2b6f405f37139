package fi.viranomaisbotti.server.adviser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.conversation.Handoff;
import fi.viranomaisbotti.engine.conversation.HandoffService;
import fi.viranomaisbotti.engine.conversation.StoredTurn;
import fi.viranomaisbotti.server.accounts.AuditLog;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.Caller;
import fi.viranomaisbotti.server.web.Json;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The handoff queue for advisers ({@code /api/v1/handoffs}): list, open, claim, reply, close.
 * Every step is audited with the adviser's name; the citizen's words never go into the audit.
 * Thread-safe.
 */
public final class HandoffHandlers {
  private final HandoffService handoffs;
  private final AuditLog audit;

  public HandoffHandlers(HandoffService handoffs, AuditLog audit) {
    this.handoffs = handoffs;
    this.audit = audit;
  }

  public void list(Context ctx) {
    Caller adviser = Caller.required(ctx);
    ctx.json(Map.of("handoffs", handoffs.queue().stream().map(h -> view(h, handoffs.transcript(h), adviser)).toList()));
  }

  public void open(Context ctx) {
    Caller adviser = Caller.required(ctx);
    HandoffService.Opened opened = handoffs.open(ctx.pathParam("id"));
    audit.record(adviser.username(), "handoff_open", opened.handoff().id(), null);
    Map<String, Object> out = view(opened.handoff(), opened.transcript(), adviser);
    out.put("recommendation", opened.recommendation());
    ctx.json(out);
  }

  public void claim(Context ctx) {
    Caller adviser = Caller.required(ctx);
    Handoff h = handoffs.claim(ctx.pathParam("id"), adviser.username());
    audit.record(adviser.username(), "handoff_claim", h.id(), null);
    ctx.json(view(h, handoffs.transcript(h), adviser));
  }

  public void reply(Context ctx) {
    Caller adviser = Caller.required(ctx);
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    if (!body.path("text").isTextual()) {
      throw ApiException.badRequest("missing_text", "Send {\"text\": …} with the reply to the citizen.");
    }
    String id = ctx.pathParam("id");
    StoredTurn turn = handoffs.reply(id, adviser.username(), body.path("text").asText());
    audit.record(adviser.username(), "handoff_reply", id, "turn " + turn.seq());
    ctx.status(201).json(turnView(turn));
  }

  public void close(Context ctx) {
    Caller adviser = Caller.required(ctx);
    Handoff h = handoffs.close(ctx.pathParam("id"), adviser.username());
    audit.record(adviser.username(), "handoff_close", h.id(), null);
    ctx.json(view(h, handoffs.transcript(h), adviser));
  }

  /**
   * A handoff as the adviser sees it. Whether the citizen left contact details is shown to all;
   * the details themselves only to the adviser who claimed it.
   */
  private Map<String, Object> view(Handoff h, List<StoredTurn> transcript, Caller adviser) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", h.id());
    out.put("status", h.status().name().toLowerCase(Locale.ROOT));
    out.put("consentAt", h.consentAt().toString());
    out.put("claimedBy", h.claimedBy());
    out.put("claimedAt", h.claimedAt() == null ? null : h.claimedAt().toString());
    out.put("closedAt", h.closedAt() == null ? null : h.closedAt().toString());
    out.put("facts", h.facts().facts().stream().map(HandoffHandlers::factView).toList());
    out.put("plan", h.plan());
    out.put("contactLeft", h.contact() != null);
    handoffs.contactFor(h, adviser.username()).ifPresent(c -> {
      Map<String, Object> contact = new LinkedHashMap<>();
      contact.put("phone", c.phone());
      contact.put("email", c.email());
      out.put("contact", contact);
    });
    out.put("transcript", transcript.stream().map(HandoffHandlers::turnView).toList());
    return out;
  }

  private static Map<String, Object> factView(KnownFact f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("concept", f.concept());
    m.put("value", f.value().text());
    m.put("provenance", f.provenance().name().toLowerCase(Locale.ROOT));
    return m;
  }

  /** A stored turn as advisers see it: number, time, role and masked text. */
  static Map<String, Object> turnView(StoredTurn t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("turn", t.seq());
    m.put("at", t.at().toString());
    m.put("role", t.role().name().toLowerCase(Locale.ROOT));
    m.put("text", t.maskedText());
    return m;
  }
}
