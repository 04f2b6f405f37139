package fi.viranomaisbotti.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.ReplyText;
import fi.viranomaisbotti.engine.conversation.ConversationKey;
import fi.viranomaisbotti.engine.conversation.ConversationNotFoundException;
import fi.viranomaisbotti.engine.conversation.ConversationService;
import fi.viranomaisbotti.engine.conversation.StoredTurn;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.server.web.AccessLog;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.ErrorMapper;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.QueryParams;
import fi.viranomaisbotti.server.web.ServerMetrics;
import fi.viranomaisbotti.server.web.TrafficGuard;
import fi.viranomaisbotti.server.web.TurnGate;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat over WebSocket ({@code /ws/chat}); the protocol is in docs/api.md. A connection
 * remembers only which conversation it is on, with the resume token that proved it may be; the
 * conversation service stores every message and answer (masked) before the reply is sent, so
 * several connections on one conversation see the same state. Conversation ids never go into log
 * lines, only their {@link ConversationKey#reference}. Thread-safe.
 */
public final class ChatSocket {
  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);
  public static final int PROTOCOL_VERSION = 1;

  private static final String WELCOME =
      "Hei! Kerro omin sanoin, mitä olet aloittamassa: esimerkiksi millaisen yrityksen perustat, missä ja aiotko"
          + " palkata työntekijöitä.";

  private final ConversationService conversations;
  private final ErrorMapper errors;
  private final TrafficGuard guard;
  private final ServerMetrics metrics;
  private final TurnGate gate;
  /** Connections counted in the metrics as open. */
  private final java.util.Set<String> open = ConcurrentHashMap.newKeySet();
  /** Connection → the conversation it is on, once it has one. */
  private final Map<String, ConversationKey> conversationOf = new ConcurrentHashMap<>();

  /** @param gate every message passes it; once shutdown closes it, messages get {@code shutting_down} */
  public ChatSocket(
      ConversationService conversations, ErrorMapper errors, TrafficGuard guard, ServerMetrics metrics, TurnGate gate) {
    this.metrics = metrics;
    this.gate = gate;
    this.conversations = conversations;
    this.errors = errors;
    this.guard = guard;
  }

  public void configure(WsConfig ws) {
    ws.onConnect(this::connected);
    ws.onMessage(this::message);
    ws.onClose(this::left);
    ws.onError(this::left);
  }

  /** A connection closed or failed: forget it once, whichever Jetty reports (it may report both). */
  private void left(WsContext ctx) {
    conversationOf.remove(ctx.sessionId());
    guard.closed(ctx);
    if (open.remove(ctx.sessionId())) {
      metrics.disconnected();
    }
  }

  private void connected(WsContext ctx) {
    if (!guard.connected(ctx)) {
      return;
    }
    if (open.add(ctx.sessionId())) {
      metrics.connected();
    }
    Map<String, Object> hello = new LinkedHashMap<>();
    hello.put("type", "welcome");
    hello.put("protocol", PROTOCOL_VERSION);
    hello.put("text", WELCOME);
    ctx.send(Json.write(hello));
  }

  private void message(WsMessageContext ctx) {
    String connection = ctx.sessionId();
    long start = System.nanoTime();
    String type = "other";
    try {
      guard.message(ctx);
      if (ctx.message().length() > 4 * FinnishAnalyser.MAX_TEXT_LENGTH) {
        throw ApiException.badRequest("message_too_long",
            "The message is too long; send at most " + FinnishAnalyser.MAX_TEXT_LENGTH + " characters of text.");
      }
      ObjectNode msg = Json.object(ctx.message());
      String requested = msg.path("type").asText("");
      switch (requested) {
        case "message" -> {
          type = requested;
          String text = Json.text(msg);
          gate.pass(() -> {
            reply(ctx, metrics.turn(() -> conversations.say(conversationOf.get(connection), text)));
            return null;
          });
        }
        case "answer" -> {
          type = requested;
          gate.pass(() -> {
            answer(ctx, msg);
            return null;
          });
        }
        case "resume" -> {
          type = requested;
          gate.pass(() -> {
            resume(ctx, msg);
            return null;
          });
        }
        default -> throw ApiException.badRequest(
            "unknown_type", "Unknown message type '" + QueryParams.shortened(requested) + "'; use 'message', 'answer' or 'resume'.");
      }
      AccessLog.chatTurn(type, reference(connection), null, System.nanoTime() - start);
    } catch (RuntimeException | StackOverflowError e) {
      // A stack overflow is answered like any failure, so the connection stays open (no 1011 close).
      ConversationKey on = conversationOf.get(connection);
      if (e instanceof ConversationNotFoundException) {
        // Deleted by retention while the tab was open: the next message starts a new conversation.
        conversationOf.remove(connection);
      }
      ErrorMapper.SocketError error =
          errors.socketError(e, "Chat turn in " + (on == null ? "a new conversation" : "conversation " + on.reference()));
      ctx.send(error.frame());
      AccessLog.chatTurn(type, on == null ? null : on.reference(), error.code(), System.nanoTime() - start);
    }
  }

  private String reference(String connection) {
    ConversationKey on = conversationOf.get(connection);
    return on == null ? null : on.reference();
  }

  private void answer(WsMessageContext ctx, ObjectNode msg) {
    String concept = msg.path("concept").asText("");
    JsonNode value = msg.get("value");
    if (concept.isBlank() || value == null || !(value.isBoolean() || value.isTextual() || value.isNumber())) {
      throw ApiException.badRequest(
          "bad_answer", "An answer needs \"concept\" (from the question) and \"value\": true, false or a number.");
    }
    reply(ctx, metrics.turn(() -> conversations.answer(conversationOf.get(ctx.sessionId()), concept, Json.value(value))));
  }

  private void resume(WsContext ctx, ObjectNode msg) {
    String id = msg.path("conversationId").asText("");
    String token = msg.path("resumeToken").asText("");
    if (id.isBlank() || token.isBlank()) {
      throw ApiException.badRequest("resume_token_required", "A resume needs \"conversationId\" and the \"resumeToken\""
          + " that the conversation's first reply gave; without the token a conversation cannot be continued."
          + " Start a new conversation with a \"message\".");
    }
    ConversationService.Resumed resumed = conversations.resume(new ConversationKey(id, token));
    conversationOf.put(ctx.sessionId(), resumed.conversation());
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
    send(ctx, resumed.conversationId(), null, resumed.history().size(), resumed.recommendation());
  }

  private void reply(WsContext ctx, ConversationService.Turn turn) {
    conversationOf.put(ctx.sessionId(), turn.conversation());
    // The token goes out once, with the reply that started the conversation.
    String token = turn.started() ? turn.conversation().resumeToken() : null;
    send(ctx, turn.conversationId(), token, turn.seq(), turn.recommendation());
  }

  private void send(WsContext ctx, String conversationId, String resumeToken, int seq, Recommendation r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "reply");
    out.put("conversationId", conversationId);
    if (resumeToken != null) {
      out.put("resumeToken", resumeToken);
    }
    out.put("turn", seq);
    out.put("text", ReplyText.of(r));
    out.put("recommendation", r);
    // Counted until written, so that a shutdown stops the server only after the reply went out.
    Runnable written = gate.writing();
    ctx.session.sendText(Json.write(out), Callback.from(written, failure -> {
      written.run();
      LOG.warn("A reply in conversation {} could not be written: {}", ConversationKey.reference(conversationId),
          failure.getClass().getSimpleName());
    }));
  }
}
