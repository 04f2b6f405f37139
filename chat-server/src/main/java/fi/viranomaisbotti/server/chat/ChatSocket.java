package fi.viranomaisbotti.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.ReplyText;
import fi.viranomaisbotti.engine.conversation.ConversationService;
import fi.viranomaisbotti.engine.conversation.StoredTurn;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.ErrorMapper;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.QueryParams;
import fi.viranomaisbotti.server.web.TrafficGuard;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat over WebSocket ({@code /ws/chat}); the protocol is in docs/api.md. A connection
 * remembers only which conversation it is on; the conversation service stores every message and
 * answer (masked) before the reply is sent, so several connections on one conversation see the
 * same state. Thread-safe.
 */
public final class ChatSocket {
  public static final int PROTOCOL_VERSION = 1;

  private static final String WELCOME =
      "Hei! Kerro omin sanoin, mitä olet aloittamassa: esimerkiksi millaisen yrityksen perustat, missä ja aiotko"
          + " palkata työntekijöitä.";

  private final ConversationService conversations;
  private final ErrorMapper errors;
  private final TrafficGuard guard;
  /** Connection → the conversation it is on, once it has one. */
  private final Map<String, String> conversationOf = new ConcurrentHashMap<>();

  public ChatSocket(ConversationService conversations, ErrorMapper errors, TrafficGuard guard) {
    this.conversations = conversations;
    this.errors = errors;
    this.guard = guard;
  }

  public void configure(WsConfig ws) {
    ws.onConnect(this::connected);
    ws.onMessage(this::message);
    ws.onClose(ctx -> {
      conversationOf.remove(ctx.sessionId());
      guard.closed(ctx);
    });
    ws.onError(ctx -> {
      conversationOf.remove(ctx.sessionId());
      guard.closed(ctx);
    });
  }

  private void connected(WsContext ctx) {
    if (!guard.connected(ctx)) {
      return;
    }
    Map<String, Object> hello = new LinkedHashMap<>();
    hello.put("type", "welcome");
    hello.put("protocol", PROTOCOL_VERSION);
    hello.put("text", WELCOME);
    ctx.send(Json.write(hello));
  }

  private void message(WsMessageContext ctx) {
    String connection = ctx.sessionId();
    try {
      guard.message(ctx);
      if (ctx.message().length() > 4 * FinnishAnalyser.MAX_TEXT_LENGTH) {
        throw ApiException.badRequest("message_too_long",
            "The message is too long; send at most " + FinnishAnalyser.MAX_TEXT_LENGTH + " characters of text.");
      }
      ObjectNode msg = Json.object(ctx.message());
      String type = msg.path("type").asText("");
      switch (type) {
        case "message" -> {
          String text = Json.text(msg);
          guard.storing(conversationOf.get(connection), text);
          reply(ctx, conversations.say(conversationOf.get(connection), text));
        }
        case "answer" -> answer(ctx, msg);
        case "resume" -> resume(ctx, msg.path("conversationId").asText(""));
        default -> throw ApiException.badRequest(
            "unknown_type", "Unknown message type '" + QueryParams.shortened(type) + "'; use 'message', 'answer' or 'resume'.");
      }
    } catch (RuntimeException | StackOverflowError e) {
      // A stack overflow is answered like any failure, so the connection stays open (no 1011 close).
      ctx.send(errors.socketFrame(e, "Chat turn in conversation " + conversationOf.get(connection)));
    }
  }

  private void answer(WsMessageContext ctx, ObjectNode msg) {
    String concept = msg.path("concept").asText("");
    JsonNode value = msg.get("value");
    if (concept.isBlank() || value == null || !(value.isBoolean() || value.isTextual() || value.isNumber())) {
      throw ApiException.badRequest(
          "bad_answer", "An answer needs \"concept\" (from the question) and \"value\": true, false or a number.");
    }
    reply(ctx, conversations.answer(conversationOf.get(ctx.sessionId()), concept, Json.value(value)));
  }

  private void resume(WsContext ctx, String id) {
    ConversationService.Resumed resumed = conversations.resume(id);
    conversationOf.put(ctx.sessionId(), resumed.conversationId());
    List<Map<String, Object>> turns = new ArrayList<>();
    for (StoredTurn t : resumed.history()) {
      Map<String, Object> turn = new LinkedHashMap<>();
      turn.put("role", t.role().name().toLowerCase(Locale.ROOT));
      turn.put("text", t.maskedText());
      turn.put("turn", t.seq());
      turns.add(turn);
    }
    Map<String, Object> history = new LinkedHashMap<>();
    history.put("type", "history");
    history.put("conversationId", resumed.conversationId());
    history.put("turns", turns);
    ctx.send(Json.write(history));
    send(ctx, resumed.conversationId(), resumed.history().size(), resumed.recommendation());
  }

  private void reply(WsContext ctx, ConversationService.Turn turn) {
    conversationOf.put(ctx.sessionId(), turn.conversationId());
    send(ctx, turn.conversationId(), turn.seq(), turn.recommendation());
  }

  private static void send(WsContext ctx, String conversationId, int seq, Recommendation r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "reply");
    out.put("conversationId", conversationId);
    out.put("turn", seq);
    out.put("text", ReplyText.of(r));
    out.put("recommendation", r);
    ctx.send(Json.write(out));
  }
}
