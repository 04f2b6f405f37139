package fi.viranomaisbotti.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.LeanRecommendation;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.ReplyText;
import fi.viranomaisbotti.engine.conversation.ContactDetails;
import fi.viranomaisbotti.engine.conversation.ConversationKey;
import fi.viranomaisbotti.engine.conversation.ConversationNotFoundException;
import fi.viranomaisbotti.engine.conversation.ConversationService;
import fi.viranomaisbotti.engine.conversation.StepState;
import fi.viranomaisbotti.engine.conversation.Handoff;
import fi.viranomaisbotti.engine.conversation.HandoffListener;
import fi.viranomaisbotti.engine.conversation.HandoffService;
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
public final class ChatSocket implements HandoffListener {
  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);
  public static final int PROTOCOL_VERSION = 1;

  private static final String WELCOME =
      "Hei! Kerro omin sanoin, mitä olet aloittamassa: esimerkiksi millaisen yrityksen perustat, missä ja aiotko"
          + " palkata työntekijöitä.";

  private final ConversationService conversations;
  private final HandoffService handoffs;
  private final ErrorMapper errors;
  private final TrafficGuard guard;
  private final ServerMetrics metrics;
  private final TurnGate gate;
  /** Connections counted in the metrics as open. */
  private final java.util.Set<String> open = ConcurrentHashMap.newKeySet();
  /** Connection → the conversation it is on, once it has one. */
  private final Map<String, ConversationKey> conversationOf = new ConcurrentHashMap<>();
  /** Connection → the interface language the page chose, when not Finnish. */
  private final Map<String, String> languageOf = new ConcurrentHashMap<>();
  /** The reply shape each connection last asked for, when it asked for a lean one. */
  private final Map<String, LeanRecommendation.View> viewOf = new ConcurrentHashMap<>();
  private final Navigator navigator;

  /** The interface languages the page offers; Finnish is the default and needs no names. */
  private static final java.util.Set<String> LANGUAGES = java.util.Set.of("fi", "sv", "en");
  /** Message types the access log may name; anything else is logged as "other". */
  private static final java.util.Set<String> TYPES =
      java.util.Set.of("message", "answer", "resume", "progress", "feedback", "share", "language", "handoff");
  /** Connection → its context, to push an adviser's messages into. */
  private final Map<String, WsContext> contexts = new ConcurrentHashMap<>();

  /** @param gate every message passes it; once shutdown closes it, messages get {@code shutting_down} */
  public ChatSocket(Navigator navigator, ConversationService conversations, HandoffService handoffs, ErrorMapper errors,
      TrafficGuard guard, ServerMetrics metrics, TurnGate gate) {
    this.navigator = navigator;
    this.metrics = metrics;
    this.gate = gate;
    this.conversations = conversations;
    this.handoffs = handoffs;
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
    languageOf.remove(ctx.sessionId());
    viewOf.remove(ctx.sessionId());
    contexts.remove(ctx.sessionId());
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
    contexts.put(ctx.sessionId(), ctx);
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
      LeanRecommendation.View view = view(msg);
      if (TYPES.contains(requested)) {
        type = requested;
      }
      switch (requested) {
        case "message" -> {
          String text = Json.text(msg);
          gate.pass(() -> {
            reply(ctx, metrics.turn(() -> conversations.say(conversationOf.get(connection), text)), view);
            return null;
          });
        }
        case "answer" -> gate.pass(() -> {
          answer(ctx, msg, view);
          return null;
        });
        case "resume" -> gate.pass(() -> {
          resume(ctx, msg, view);
          return null;
        });
        case "progress" -> gate.pass(() -> {
          progress(ctx, msg);
          return null;
        });
        case "feedback" -> gate.pass(() -> {
          feedback(ctx, msg);
          return null;
        });
        case "share" -> gate.pass(() -> {
          share(ctx);
          return null;
        });
        case "language" -> gate.pass(() -> {
          language(ctx, msg);
          return null;
        });
        case "handoff" -> gate.pass(() -> {
          handoff(ctx, msg);
          return null;
        });
        default -> throw ApiException.badRequest("unknown_type", "Unknown message type '" + QueryParams.shortened(requested)
            + "'; use 'message', 'answer', 'resume', 'progress', 'feedback', 'share', 'language' or 'handoff'.");
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

  /**
   * The shape of the reply's recommendation: the full (v1) shape unless the message asks for
   * {@code "view": "compact"}, {@code "summary"} or {@code "page"} (the lean shapes of
   * {@code /api/v2/recommendations}; the chat page asks for "page").
   */
  private static LeanRecommendation.View view(ObjectNode msg) {
    JsonNode view = msg.get("view");
    if (view == null || view.isNull() || "full".equals(view.asText())) {
      return null;
    }
    if (!view.isTextual() || view.asText().isBlank()) {
      throw ApiException.badRequest("bad_input", "view must be 'full', 'compact', 'summary' or 'page'.");
    }
    return LeanRecommendation.View.of(view.asText());
  }

  /** The conversation's reference for the access log (never its id), or null before it has one. */
  private String reference(String connection) {
    ConversationKey on = conversationOf.get(connection);
    return on == null ? null : on.reference();
  }

  private void answer(WsMessageContext ctx, ObjectNode msg, LeanRecommendation.View view) {
    String concept = msg.path("concept").asText("");
    JsonNode value = msg.get("value");
    if (concept.isBlank() || value == null || !(value.isBoolean() || value.isTextual() || value.isNumber())) {
      throw ApiException.badRequest(
          "bad_answer", "An answer needs \"concept\" (from the question) and \"value\": true, false or a number.");
    }
    reply(ctx, metrics.turn(() -> conversations.answer(conversationOf.get(ctx.sessionId()), concept, Json.value(value))), view);
  }

  private void resume(WsContext ctx, ObjectNode msg, LeanRecommendation.View view) {
    String id = msg.path("conversationId").asText("");
    String token = msg.path("resumeToken").asText("");
    if (id.isBlank() || token.isBlank()) {
      throw ApiException.badRequest("resume_token_required", "A resume needs \"conversationId\" and the \"resumeToken\""
          + " that the conversation's first reply gave; without the token a conversation cannot be continued."
          + " Start a new conversation with a \"message\".");
    }
    ConversationService.Resumed resumed = conversations.resume(new ConversationKey(id, token));
    conversationOf.put(ctx.sessionId(), resumed.conversation());
    if (view != null) {
      viewOf.put(ctx.sessionId(), view);
    } else {
      viewOf.remove(ctx.sessionId());
    }
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
    send(ctx, resumed.conversationId(), null, resumed.history().size(), resumed.recommendation(), resumed.progress(), view);
  }

  /** The conversation this connection is on; the plan's own operations need one. */
  private ConversationKey current(WsContext ctx) {
    ConversationKey key = conversationOf.get(ctx.sessionId());
    if (key == null) {
      throw ApiException.badRequest("no_conversation",
          "There is no conversation on this connection yet; send a \"message\" or a \"resume\" first.");
    }
    return key;
  }

  private void progress(WsContext ctx, ObjectNode msg) {
    String item = msg.path("item").asText("");
    StepState state;
    try {
      state = StepState.parse(msg.path("state").asText(""));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_state", e.getMessage());
    }
    Map<String, StepState> after = conversations.mark(current(ctx), item, state);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "progress");
    out.put("progress", wire(after));
    ctx.send(Json.write(out));
  }

  private void feedback(WsContext ctx, ObjectNode msg) {
    JsonNode helpful = msg.get("helpful");
    JsonNode comment = msg.get("comment");
    if (helpful == null || !helpful.isBoolean() || (comment != null && !comment.isNull() && !comment.isTextual())) {
      throw ApiException.badRequest("bad_feedback", "Feedback needs \"helpful\": true or false, and may have a \"comment\" text.");
    }
    conversations.feedback(current(ctx), helpful.asBoolean(), comment == null || comment.isNull() ? null : comment.asText());
    ctx.send(Json.write(Map.of("type", "feedback", "stored", true)));
  }

  private void share(WsContext ctx) {
    ConversationService.ShareCode code = conversations.share(current(ctx));
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("who", code.consent().who());
    consent.put("at", code.consent().at().toString());
    consent.put("what", code.consent().what());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "share");
    out.put("code", code.code());
    out.put("consent", consent);
    ctx.send(Json.write(out));
  }

  /** The page's interface language: later replies name items and questions in it where the knowledge can. */
  private void language(WsContext ctx, ObjectNode msg) {
    String language = msg.path("language").asText("");
    if (!LANGUAGES.contains(language)) {
      throw ApiException.badRequest("bad_language", "The interface language is 'fi', 'sv' or 'en'; got '"
          + QueryParams.shortened(language) + "'.");
    }
    if (language.equals("fi")) {
      languageOf.remove(ctx.sessionId());
    } else {
      languageOf.put(ctx.sessionId(), language);
    }
    ConversationKey key = conversationOf.get(ctx.sessionId());
    if (key != null) {
      ConversationService.Resumed resumed = conversations.resume(key);
      send(ctx, resumed.conversationId(), null, resumed.history().size(), resumed.recommendation(), resumed.progress(),
          viewOf.get(ctx.sessionId()));
    }
  }

  private static Map<String, String> wire(Map<String, StepState> progress) {
    Map<String, String> out = new LinkedHashMap<>();
    progress.forEach((step, state) -> out.put(step, state.wire()));
    return out;
  }

  /**
   * The citizen asks for a person, with consent; the conversation must have been started. Outside
   * the advisers' hours the answer says so ({@code "status": "closed"}) unless the message carries
   * contact details, which queue the request for an adviser to reach the citizen.
   */
  private void handoff(WsContext ctx, ObjectNode msg) {
    ConversationKey on = conversationOf.get(ctx.sessionId());
    if (on == null) {
      throw ApiException.badRequest("no_conversation", "Say something first: a handoff passes on a conversation, and"
          + " this connection has none yet.");
    }
    JsonNode consent = msg.get("consent");
    HandoffService.Requested r = handoffs.request(on, consent != null && consent.isBoolean() && consent.asBoolean(), contact(msg));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "handoff");
    if (r.queued()) {
      Handoff h = r.handoff();
      out.put("status", h.status().name().toLowerCase(Locale.ROOT));
      out.put("consentAt", h.consentAt().toString());
      out.put("contactLeft", h.contact() != null);
    } else {
      out.put("status", "closed");
    }
    out.put("advisersIn", r.availability().open());
    out.put("hours", r.availability().hours());
    if (r.availability().nextOpening() != null) {
      out.put("nextOpening", r.availability().nextOpening().toString());
    }
    ctx.send(Json.write(out));
  }

  /** The message's contact details ({@code "contact": {"phone", "email"}}), checked; null when it has none. */
  private static ContactDetails contact(ObjectNode msg) {
    JsonNode c = msg.get("contact");
    if (c == null || c.isNull()) {
      return null;
    }
    if (!c.isObject() || (c.has("phone") && !c.get("phone").isTextual() && !c.get("phone").isNull())
        || (c.has("email") && !c.get("email").isTextual() && !c.get("email").isNull())) {
      throw ApiException.badRequest("bad_contact", "contact is an object with \"phone\" and/or \"email\" as text.");
    }
    try {
      return ContactDetails.of(c.path("phone").asText(null), c.path("email").asText(null));
    } catch (fi.viranomaisbotti.engine.BadInputException e) {
      throw ApiException.badRequest("bad_contact", e.getMessage());
    }
  }

  @Override
  public void adviserJoined(String conversationId) {
    push(conversationId, Map.of("type", "adviser_joined"));
  }

  @Override
  public void adviserSaid(String conversationId, int turn, String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "adviser");
    out.put("turn", turn);
    out.put("text", text);
    push(conversationId, out);
  }

  @Override
  public void handoffClosed(String conversationId) {
    push(conversationId, Map.of("type", "handoff_closed"));
  }

  /** Sends to every open connection of this node that is on the conversation. */
  private void push(String conversationId, Map<String, Object> message) {
    String frame = Json.write(message);
    conversationOf.forEach((connection, key) -> {
      WsContext ctx = contexts.get(connection);
      if (ctx != null && key.id().equals(conversationId)) {
        ctx.send(frame);
      }
    });
  }

  private void reply(WsContext ctx, ConversationService.Turn turn, LeanRecommendation.View view) {
    if (view != null) {
      viewOf.put(ctx.sessionId(), view);
    } else {
      viewOf.remove(ctx.sessionId());
    }
    conversationOf.put(ctx.sessionId(), turn.conversation());
    // The token goes out once, with the reply that started the conversation.
    String token = turn.started() ? turn.conversation().resumeToken() : null;
    send(ctx, turn.conversationId(), token, turn.seq(), turn.recommendation(), turn.progress(), view);
  }

  /** @param view the lean shape asked for, or null for the full shape */
  private void send(
      WsContext ctx, String conversationId, String resumeToken, int seq, Recommendation r, Map<String, StepState> progress,
      LeanRecommendation.View view) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "reply");
    out.put("conversationId", conversationId);
    if (resumeToken != null) {
      out.put("resumeToken", resumeToken);
    }
    out.put("turn", seq);
    String language = languageOf.get(ctx.sessionId());
    Map<String, String> names = language == null ? Map.of() : navigator.namesIn(r, language);
    out.put("text", language == null ? ReplyText.of(r) : ReplyText.of(r, language, names));
    out.put("recommendation", view == null ? r : LeanRecommendation.of(r, view));
    out.put("progress", wire(progress));
    if (language != null) {
      out.put("language", language);
      out.put("names", names);
    }
    // Counted until written, so that a shutdown stops the server only after the reply went out.
    Runnable written = gate.writing();
    ctx.session.sendText(Json.write(out), Callback.from(written, failure -> {
      written.run();
      LOG.warn("A reply in conversation {} could not be written: {}", ConversationKey.reference(conversationId),
          failure.getClass().getSimpleName());
    }));
  }
}
