package fi.viranomaisbotti.server.explorer;

import fi.viranomaisbotti.engine.GraphQuery;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.conversation.ConversationKey;
import fi.viranomaisbotti.engine.conversation.ConversationService;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.QueryParams;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ecosystem explorer (toimijakartta): its page, the graph and gap routes, and the plan items of
 * a conversation for highlighting on the map. Parses, calls the navigator, serialises. Thread-safe.
 */
public final class ExplorerHandlers {
  /** Days are read in Finland's time: "today" for the gap view is the Finnish day. */
  private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

  private final Navigator navigator;
  private final ConversationService conversations;
  private final Clock clock;
  private final String page;

  public ExplorerHandlers(Navigator navigator, ConversationService conversations, Clock clock) {
    this.navigator = navigator;
    this.conversations = conversations;
    this.clock = clock;
    this.page = resource("/explorer/kartta.html");
  }

  /** {@code GET /kartta}: the map page (its script and styles are static files under /explorer/). */
  public void page(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  /** {@code GET /api/v1/graph?event=&municipality=&kind=&at=}. */
  public void graph(Context ctx) {
    ctx.json(navigator.graph(new GraphQuery(
        id(ctx, "event"), text(ctx, "municipality"), kinds(QueryParams.param(ctx, "kind")), day(ctx))));
  }

  /** {@code GET /api/v1/graph/gaps?at=}: judged on today's date when no day is given. */
  public void gaps(Context ctx) {
    LocalDate at = day(ctx);
    ctx.json(navigator.graphGaps(at == null ? LocalDate.now(clock.withZone(FINLAND)) : at));
  }

  /**
   * {@code GET /api/v1/conversations/{id}/plan-items} with {@code Authorization: Bearer <resume
   * token>}: the ids of the conversation's events, plan steps and actors, nothing of what was said.
   */
  public void planItems(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "resume_token_required",
          "Send the conversation's resume token as 'Authorization: Bearer <token>'; the chat page keeps it for you.");
    }
    ConversationKey key = new ConversationKey(ctx.pathParam("id"), header.substring(7).strip());
    Recommendation r = conversations.resume(key).recommendation();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("conversationId", key.id());
    out.put("knowledgeVersion", r.knowledgeVersion());
    out.put("events", r.lifeEvents().stream().map(Recommendation.Item::id).toList());
    out.put("steps", r.plan().stream().map(Recommendation.PlanStep::id).toList());
    out.put("actors", r.actors().stream().map(Recommendation.Item::id).toList());
    ctx.json(out);
  }

  private static String text(Context ctx, String name) {
    String v = QueryParams.param(ctx, name);
    if (v != null && v.length() > 100) {
      throw ApiException.badRequest("bad_" + name, "The parameter " + name + " has " + v.length() + " characters; at most 100 are accepted.");
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String id(Context ctx, String name) {
    String v = text(ctx, name);
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  /** "actor", or several separated by commas ("obligation,actor"); empty for every kind. */
  private static Set<String> kinds(String value) {
    Set<String> out = new LinkedHashSet<>();
    if (value != null) {
      if (value.length() > 100) {
        throw ApiException.badRequest("bad_kind", "The parameter kind has " + value.length() + " characters; at most 100 are accepted.");
      }
      for (String k : value.split(",")) {
        if (!k.isBlank()) {
          out.add(k.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  private static LocalDate day(Context ctx) {
    String v = text(ctx, "at");
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("bad_date",
          "at must be a date written as YYYY-MM-DD, e.g. 2025-06-01; got '" + QueryParams.shortened(v) + "'.");
    }
  }

  private static String resource(String path) {
    try (InputStream in = ExplorerHandlers.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("The explorer page " + path + " is missing from the class path; rebuild the server jar.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("The explorer page " + path + " could not be read", e);
    }
  }
}
