package fi.viranomaisbotti.server.api;

import fi.viranomaisbotti.engine.conversation.ConversationKey;
import fi.viranomaisbotti.engine.conversation.ConversationNotFoundException;
import fi.viranomaisbotti.engine.conversation.ConversationService;
import fi.viranomaisbotti.engine.conversation.StepState;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.QueryParams;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /api/v1/conversations/{id}/plan?format=html|md|ics&token=…&start=YYYY-MM-DD}: the
 * conversation's plan as a document; {@code start} dates the calendar's tasks whose time the
 * knowledge gives as a period from the start. The resume token is the credential: without it 401, with one that is not the
 * conversation's (or for an id that does not exist) 403, the two alike. Thread-safe.
 */
public final class PlanExportHandler {
  private final ConversationService conversations;
  private final Clock clock;

  public PlanExportHandler(ConversationService conversations, Clock clock) {
    this.conversations = conversations;
    this.clock = clock;
  }

  public void plan(Context ctx) {
    String format = QueryParams.param(ctx, "format");
    String f = format == null || format.isBlank() ? "html" : format;
    if (!f.equals("html") && !f.equals("md") && !f.equals("ics")) {
      throw ApiException.badRequest("bad_format",
          "The format '" + QueryParams.shortened(f) + "' is not offered; use format=html, md or ics.");
    }
    String token = QueryParams.param(ctx, "token");
    if (token == null || token.isBlank()) {
      throw new ApiException(401, "token_required",
          "The plan of a conversation needs its resume token: add token=… (the resumeToken of the conversation's first reply).");
    }
    LocalDate start = start(QueryParams.param(ctx, "start"));
    ConversationKey key = new ConversationKey(ctx.pathParam("id"), token);
    ConversationService.Resumed resumed;
    Map<String, StepState> progress;
    try {
      resumed = conversations.resume(key);
      progress = resumed.progress();
    } catch (ConversationNotFoundException e) {
      throw new ApiException(403, "token_not_accepted",
          "The token does not open this conversation, or the conversation no longer exists.");
    }
    Instant now = clock.instant();
    ctx.header("Cache-Control", "no-store");
    switch (f) {
      case "md" -> {
        ctx.contentType("text/markdown; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"suunnitelma.md\"");
        ctx.result(PlanExport.markdown(resumed.recommendation(), progress, now));
      }
      case "ics" -> {
        ctx.contentType("text/calendar; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"suunnitelma.ics\"");
        ctx.result(PlanExport.icalendar(resumed.recommendation(), progress, now, key.reference(), start));
      }
      default -> {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(PlanExport.html(resumed.recommendation(), progress, now));
      }
    }
  }

  /** The optional start day (YYYY-MM-DD) that dates the calendar's tasks. */
  private static LocalDate start(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("bad_date",
          "start is the day the activity starts as YYYY-MM-DD, e.g. 2027-03-01; got '" + QueryParams.shortened(value) + "'.");
    }
  }
}
