package fi.viranomaisbotti.server.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.unanswered.UnansweredConversion;
import fi.viranomaisbotti.engine.unanswered.UnansweredGroup;
import fi.viranomaisbotti.engine.unanswered.UnansweredKind;
import fi.viranomaisbotti.engine.unanswered.UnansweredQueue;
import fi.viranomaisbotti.server.accounts.AuditLog;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.Caller;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.QueryParams;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The unanswered queue for editors ({@code /api/v1/knowledge/unanswered}): list, dismiss, and
 * convert a group into a draft item. Every step is audited with the editor's name; the users'
 * words never go into the audit. Thread-safe.
 */
public final class UnansweredHandlers {
  /** The most groups listed: the most often asked first. */
  static final int MAX_GROUPS = 100;

  private final UnansweredQueue queue;
  private final DraftItems draft;
  private final AuditLog audit;
  private final Clock clock;

  /** @param draft where converted groups become new items */
  public UnansweredHandlers(UnansweredQueue queue, DraftItems draft, AuditLog audit, Clock clock) {
    this.queue = queue;
    this.draft = draft;
    this.audit = audit;
    this.clock = clock;
  }

  public void list(Context ctx) {
    Caller.required(ctx);
    String state = QueryParams.param(ctx, "state");
    UnansweredGroup.State wanted = switch (state == null ? "open" : state.strip().toLowerCase(Locale.ROOT)) {
      case "open" -> UnansweredGroup.State.OPEN;
      case "dismissed" -> UnansweredGroup.State.DISMISSED;
      case "converted" -> UnansweredGroup.State.CONVERTED;
      case "all" -> null;
      default -> throw ApiException.badRequest("bad_state",
          "state must be open (the default), dismissed, converted or all, got '" + QueryParams.shortened(state) + "'.");
    };
    ctx.json(Map.of("groups", queue.groups(wanted, MAX_GROUPS).stream().map(UnansweredHandlers::view).toList()));
  }

  public void dismiss(Context ctx) {
    Caller editor = Caller.required(ctx);
    String id = ctx.pathParam("id");
    queue.dismiss(id, editor.username());
    audit.record(editor.username(), "unanswered_dismiss", id, null);
    ctx.status(204);
  }

  public void convert(Context ctx) {
    Caller editor = Caller.required(ctx);
    String id = ctx.pathParam("id");
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    UnansweredGroup group = queue.group(id).filter(g -> g.state() == UnansweredGroup.State.OPEN)
        .orElseThrow(() -> new fi.viranomaisbotti.engine.unanswered.UnansweredNotFoundException(id));
    Map<String, Object> fields = new LinkedHashMap<>();
    body.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("as")) {
        fields.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
      }
    });
    UnansweredConversion.NewItem item = UnansweredConversion.of(group,
        new UnansweredConversion.Request(body.path("as").asText(""), fields), editor.username(),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    draft.add(item, editor.username());
    String ref = item.kind() + "/" + item.id();
    queue.converted(id, editor.username(), ref);
    audit.record(editor.username(), "unanswered_convert", id, ref);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", item.kind());
    out.put("id", item.id());
    ctx.status(201).json(out);
  }

  static Map<String, Object> view(UnansweredGroup g) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", g.id());
    out.put("key", g.key());
    out.put("state", g.state().name().toLowerCase(Locale.ROOT));
    out.put("kinds", g.kinds().stream().sorted().map(UnansweredKind::wire).toList());
    out.put("count", g.count());
    out.put("first", g.first().toString());
    out.put("last", g.last().toString());
    out.put("examples", g.examples());
    out.put("resolvedBy", g.resolvedBy());
    out.put("resolvedAt", g.resolvedAt() == null ? null : g.resolvedAt().toString());
    out.put("convertedTo", g.convertedTo());
    return out;
  }
}
