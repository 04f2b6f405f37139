package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.Limits;
import fi.viranomaisbotti.server.web.RateLimiter.Rate;
import fi.viranomaisbotti.server.web.WebSettings;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The limits, with small figures so that a test reaches them: one token a second (60 a minute)
 * after a burst of 3 for REST and per connection, 3 connections per address, 1,000 characters per
 * conversation, and WebSocket pages only from the server's own origin.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsIT {
  static final int CONNECTIONS = 3;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    Limits small = new Limits(new Rate(60, 3), new Rate(60, 3), new Rate(600, 100), CONNECTIONS, 1_000,
        Duration.ofMinutes(1), Duration.ofSeconds(10));
    server = new ServerFixture(new WebSettings(small, List.of(), false, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static SocketClient connect(String origin) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return new SocketClient(server.http, server.app.port(), origin);
      } catch (ExecutionException e) {
        // Connections closed by the test before may still be counted for a moment.
        if (!(e.getCause() instanceof WebSocketHandshakeException h) || h.getResponse().statusCode() != 429
            || System.nanoTime() > until) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  @Order(1)
  void aFourthConnectionFromOneAddressIsRefusedWith429UntilOneCloses() throws Exception {
    List<SocketClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < CONNECTIONS; i++) {
        open.add(connect(null));
        assertThat(open.get(i).next().get("type").asText()).isEqualTo("welcome");
      }
      Throwable refused = catchThrowable(() -> new SocketClient(server.http, server.app.port(), null));
      assertThat(refused).isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class);
      HttpResponse<?> answer = ((WebSocketHandshakeException) refused.getCause()).getResponse();
      assertThat(answer.statusCode()).isEqualTo(429);
      assertThat(answer.headers().firstValue("Retry-After")).isPresent();
      open.remove(0).close();
      try (SocketClient again = connect(null)) {
        assertThat(again.next().get("type").asText()).isEqualTo("welcome");
      }
    } finally {
      open.forEach(SocketClient::close);
    }
  }

  @Test
  @Order(2)
  void restRequestsOverTheRateGet429WithRetryAfterAndTheHealthCheckIsNotCounted() throws Exception {
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(server.get("/api/v1/answers/suggest?prefix=anni"));
    }
    assertThat(answers).extracting(HttpResponse::statusCode).contains(200).contains(429);
    HttpResponse<String> limited = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
    JsonNode error = ServerFixture.json(limited).get("error");
    assertThat(error.get("status").asInt()).isEqualTo(429);
    assertThat(error.get("code").asText()).isEqualTo("rate_limited");
    assertThat(error.get("message").asText()).contains("60 a minute", "Try again in");
    assertThat(limited.headers().firstValue("Content-Security-Policy")).isPresent();
    for (int i = 0; i < 10; i++) {
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
    Thread.sleep(1_100);
    assertThat(server.get("/api/v1/answers/suggest?prefix=anni").statusCode()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void chatMessagesOverTheRateGetRateLimitedAndTheConnectionStaysOpen() throws Exception {
    try (SocketClient c = connect(null)) {
      c.next();
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        codes.add(c.send(Map.of("type", "lentää")).at("/error/code").asText());
      }
      assertThat(codes).startsWith("unknown_type", "unknown_type", "unknown_type").contains("rate_limited");
      c.socket.sendText(typed("lentää"), true);
      JsonNode limited = c.next();
      assertThat(limited.at("/error/code").asText()).isEqualTo("rate_limited");
      assertThat(limited.at("/error/retryAfter").asInt()).isBetween(1, 60);
      assertThat(limited.at("/error/message").asText()).contains("Odota");
      Thread.sleep(1_100);
      assertThat(c.send(Map.of("type", "resume", "conversationId", "ei-ole", "resumeToken", "A".repeat(43)))
          .at("/error/code").asText())
          .isEqualTo("conversation_not_found");
      assertThat(c.closedWith).isNotDone();
    }
  }

  private static String typed(String type) {
    return "{\"type\":\"" + type + "\"}";
  }

  @Test
  @Order(4)
  void aConversationThatWouldHoldMoreThanItsCharactersAsksForANewConversation() throws Exception {
    String sentence = "Haluan perustaa kahvilan Tampereelle ja myydä siellä omia leivonnaisia. ";
    String text600 = sentence.repeat(600 / sentence.length() + 1).substring(0, 600);
    try (SocketClient c = connect(null)) {
      c.next();
      JsonNode first = c.send(Map.of("type", "message", "text", text600));
      assertThat(first.get("type").asText()).isEqualTo("reply");
      JsonNode full = c.send(Map.of("type", "message", "text", text600));
      assertThat(full.at("/error/code").asText()).isEqualTo("conversation_full");
      assertThat(full.at("/error/message").asText()).contains("Aloita uusi keskustelu");
      assertThat(server.conversations.turns(first.get("conversationId").asText())).hasSize(1);
      JsonNode small = c.send(Map.of("type", "message", "text", "Palkkaan yhden työntekijän."));
      assertThat(small.get("type").asText()).isEqualTo("reply");
    }
  }

  @Test
  @Order(5)
  void aPageFromAnotherOriginCannotOpenTheChatButTheServersOwnPagesCan() throws Exception {
    Throwable refused = catchThrowable(() -> new SocketClient(server.http, server.app.port(), "https://evil.example"));
    assertThat(refused).cause().isInstanceOf(WebSocketHandshakeException.class);
    assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(403);

    ServerFixture.Exchange raw = server.raw(("GET /ws/chat HTTP/1.1\r\nHost: localhost:" + server.app.port()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: https://evil.example\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1), true);
    assertThat(raw.status()).isEqualTo(403);
    assertThat(raw.json().at("/error/code").asText()).as(raw.headers() + "\n" + raw.body()).isEqualTo("origin_not_allowed");
    assertThat(raw.json().at("/error/message").asText()).contains("evil.example");

    try (SocketClient own = connect("http://localhost:" + server.app.port())) {
      assertThat(own.next().get("type").asText()).isEqualTo("welcome");
    }
  }
}
