package fi.viranomaisbotti.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.ReplyText;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.PersonalDataMasker;
import fi.viranomaisbotti.server.storage.ConversationStore;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.ErrorMapper;
import fi.viranomaisbotti.server.web.Json;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat over WebSocket ({@code /ws/chat}); the protocol is in docs/api.md. One conversation
 * per connection: every user message and answer is stored (masked) before the reply is sent, and
 * the recommendation is recomputed from everything said so far. Thread-safe.
 */
public final class ChatSocket {
  public static final int PROTOCOL_VERSION = 1;

  private final Navigator navigator;
  private final ConversationStore store;
  private final ErrorMapper errors;
  private final PersonalDataMasker masker = new PersonalDataMasker();
  private final Map<String, State> sessions = new ConcurrentHashMap<>();

  /** What one connection knows: its conversation, the user's texts and the facts. */
  private static final class State {
    String conversationId;
    final List<String> texts = new ArrayList<>();
    final Map<String, Object> facts = new LinkedHashMap<>();
  }

  public ChatSocket(Navigator navigator, ConversationStore store, ErrorMapper errors) {
    this.navigator = navigator;
    this.store = store;
    this.errors = errors;
  }

  public void configure(WsConfig ws) {
    ws.onConnect(this::connected);
    ws.onMessage(this::message);
    ws.onClose(ctx -> sessions.remove(ctx.sessionId()));
    ws.onError(ctx -> sessions.remove(ctx.sessionId()));
  }

  private void connected(WsContext ctx) {
    sessions.put(ctx.sessionId(), new State());
    Map<String, Object> hello = new LinkedHashMap<>();
    hello.put("type", "welcome");
    hello.put("protocol", PROTOCOL_VERSION);
    hello.put("text", "Hei! Kerro omin sanoin, mitä olet aloittamassa: esimerkiksi millaisen yrityksen perustat, missä ja aiotko palkata työntekijöitä.");
    ctx.send(Json.write(hello));
  }

  private void message(WsMessageContext ctx) {
    State state = sessions.computeIfAbsent(ctx.sessionId(), k -> new State());
    try {
      if (ctx.message().length() > 4 * FinnishAnalyser.MAX_TEXT_LENGTH) {
        throw ApiException.badRequest("message_too_long", "The message is too long; send at most " + FinnishAnalyser.MAX_TEXT_LENGTH + " characters of text.");
      }
      ObjectNode msg = Json.object(ctx.message());
      String type = msg.path("type").asText("");
      synchronized (state) {
        switch (type) {
          case "message" -> userMessage(ctx, state, Json.text(msg));
          case "answer" -> answer(ctx, state, msg);
          case "resume" -> resume(ctx, state, msg.path("conversationId").asText(""));
          default -> throw ApiException.badRequest(
              "unknown_type", "Unknown message type '" + type + "'; use 'message', 'answer' or 'resume'.");
        }
      }
    } catch (RuntimeException e) {
      ctx.send(errors.socketFrame(e, "Chat turn in conversation " + state.conversationId));
    }
  }

  private void userMessage(WsContext ctx, State state, String text) {
    ensureConversation(state);
    state.texts.add(text);
    store.append(state.conversationId, "user", masker.mask(text), state.facts);
    reply(ctx, state);
  }

  private void answer(WsContext ctx, State state, ObjectNode msg) {
    String concept = msg.path("concept").asText("");
    JsonNode value = msg.get("value");
    if (concept.isBlank() || value == null || !(value.isBoolean() || value.isTextual() || value.isNumber())) {
      throw ApiException.badRequest(
          "bad_answer", "An answer needs \"concept\" (from the question) and \"value\": true, false or a number.");
    }
    Map<String, Object> trial = new LinkedHashMap<>(state.facts);
    Object answer = value.isBoolean() ? value.booleanValue() : value.isNumber() ? (Object) value.doubleValue() : value.asText();
    trial.put(concept, answer);
    // Validate through the navigator before accepting the answer.
    Recommendation r = navigator.recommend(String.join("\n", state.texts), trial);
    ensureConversation(state);
    // Yes/no answers are kept as the navigator read them ("kyllä" → true); numbers and the
    // municipality as given.
    state.facts.put(concept, r.facts().containsKey(concept) ? r.facts().get(concept) : answer);
    store.append(state.conversationId, "answer", concept + "=" + state.facts.get(concept), state.facts);
    send(ctx, state, r);
  }

  private void resume(WsContext ctx, State state, String id) {
    ConversationStore.Conversation c = store.find(id)
        .orElseThrow(() -> new ApiException(404, "conversation_not_found", "No conversation has the id '" + id + "'."));
    state.conversationId = c.id();
    state.texts.clear();
    state.texts.addAll(c.userTexts());
    state.facts.clear();
    state.facts.putAll(c.facts());
    List<Map<String, Object>> turns = new ArrayList<>();
    c.turns().forEach(t -> turns.add(Map.of("role", t.role(), "text", t.maskedText())));
    ctx.send(Json.write(Map.of("type", "history", "conversationId", c.id(), "turns", turns)));
    reply(ctx, state);
  }

  private void ensureConversation(State state) {
    if (state.conversationId == null) {
      state.conversationId = store.create();
    }
  }

  private void reply(WsContext ctx, State state) {
    Recommendation r = navigator.recommend(String.join("\n", state.texts), state.facts);
    send(ctx, state, r);
  }

  private void send(WsContext ctx, State state, Recommendation r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "reply");
    out.put("conversationId", state.conversationId);
    out.put("text", ReplyText.of(r));
    out.put("recommendation", r);
    ctx.send(Json.write(out));
  }
}
