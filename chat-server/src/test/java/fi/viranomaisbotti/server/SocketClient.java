package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A chat test client: collects the server's frames as JSON and how the server closed, if it did. */
class SocketClient implements WebSocket.Listener, AutoCloseable {
  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  final WebSocket socket;

  /** Opens {@code /ws/chat}; {@code origin} null sends none, as clients that are not browsers do. */
  SocketClient(HttpClient http, int port, String origin) throws Exception {
    WebSocket.Builder b = http.newWebSocketBuilder();
    if (origin != null) {
      b.header("Origin", origin);
    }
    socket = b.buildAsync(URI.create("ws://localhost:" + port + "/ws/chat"), this).get(10, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        received.add(Json.MAPPER.readTree(partial.toString()));
      } catch (Exception e) {
        throw new IllegalStateException("The server sent a frame that is not JSON: " + partial, e);
      }
      partial.setLength(0);
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    closedWith.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closedWith.complete(-1);
  }

  JsonNode send(Object message) throws Exception {
    socket.sendText(message instanceof String s ? s : Json.write(message), true).get(5, TimeUnit.SECONDS);
    return next();
  }

  JsonNode next() throws Exception {
    JsonNode n = received.poll(20, TimeUnit.SECONDS);
    assertThat(n).as("a message from the server").isNotNull();
    return n;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }
}
