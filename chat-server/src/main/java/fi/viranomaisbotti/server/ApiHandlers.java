package fi.viranomaisbotti.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import io.javalin.http.Context;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The REST handlers: parse, call the navigator, serialise. Thread-safe. */
final class ApiHandlers {
  static final int MAX_QUERY_LENGTH = 500;
  static final int MAX_LIMIT = 50;

  private final Navigator navigator;
  private final ConversationStore store;

  ApiHandlers(Navigator navigator, ConversationStore store) {
    this.navigator = navigator;
    this.store = store;
  }

  void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "up");
    Map<String, Object> components = new LinkedHashMap<>(navigator.status());
    components.put("database", Map.of("status", "up", "conversations", store.count()));
    body.put("components", components);
    ctx.json(body);
  }

  void analyze(Context ctx) {
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    ctx.json(navigator.analyse(Json.text(body)));
  }

  void recommendations(Context ctx) {
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    String text = Json.text(body);
    ctx.json(navigator.recommend(text, Json.facts(body)));
  }

  void answers(Context ctx) {
    String q = param(ctx, "q");
    if (q == null || q.isBlank()) {
      throw ApiException.badRequest("missing_query", "The query parameter q is required, e.g. /api/v1/answers?q=anniskelulupa");
    }
    if (q.length() > MAX_QUERY_LENGTH) {
      throw ApiException.badRequest("query_too_long", "The query has " + q.length() + " characters; at most " + MAX_QUERY_LENGTH + " are accepted.");
    }
    Audience audience = audience(param(ctx, "audience"));
    int limit = limit(param(ctx, "limit"));
    ctx.json(navigator.search(q, audience, limit, optionalId(ctx, "actor"), optionalId(ctx, "event"), optional(ctx, "municipality")));
  }

  void suggest(Context ctx) {
    String prefix = param(ctx, "prefix");
    if (prefix == null || prefix.isBlank()) {
      throw ApiException.badRequest("missing_prefix", "The query parameter prefix is required, e.g. /api/v1/answers/suggest?prefix=anni");
    }
    if (prefix.length() > 100) {
      throw ApiException.badRequest("prefix_too_long", "The prefix has " + prefix.length() + " characters; at most 100 are accepted.");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("prefix", prefix);
    out.put("suggestions", navigator.suggest(prefix, limit(param(ctx, "limit"))));
    ctx.json(out);
  }

  private static String optional(Context ctx, String name) {
    String v = param(ctx, name);
    if (v != null && v.length() > 100) {
      throw ApiException.badRequest("bad_" + name, "The parameter " + name + " has " + v.length() + " characters; at most 100 are accepted.");
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** An id parameter (actor, event): ids are lower case, so "Mela" is "mela". */
  private static String optionalId(Context ctx, String name) {
    String v = optional(ctx, name);
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  /**
   * A query parameter as text: rejected when the query string is not valid percent-encoded
   * UTF-8 or holds control characters, so that nothing garbled is searched or echoed back;
   * normalised to NFKC, so that decomposed "ä" (as some clients send it) and full-width letters
   * read as ordinary text. Null when absent.
   */
  static String param(Context ctx, String name) {
    String raw = ctx.queryString();
    if (raw != null && !validPercentEncoding(raw)) {
      throw ApiException.badRequest("bad_encoding",
          "The query string has a malformed percent escape: every % must be followed by two hexadecimal digits.");
    }
    String v = ctx.queryParam(name);
    if (v == null) {
      return null;
    }
    if (v.indexOf('\uFFFD') >= 0) {
      throw ApiException.badRequest("bad_encoding", "The parameter " + name + " is not valid UTF-8.");
    }
    if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
      throw ApiException.badRequest("bad_characters", "The parameter " + name + " contains control characters.");
    }
    return Normalizer.normalize(v, Normalizer.Form.NFKC);
  }

  /** Every % is followed by two hexadecimal digits (a loop: a regex would recurse per character). */
  static boolean validPercentEncoding(String raw) {
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  void answer(Context ctx) {
    String id = ctx.pathParam("id");
    Audience audience = audience(param(ctx, "audience"));
    Answer a = navigator.answer(id)
        .orElseThrow(() -> new ApiException(404, "answer_not_found", "No answer has the id '" + shortened(id) + "'."));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", a.id());
    out.put("title", a.name().fi());
    out.put("questions", a.questions());
    out.put("text", a.citizenText());
    if (audience == Audience.OFFICIAL && a.officialNotes() != null) {
      out.put("officialNotes", a.officialNotes());
    }
    out.put("keywords", a.keywords());
    out.put("related", a.related());
    out.put("relatedItems", navigator.relatedItems(a));
    out.put("source", a.meta().source());
    out.put("owner", a.meta().owner());
    out.put("reviewed", a.meta().reviewed());
    out.put("status", a.meta().status().name().toLowerCase(Locale.ROOT));
    ctx.json(out);
  }

  /** A value to echo in a message: at most 80 characters. */
  static String shortened(String value) {
    return value.length() <= 80 ? value : value.substring(0, 80) + "…";
  }

  static Audience audience(String value) {
    if (value == null || value.isBlank()) {
      return Audience.CITIZEN;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "citizen" -> Audience.CITIZEN;
      case "official" -> Audience.OFFICIAL;
      default -> throw ApiException.badRequest("bad_audience", "audience must be 'citizen' or 'official', got '" + shortened(value) + "'.");
    };
  }

  static int limit(String value) {
    if (value == null || value.isBlank()) {
      return 10;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < 1 || n > MAX_LIMIT) {
        throw ApiException.badRequest("bad_limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + n + ".");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_limit", "limit must be a whole number between 1 and " + MAX_LIMIT + ", got '" + shortened(value) + "'.");
    }
  }
}
