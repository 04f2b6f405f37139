package fi.viranomaisbotti.server.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.editor.EditorException;
import fi.viranomaisbotti.engine.editor.EditorItem;
import fi.viranomaisbotti.engine.editor.EditorViews.Published;
import fi.viranomaisbotti.engine.editor.EditorViews.Saved;
import fi.viranomaisbotti.engine.editor.ItemKind;
import fi.viranomaisbotti.engine.editor.KnowledgeEditor;
import fi.viranomaisbotti.engine.editor.KnowledgeVersion;
import fi.viranomaisbotti.server.accounts.AuditLog;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.Caller;
import fi.viranomaisbotti.server.web.Json;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The knowledge editor's REST face ({@code /api/v1/knowledge/…}): versions, the shared draft and
 * its items, preview, publish and rollback. Parses, calls the {@link KnowledgeEditor}, audits
 * each change with the editor's name, and answers; refusals become {@link ApiException}s with
 * their details (the current item, the problems). Thread-safe.
 */
public final class EditorHandlers {
  /** Largest zip body an import reads, in bytes: the editor's limit, checked before unpacking. */
  static final int MAX_ZIP_BODY = 8 * 1024 * 1024;

  private final KnowledgeEditor editor;
  private final AuditLog audit;

  public EditorHandlers(KnowledgeEditor editor, AuditLog audit) {
    this.editor = editor;
    this.audit = audit;
  }

  public void versions(Context ctx) {
    List<KnowledgeVersion> all = refusing(editor::versions);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("live", all.stream().filter(KnowledgeVersion::live).map(KnowledgeVersion::number).findFirst().orElse(null));
    out.put("versions", all.stream().map(EditorHandlers::version).toList());
    Json.respond(ctx, out);
  }

  public void export(Context ctx) {
    int version = version(ctx.pathParam("version"));
    byte[] zip = refusing(() -> editor.export(version));
    ctx.header("Content-Disposition", "attachment; filename=\"knowledge-v" + version + ".zip\"");
    ctx.contentType("application/zip").result(zip);
  }

  public void draft(Context ctx) {
    Json.respond(ctx, refusing(editor::draft));
  }

  public void discard(Context ctx) {
    Caller who = Caller.required(ctx);
    refusing(() -> {
      editor.discard();
      return null;
    });
    audit.record(who.username(), "knowledge_draft_discard", "draft", null);
    ctx.status(204);
  }

  public void importZip(Context ctx) throws IOException {
    Caller who = Caller.required(ctx);
    byte[] zip = readZip(ctx);
    var summary = refusing(() -> editor.importZip(zip));
    audit.record(who.username(), "knowledge_import", "draft", summary.changes().size() + " change(s)");
    Json.respond(ctx, summary);
  }

  public void items(Context ctx) {
    ItemKind kind = kind(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", kind.wire());
    out.put("items", refusing(() -> editor.items(kind, ctx.queryParam("q"))));
    Json.respond(ctx, out);
  }

  public void item(Context ctx) {
    ItemKind kind = kind(ctx);
    EditorItem item = refusing(() -> editor.item(kind, ctx.pathParam("id")));
    ctx.header("ETag", item.etag());
    Json.respond(ctx, item);
  }

  public void create(Context ctx) {
    Caller who = Caller.required(ctx);
    ItemKind kind = kind(ctx);
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    Saved saved = refusing(() -> editor.post(kind, text(body), optional(body, "file"), optional(body, "id")));
    audit.record(who.username(), "knowledge_item_post", kind.wire() + "/" + saved.item().id(), saved.item().file());
    ctx.header("ETag", saved.item().etag());
    ctx.header("Location", "/api/v1/knowledge/items/" + kind.wire() + "/" + saved.item().id());
    ctx.status(201);
    Json.respond(ctx, saved(saved));
  }

  public void replace(Context ctx) {
    Caller who = Caller.required(ctx);
    ItemKind kind = kind(ctx);
    String id = ctx.pathParam("id");
    String ifMatch = ctx.header("If-Match");
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    Saved saved = refusing(() -> editor.put(kind, id, ifMatch, text(body)));
    audit.record(who.username(), "knowledge_item_put", kind.wire() + "/" + id, saved.item().file());
    ctx.header("ETag", saved.item().etag());
    Json.respond(ctx, saved(saved));
  }

  public void delete(Context ctx) {
    Caller who = Caller.required(ctx);
    ItemKind kind = kind(ctx);
    String id = ctx.pathParam("id");
    refusing(() -> {
      editor.delete(kind, id, ctx.header("If-Match"));
      return null;
    });
    audit.record(who.username(), "knowledge_item_delete", kind.wire() + "/" + id, null);
    ctx.status(204);
  }

  public void preview(Context ctx) {
    Json.respond(ctx, refusing(editor::preview));
  }

  public void publish(Context ctx) {
    Caller who = Caller.required(ctx);
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    Published p = refusing(() -> editor.publish(optional(body, "message"), who.username()));
    audit.record(who.username(), "knowledge_publish", "version " + p.version(), optional(body, "message"));
    ctx.status(201);
    Json.respond(ctx, published(p));
  }

  public void rollback(Context ctx) {
    Caller who = Caller.required(ctx);
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    JsonNode v = body.get("version");
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
      throw ApiException.badRequest("bad_version", "The field \"version\" must be a version number from GET /api/v1/knowledge/versions.");
    }
    Published p = refusing(() -> editor.rollback(v.asInt(), who.username()));
    audit.record(who.username(), "knowledge_rollback", "version " + p.version(), "from version " + v.asInt());
    ctx.status(201);
    Json.respond(ctx, published(p));
  }

