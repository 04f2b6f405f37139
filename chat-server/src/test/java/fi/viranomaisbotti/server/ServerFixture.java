package fi.viranomaisbotti.server;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.conversation.HandoffHours;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.server.ops.Readiness;
import fi.viranomaisbotti.server.storage.JdbcConversationRepository;
import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.DatabaseSettings;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Limits;
import fi.viranomaisbotti.server.web.RateLimiter.Rate;
import fi.viranomaisbotti.server.web.WebSettings;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The real server in-process: real Voikko, the packaged corpus, Drools, Lucene and an H2 database
 * in a temporary directory, listening on a free port.
 */
final class ServerFixture implements AutoCloseable {
  final Path dataDir;
  final Morphology morphology;
  final Navigator navigator;
  final Database database;
  final JdbcConversationRepository conversations;
  final Backend backend;
  final Readiness readiness = new Readiness();
  final Javalin app;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Limits no functional test reaches; the limits have their own test (LimitsIT). */
  static final Limits UNREACHED = new Limits(
      new Rate(1_000_000, 100_000), new Rate(1_000_000, 100_000), new Rate(1_000_000, 100_000), 10_000, 100_000_000,
      Duration.ofMinutes(5), Duration.ofSeconds(30));

  ServerFixture() throws IOException {
    this(WebSettings.DEFAULTS.withLimits(UNREACHED));
  }

  /** The server with other limits, origins or headers than the defaults. */
  ServerFixture(WebSettings web) throws IOException {
    this(web, Clock.systemUTC());
  }

  /** The server with a clock of the test's (one that holds a turn where it stores, say). */
  ServerFixture(WebSettings web, Clock clock) throws IOException {
    this(web, clock, HandoffHours.ALWAYS);
  }

  /** The server with advisers in only at the given hours. */
  ServerFixture(WebSettings web, Clock clock, HandoffHours hours) throws IOException {
    dataDir = Files.createTempDirectory("viranomaisbotti-it");
    morphology = Morphology.voikko(2);
    navigator =
        Navigator.start(
            new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", getClass().getClassLoader())), morphology);
    database = Database.open(DatabaseSettings.embedded(dataDir));
    backend = Backend.over(database, clock, hours);
    conversations = backend.conversations();
    app = App.create(navigator, backend, web, readiness).start(0);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + app.port() + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return post(path, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A response read off a raw socket: status and body. */
  record Raw(int status, String contentType, String body) {}

  /**
   * A GET with the request target written as given, byte for byte, which the HTTP client would
   * refuse to send (malformed escapes, a request line of tens of kilobytes).
   */
  Raw rawGet(String target) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      String head = response.substring(0, response.indexOf("\r\n\r\n"));
      String type = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
          .map(l -> l.substring(13).strip()).findFirst().orElse("");
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      return new Raw(status, type, body);
    }
  }

  /** A response read off a raw socket, with its header lines (names in lower case). */
  record Exchange(int status, java.util.Map<String, String> headers, String body) {
    JsonNode json() throws IOException {
      return Json.MAPPER.readTree(body);
    }
  }

  /**
   * Writes the bytes as given (a request the HTTP client would never send: a body shorter than its
   * Content-Length, broken chunking), optionally half-closes, and reads the answer. Status 0 when
   * the server closed without answering.
   */
  Exchange raw(byte[] request, boolean halfClose) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int end = response.indexOf("\r\n\r\n");
      if (!response.startsWith("HTTP/1.1 ") || end < 0) {
        return new Exchange(0, java.util.Map.of(), response);
      }
      java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
      response.substring(0, end).lines().skip(1).forEach(l -> {
        int colon = l.indexOf(':');
        if (colon > 0) {
          headers.put(l.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), l.substring(colon + 1).strip());
        }
      });
      String body = response.substring(end + 4);
      return new Exchange(Integer.parseInt(response.substring(9, 12)), headers,
          "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunked(body) : body);
    }
  }

  private static String dechunked(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int line = body.indexOf("\r\n", at);
      int size = line < 0 ? 0 : Integer.parseInt(body.substring(at, line).strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      // Sizes count bytes; the error bodies read here are ASCII JSON, so bytes are characters.
      out.append(body, line + 2, line + 2 + size);
      at = line + 2 + size + 2;
    }
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return Json.MAPPER.readTree(r.body());
  }

  @Override
  public void close() {
    app.stop();
    database.close();
    navigator.close();
    morphology.close();
  }
}
