package fi.viranomaisbotti.benchmarks.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One customer's conversation over the chat WebSocket, driven by the server's replies: the
 * story's sentences one message at a time, then an answer to the first question not answered
 * yet (the story's own fact when it has one), until the story runs out, the turn limit is reached
 * or the run stops. Some conversations leave after their second turn and come back on a new
 * connection with their resume token, as a reloaded page does. A reply is read as a stream for
 * the few fields the conversation needs (its type, id and token, an error's code, the questions'
 * concepts and types), not built into a tree: the harness shares the machine's cores with the
 * server it measures. Callbacks of one connection come
 * one at a time; the state is guarded by this object's lock against the timeout's thread.
 */
final class Conversation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoadRun run;
  private final Story story;
  private final boolean resumes;
  private final Random random;
  private final Set<String> answered = new HashSet<>();
  private Link link;
  private int nextMessage;
  private int turns;
  private boolean resuming;
  private String conversationId;
  private String token;
  private long sentAt;
  private ScheduledFuture<?> timeout;
  private boolean finished;

  Conversation(LoadRun run, Story story, boolean resumes, long seed) {
    this.run = run;
    this.story = story;
    this.resumes = resumes;
    this.random = new Random(seed);
  }

  void start() {
    connect();
  }

  private synchronized void connect() {
    Link next = new Link();
    link = next;
    // The opening handshake waits behind the turns queued at a saturated server, like any turn.
    run.http().newWebSocketBuilder().connectTimeout(run.turnTimeout()).buildAsync(run.chat(), next)
        .whenComplete((ws, failure) -> {
          if (failure != null) {
            failed(next, "connect_failed " + cause(failure));
          }
        });
  }

  /** One connection; frames of a connection the conversation has left are ignored. */
  private final class Link implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    /**
     * The last send on this connection: the JDK client allows one send at a time, and a reply can
     * arrive (and the next message go out) before the previous send's completion has run.
     */
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    @Override
    public void onOpen(WebSocket ws) {
      socket = ws;
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        received(this, frame);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      failed(this, "closed_" + status);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      failed(this, "socket_error " + cause(error));
    }
  }

  /** The root cause's class and the start of its message, as an error code for the report. */
  private static String cause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root.getClass().getSimpleName() + (message.length() > 60 ? message.substring(0, 60) + "…" : message);
  }

  private synchronized void received(Link from, String text) {
    if (from != link || finished) {
      return;
    }
    Frame frame;
    try {
      frame = Frame.read(text);
    } catch (IOException | RuntimeException e) {
      failed(from, "not_json");
      return;
    }
    switch (frame.type()) {
      case "welcome" -> {
        if (resuming) {
          send(Map.of("type", "resume", "conversationId", conversationId, "resumeToken", token), "resume");
        } else {
          next(null);
        }
      }
      case "reply" -> {
        turnAnswered(null);
        if (frame.resumeToken() != null) {
          conversationId = frame.conversationId();
          token = frame.resumeToken();
        }
        resuming = false;
        next(frame.questions());
      }
      case "error" -> {
        String code = frame.errorCode() == null ? "unknown" : frame.errorCode();
        turnAnswered(code);
        if (code.equals("conversation_not_found") || code.equals("shutting_down")) {
          finish(true);
        } else {
          next(null);
        }
      }
      default -> { } // history before a resume's reply
    }
  }

  private void turnAnswered(String errorCode) {
    if (timeout != null) {
      timeout.cancel(false);
    }
    run.turn(System.nanoTime() - sentAt, errorCode);
    sentAt = 0;
    turns++;
  }

  private void next(List<Question> questions) {
    if (run.stopping() || turns >= run.maxTurns()) {
      finish(!run.stopping());
      return;
    }
    if (resumes && !resuming && token != null && turns == 2) {
      resuming = true;
      run.resumed();
      WebSocket old = link.socket;
      connect();
      old.sendClose(WebSocket.NORMAL_CLOSURE, "reload");
      return;
    }
    if (nextMessage < story.messages().size()) {
      send(Map.of("type", "message", "text", story.messages().get(nextMessage++)), "message");
      return;
    }
    if (questions != null) {
      for (Question q : questions) {
        if (!q.concept().isEmpty() && answered.add(q.concept())) {
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("type", "answer");
          answer.put("concept", q.concept());
          answer.put("value", value(q.concept(), q.type()));
          send(answer, "answer");
          return;
        }
      }
    }
    finish(true);
  }

  private Object value(String concept, String type) {
    Object known = story.facts().get(concept);
    if (known instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    if (known != null) {
      return known;
    }
    return type.equals("NUMBER") ? 1 + random.nextInt(500) : random.nextBoolean();
  }

  private void send(Map<String, Object> message, String kind) {
    if (run.view() != null) {
      message = new LinkedHashMap<>(message);
      message.put("view", run.view());
    }
    String text;
    try {
      text = JSON.writeValueAsString(message);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot write " + kind, e);
    }
    Link on = link;
    sentAt = System.nanoTime();
    run.sent(kind);
    timeout = run.scheduler().schedule(() -> failed(on, "timeout"), run.turnTimeout().toMillis(), TimeUnit.MILLISECONDS);
    synchronized (on) {
      on.sending = on.sending.exceptionally(failure -> null).thenCompose(previous -> on.socket.sendText(text, true));
      on.sending.whenComplete((ws, failure) -> {
        if (failure != null) {
          failed(on, "send_failed " + cause(failure));
        }
      });
    }
  }

  private synchronized void failed(Link from, String what) {
    if (from != link || finished) {
      return;
    }
    if (sentAt != 0 || !run.stopping()) {
      run.transportError(what);
    }
    finish(true);
  }

  /**
   * The conversation is over: its connection is closed, or (when the run stops) left open so the
   * server's memory can be measured with the conversations still connected.
   */
  private void finish(boolean close) {
    if (finished) {
      return;
    }
    finished = true;
    if (timeout != null) {
      timeout.cancel(false);
    }
    WebSocket socket = link.socket;
    if (close && socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    run.ended(this, socket, close);
  }

  /** A question of a reply: the concept its answer names and its type (YES_NO, NUMBER, …). */
  record Question(String concept, String type) {}

  /** What the conversation reads of a frame from the server. */
  record Frame(String type, String conversationId, String resumeToken, String errorCode, List<Question> questions) {

    static Frame read(String text) throws IOException {
      String type = "";
      String id = null;
      String token = null;
      String code = null;
      List<Question> questions = null;
      try (JsonParser p = JSON.getFactory().createParser(text)) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          switch (field) {
            case "type" -> type = p.getValueAsString("");
            case "conversationId" -> id = p.getValueAsString();
            case "resumeToken" -> token = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
            case "error" -> code = value == JsonToken.START_OBJECT ? field(p, "code") : null;
            case "recommendation" -> questions = value == JsonToken.START_OBJECT ? questions(p) : null;
            default -> p.skipChildren();
          }
        }
      }
      return new Frame(type, id, token, code, questions);
    }

    /** The named text field of the object the parser is at, the rest skipped. */
    private static String field(JsonParser p, String name) throws IOException {
      String found = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals(name)) {
          found = p.getValueAsString();
        } else {
          p.skipChildren();
        }
      }
      return found;
    }

    /** The questions of the recommendation the parser is at, in order; everything else skipped. */
    private static List<Question> questions(JsonParser p) throws IOException {
      List<Question> out = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!field.equals("questions") || value != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          String concept = "";
          String type = "YES_NO";
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
              case "concept" -> concept = p.getValueAsString("");
              case "type" -> type = p.getValueAsString("YES_NO");
              default -> p.skipChildren();
            }
          }
          out.add(new Question(concept, type));
        }
      }
      return out;
    }

    private static void expect(JsonToken got, JsonToken wanted) throws IOException {
      if (got != wanted) {
        throw new IOException("Expected " + wanted + ", got " + got);
      }
    }
  }
}
