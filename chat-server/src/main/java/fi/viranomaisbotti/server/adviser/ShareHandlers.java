package fi.viranomaisbotti.server.adviser;

import fi.viranomaisbotti.engine.conversation.ConversationService;
import fi.viranomaisbotti.engine.conversation.SharedConversation;
import fi.viranomaisbotti.server.accounts.AuditLog;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.Caller;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A citizen's tilannekuva opened with the share code they gave ({@code /api/v1/shares/{code}}):
 * their consent, masked history, plan and step marks. Every opening is audited with the adviser's
 * name; the code itself is not. Thread-safe.
 */
public final class ShareHandlers {
  private final ConversationService conversations;
  private final AuditLog audit;

  public ShareHandlers(ConversationService conversations, AuditLog audit) {
    this.conversations = conversations;
    this.audit = audit;
  }

  public void open(Context ctx) {
    Caller adviser = Caller.required(ctx);
    SharedConversation shared = conversations.shareFor(ctx.pathParam("code"))
        .orElseThrow(() -> new ApiException(404, "share_not_found",
            "No shared conversation has this code; check it with the citizen (12 characters, case does not matter)."));
    audit.record(adviser.username(), "share_open", shared.conversationId(), null);
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("who", shared.consent().who());
    consent.put("at", shared.consent().at().toString());
    consent.put("what", shared.consent().what());
    Map<String, String> progress = new LinkedHashMap<>();
    shared.progress().forEach((step, state) -> progress.put(step, state.wire()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("consent", consent);
    out.put("history", shared.history().stream().map(HandoffHandlers::turnView).toList());
    out.put("recommendation", shared.recommendation());
    out.put("progress", progress);
    ctx.json(out);
  }
}