  // ---- helpers

  private static Map<String, Object> version(KnowledgeVersion v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", v.number());
    out.put("hash", v.hash());
    out.put("by", v.by());
    out.put("at", v.at().toString());
    out.put("message", v.message());
    out.put("origin", v.origin());
    out.put("live", v.live());
    return out;
  }

  private static Map<String, Object> published(Published p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", p.version());
    out.put("hash", p.hash());
    out.put("at", p.at().toString());
    return out;
  }

  private static Map<String, Object> saved(Saved s) {
    Map<String, Object> out = item(s.item());
    out.put("problems", s.problems());
    return out;
  }

  private static Map<String, Object> item(EditorItem i) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", i.kind());
    out.put("id", i.id());
    out.put("file", i.file());
    out.put("text", i.text());
    out.put("fields", i.fields());
    out.put("etag", i.etag());
    out.put("changed", i.changed());
    return out;
  }

  private static ItemKind kind(Context ctx) {
    String wire = ctx.pathParam("kind");
    return ItemKind.of(wire).orElseThrow(() -> ApiException.badRequest("bad_kind", "Unknown kind '" + wire
        + "'; the kinds are actors, obligations, services, events, answers, concepts, questions, situations and rules."));
  }

  private static int version(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_version", "'" + text + "' is not a version number; GET /api/v1/knowledge/versions lists them.");
    }
  }

  private static String text(ObjectNode body) {
    JsonNode t = body.get("text");
    if (t == null || !t.isTextual() || t.asText().isBlank()) {
      throw ApiException.badRequest("missing_text", "The field \"text\" is required: the item's YAML, or a rule file's DRL.");
    }
    return t.asText();
  }

  private static String optional(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || !n.isTextual() ? null : n.asText();
  }

  /** The body, read up to the import's limit: a larger one is refused before it is all read. */
  private static byte[] readZip(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_ZIP_BODY) {
      throw tooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] buf = new byte[16 * 1024];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
        if (out.size() > MAX_ZIP_BODY) {
          throw tooLarge();
        }
      }
    }
    if (out.size() == 0) {
      throw ApiException.badRequest("bad_zip", "The body is empty; send the corpus files zipped (Content-Type: application/zip).");
    }
    return out.toByteArray();
  }

  private static ApiException tooLarge() {
    return new ApiException(413, "zip_too_large", "The zip is larger than " + MAX_ZIP_BODY / (1024 * 1024) + " MiB.");
  }

  /** Runs the editor's work, turning its refusals into the API's errors. */
  private static <T> T refusing(Supplier<T> work) {
    try {
      return work.get();
    } catch (EditorException e) {
      throw refusal(e);
    }
  }

  static ApiException refusal(EditorException e) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (!e.problems().isEmpty()) {
      details.put("problems", e.problems());
    }
    if (e.current() != null) {
      details.put("current", item(e.current()));
    }
    return switch (e.reason()) {
      case BAD_KIND -> new ApiException(400, "bad_kind", e.getMessage(), details);
      case ITEM_NOT_FOUND -> new ApiException(404, "item_not_found", e.getMessage(), details);
      case VERSION_NOT_FOUND -> new ApiException(404, "version_not_found", e.getMessage(), details);
      case ITEM_EXISTS -> new ApiException(409, "item_exists", e.getMessage(), details);
      case DRAFT_EMPTY -> new ApiException(409, "draft_empty", e.getMessage(), details);
      case STALE_ITEM -> new ApiException(412, "stale_item", e.getMessage(), details);
      case IF_MATCH_REQUIRED -> new ApiException(428, "if_match_required", e.getMessage(), details);
      case ITEM_INVALID -> new ApiException(422, "item_invalid", e.getMessage(), withProblems(details));
      case KNOWLEDGE_INVALID -> new ApiException(422, "knowledge_invalid", e.getMessage(), withProblems(details));
      case BAD_ZIP -> new ApiException(400, "bad_zip", e.getMessage(), details);
      case ZIP_TOO_LARGE -> new ApiException(413, "zip_too_large", e.getMessage(), details);
      case BAD_ZIP_ENTRY -> new ApiException(422, "bad_zip_entry", e.getMessage(), details);
      case MISSING_MESSAGE -> new ApiException(400, "missing_message", e.getMessage(), details);
      case NO_VERSIONS -> new ApiException(503, "no_knowledge_versions", e.getMessage(), details);
    };
  }

  private static Map<String, Object> withProblems(Map<String, Object> details) {
    details.putIfAbsent("problems", List.of());
    return details;
  }
}
