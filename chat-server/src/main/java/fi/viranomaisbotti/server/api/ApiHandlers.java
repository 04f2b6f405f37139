package fi.viranomaisbotti.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.LeanRecommendation;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.engine.unanswered.MissCapturingSearch;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.nlp.LemmaStyle;
import fi.viranomaisbotti.server.accounts.AuditLog;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.Caller;
import fi.viranomaisbotti.server.web.Role;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.QueryParams;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The REST handlers: parse, call the navigator, serialise. Thread-safe. */
public final class ApiHandlers {
  private final Navigator navigator;
  private final MissCapturingSearch search;
  private final AuditLog audit;

  /**
   * @param search the answer search, which puts searches without a hit on the unanswered queue
   * @param audit where searches and reads of official notes are recorded
   */
  public ApiHandlers(Navigator navigator, MissCapturingSearch search, AuditLog audit) {
    this.navigator = navigator;
    this.search = search;
    this.audit = audit;
  }

  public void analyze(Context ctx) {
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    Json.respond(ctx, navigator.analyse(Json.text(body), lemmaStyle(body)));
  }

  /** The optional "lemmaStyle": "reading" (the default, as the chat reads) or "ud". */
  private static LemmaStyle lemmaStyle(ObjectNode body) {
    if (!body.has("lemmaStyle") || body.get("lemmaStyle").isNull()) {
      return LemmaStyle.READING;
    }
    String style = body.get("lemmaStyle").isTextual() ? body.get("lemmaStyle").asText() : body.get("lemmaStyle").toString();
    return switch (style) {
      case "reading" -> LemmaStyle.READING;
      case "ud" -> LemmaStyle.UNIVERSAL_DEPENDENCIES;
      default -> throw ApiException.badRequest("bad_lemma_style",
          "lemmaStyle must be \"reading\" (the default) or \"ud\", got " + (style.length() > 40 ? style.substring(0, 40) + "…" : style) + ".");
    };
  }

  public void recommendations(Context ctx) {
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    String text = Json.text(body);
    Json.respond(ctx, navigator.recommend(text, Json.facts(body)));
  }

  /** Version 2: the same recommendation in the lean shape, {@code ?view=compact} (default) or {@code summary}. */
  public void recommendationsV2(Context ctx) {
    LeanRecommendation.View view = LeanRecommendation.View.of(QueryParams.param(ctx, "view"));
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    String text = Json.text(body);
    Json.respond(ctx, LeanRecommendation.of(navigator.recommend(text, Json.facts(body)), view));
  }

  public void answers(Context ctx) {
    String q = QueryParams.param(ctx, "q");
    if (q == null || q.isBlank()) {
      throw ApiException.badRequest("missing_query", "The query parameter q is required, e.g. /api/v1/answers?q=anniskelulupa");
    }
    if (q.length() > QueryParams.MAX_QUERY_LENGTH) {
      throw ApiException.badRequest("query_too_long", "The query has " + q.length() + " characters; at most " + QueryParams.MAX_QUERY_LENGTH + " are accepted.");
    }
    Audience audience = audience(ctx);
    int limit = QueryParams.limit(QueryParams.param(ctx, "limit"));
    if (audience == Audience.OFFICIAL) {
      audit.record(Caller.required(ctx).username(), "search_official", QueryParams.shortened(q), null);
    }
    Json.respond(ctx, search.search(q, audience, limit, optionalId(ctx, "actor"), optionalId(ctx, "event"), optional(ctx, "municipality")));
  }

  public void suggest(Context ctx) {
    String prefix = QueryParams.param(ctx, "prefix");
    if (prefix == null || prefix.isBlank()) {
      throw ApiException.badRequest("missing_prefix", "The query parameter prefix is required, e.g. /api/v1/answers/suggest?prefix=anni");
    }
    if (prefix.length() > 100) {
      throw ApiException.badRequest("prefix_too_long", "The prefix has " + prefix.length() + " characters; at most 100 are accepted.");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("prefix", prefix);
    out.put("suggestions", navigator.suggest(prefix, QueryParams.limit(QueryParams.param(ctx, "limit"))));
    Json.respond(ctx, out);
  }

  private static String optional(Context ctx, String name) {
    String v = QueryParams.param(ctx, name);
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

  public void answer(Context ctx) {
    String id = ctx.pathParam("id");
    Audience audience = audience(ctx);
    Answer a = navigator.answer(id)
        .orElseThrow(() -> new ApiException(404, "answer_not_found", "No answer has the id '" + QueryParams.shortened(id) + "'."));
    if (audience == Audience.OFFICIAL) {
      audit.record(Caller.required(ctx).username(), "read_official", a.id(), null);
    }
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
    Json.respond(ctx, out);
  }

  /**
   * The audience asked for. The official notes are for advisers and editors: an anonymous caller
   * asking for them gets 401, a signed-in one without either role 403.
   */
  private static Audience audience(Context ctx) {
    String value = QueryParams.param(ctx, "audience");
    if (value == null || value.isBlank()) {
      return Audience.CITIZEN;
    }
    Audience audience = switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "citizen" -> Audience.CITIZEN;
      case "official" -> Audience.OFFICIAL;
      default -> throw ApiException.badRequest("bad_audience", "audience must be 'citizen' or 'official', got '" + QueryParams.shortened(value) + "'.");
    };
    if (audience == Audience.OFFICIAL) {
      Caller caller = Caller.required(ctx);
      if (!caller.has(Role.ADVISER) && !caller.has(Role.EDITOR)) {
        throw ApiException.roleRequired(Role.ADVISER);
      }
    }
    return audience;
  }
}
