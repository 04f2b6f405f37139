package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over every route of {@link Routes#REGISTRY} (so a new route is fuzzed without
 * being named here) and over the chat WebSocket, on loopback: structured attacks first (deep
 * nesting, huge numbers, wrong types, NUL, lone surrogates, a BOM, long repetitions up to the
 * text limit, malformed UTF-8, truncated bodies, broken chunking, broken WebSocket frames), then
 * random ones until {@link #RANDOM_CASES} or {@link #BUDGET}. No answer may be 5xx, no error may
 * leave the JSON shape, no WebSocket may close with 1011, and the server must be healthy at the
 * end. The seed is fixed and printed; {@code -Dfuzz.seed=…} replays another. A report of counts
 * by status and code is printed and written to target/fuzz-report.txt.
 */
class FuzzIT {
  static final long SEED = Long.getLong("fuzz.seed", 20_261_104L);
  static final int RANDOM_CASES = Integer.getInteger("fuzz.cases", 4_000);
  static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 40L));
  static final Duration RANDOM_SHARE = Duration.ofSeconds(15);
  /** The analyser's text limit: long repetitions go up to it. */
  static final int TEXT_LIMIT = 10_000;

  static final String SEPARATORS = "äöåÄÖÅ-.,:'@()[]{}\"\\/%+&=?#";

  static ServerFixture server;
  static HttpClient http;

  final Random random = new Random(SEED);
  final Map<String, Integer> byOutcome = new TreeMap<>();
  final List<String> failures = new ArrayList<>();
  int cases;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void thousandsOfHostileInputsGetNoServerErrorAndTheServerStaysHealthy() throws Exception {
    System.out.println("FuzzIT seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
    long started = System.nanoTime();
    long deadline = started + BUDGET.toNanos();
    List<Route> http = Routes.REGISTRY.routes().stream().filter(r -> r.kind() != Route.Kind.SOCKET).toList();
    List<Route> sockets = Routes.REGISTRY.routes().stream().filter(r -> r.kind() == Route.Kind.SOCKET).toList();
    assertThat(http).isNotEmpty();
    assertThat(sockets).isNotEmpty();

    for (Route r : http) {
      for (byte[] body : structuredBodies()) {
        send(r, body, "structured body");
      }
      for (String v : structuredStrings()) {
        send(r, jsonBody(v), "structured text " + label(v));
        sendQuery(r, v, "structured query " + label(v));
      }
      for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")) {
        record("wrong method", exchange(HttpRequest.newBuilder(uri(r, "x")).method(method, HttpRequest.BodyPublishers.ofString("{}"))));
      }
    }
    // The costly inputs go once each, in turn to the routes that read a body; the random phase keeps to short ones.
    List<Route> posts = http.stream().filter(r -> r.method() != Route.Method.GET).toList();
    List<String> repetitions = repetitions();
    for (int i = 0; i < repetitions.size(); i++) {
      send(posts.get(i % posts.size()), jsonBody(repetitions.get(i)), "repetition " + label(repetitions.get(i)));
    }
    phase("structured HTTP", started);
    for (Route s : sockets) {
      socketCases(s, deadline);
    }
    phase("WebSocket", started);
    rawHttpCases(http);
    phase("raw HTTP", started);

    // The random phase has its own share of the budget, so it runs however long the structured ones took.
    long randomDeadline = Math.max(deadline, System.nanoTime() + RANDOM_SHARE.toNanos());
    for (int n = 0; n < RANDOM_CASES && System.nanoTime() < randomDeadline; n++) {
      Route r = http.get(random.nextInt(http.size()));
      int kind = random.nextInt(4);
      if (kind == 0) {
        send(r, randomBytes(), "random bytes");
      } else if (kind == 1) {
        send(r, randomJson(0).getBytes(StandardCharsets.UTF_8), "random JSON");
      } else if (kind == 2) {
        send(r, jsonBody(randomText(random.nextInt(300))), "random text");
      } else {
        sendQuery(r, randomText(random.nextInt(120)), "random query");
      }
    }

    HttpResponse<String> health = server.get("/health");
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    String report = report(seconds);
    System.out.println(report);
    Files.writeString(Path.of("target/fuzz-report.txt"), report, StandardCharsets.UTF_8);
    assertThat(failures).as("inputs that got a 5xx, an error outside the JSON shape or a 1011 close (seed " + SEED + ")").isEmpty();
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(cases).isGreaterThan(2_000);
  }


  void phase(String name, long started) {
    System.out.println("FuzzIT: " + name + " done after " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
        + " s, " + cases + " cases");
  }

  // ---- inputs

  static String label(String v) {
    String head = v.length() > 12 ? v.substring(0, 12) : v;
    StringBuilder out = new StringBuilder();
    head.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format(java.util.Locale.ROOT, "\\u%04x", c)));
    return "'" + out + "'×" + v.length();
  }

  List<String> repetitions() {
    List<String> out = new ArrayList<>();
    for (String unit : List.of("a-", "1.", "1,", "a:", "a'", "ä-", "a.", "a@b.", "(a", "[PUHELIN]")) {
      for (int length : List.of(6_000, TEXT_LIMIT)) {
        String s = unit.repeat(length / unit.length() + 1).substring(0, length);
        out.add(unit.equals("a@b.") ? "a@" + s.substring(2) : s);
      }
    }
    return out;
  }

  List<String> structuredStrings() {
    return List.of(
        "", " ", "\u0000", "kahvila\u0000", "\uD800", "\uDC00kahvila", "\uFEFFkahvila", "😀".repeat(50), "a\u0301".repeat(200),
        "\u202Ekahvila", "%00", "%ZZ", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}",
        "x".repeat(101), "x".repeat(501), "ä".repeat(2_000), "131052-308T", "matti(at)example.com", "1e999999", "-1",
        "9".repeat(400), "\r\n\r\nGET / HTTP/1.1", "null", "true", "{}", "[]");
  }

  List<byte[]> structuredBodies() {
    List<String> json = List.of(
        "[".repeat(5_000), "{\"a\":".repeat(3_000), "{\"text\":" + "[".repeat(2_000) + "}",
        "{\"text\":\"kahvila\",\"facts\":{\"alkoholi\":1e999999}}", "{\"text\":\"kahvila\",\"facts\":{\"alkoholi\":" + "9".repeat(5_000) + "}}",
        "{\"text\":\"kahvila\",\"facts\":{\"yleisomaara\":-1e308}}", "{\"text\":\"kahvila\",\"facts\":{\"yleisomaara\":1e308}}",
        "{\"text\":\"kahvila\",\"facts\":{\"kunta\":\"" + "x".repeat(20_000) + "\"}}", "{\"text\":\"kahvila\",\"facts\":{\"" + "k".repeat(60_000) + "\":1}}",
        "{\"text\":\"kahvila\",\"facts\":{\"alkoholi\":{\"a\":[1,2,{}]}}}", "{\"text\":\"kahvila\",\"facts\":[]}",
        "{\"text\":\"kahvila\",\"facts\":\"alkoholi\"}", "{\"text\":[\"kahvila\"]}", "{\"text\":{\"a\":1}}", "{\"text\":true}",
        "{\"text\":null}", "{\"text\":1e5}", "{\"text\":\"a\",\"text\":\"b\"}", "{\"text\":\"\\u0000\"}", "{\"text\":\"\\ud800\"}",
        "{\"text\":\"\\udc00\\ud800\"}", "{\"text\":\"kahvila\"} trailing", "{\"text\":\"kahvila\"", "{\"text\":'kahvila'}",
        "{text:\"kahvila\"}", "{\"text\":\"kahvila\",}", "/* c */{\"text\":\"kahvila\"}", "\uFEFF{\"text\":\"kahvila\"}",
        "\uFEFF\uFEFF{\"text\":\"kahvila\"}", "NaN", "-", "\"", "{\"text\":\"" + "\\\\".repeat(5_000) + "\"}",
        "{\"text\":\"" + "\\u00e4".repeat(5_000) + "\"}", "{\"type\":\"message\",\"text\":\"kahvila\"}");
    List<byte[]> out = new ArrayList<>();
    json.forEach(j -> out.add(j.getBytes(StandardCharsets.UTF_8)));
    out.add(new byte[0]);
    out.add(new byte[] {(byte) 0xC3, 0x28});
    out.add(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
    out.add(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
    out.add(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"', '}'});
    out.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'});
    out.add(("{\"text\":\"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8));
    return out;
  }

  String randomText(int length) {
    StringBuilder s = new StringBuilder();
    while (s.length() < length) {
      int pick = random.nextInt(10);
      int c = switch (pick) {
        case 0 -> random.nextInt(0x20);
        case 1 -> 0xD800 + random.nextInt(0x800);
        case 2 -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
        case 3 -> SEPARATORS.charAt(random.nextInt(SEPARATORS.length()));
        case 4 -> 0x300 + random.nextInt(0x70);
        case 5 -> 0xFEFF;
        default -> 'a' + random.nextInt(26);
      };
      s.appendCodePoint(c);
    }
    return s.toString();
  }

  String randomJson(int depth) {
    int pick = random.nextInt(depth > 4 ? 5 : 8);
    return switch (pick) {
      case 0 -> Json.write(randomText(random.nextInt(40)));
      case 1 -> random.nextBoolean() ? "1e" + random.nextInt(400) : Long.toString(random.nextLong());
      case 2 -> random.nextBoolean() ? "true" : "null";
      case 3 -> "{\"text\":" + Json.write(randomText(random.nextInt(200))) + "}";
      case 4 -> randomText(random.nextInt(20));
      case 5 -> "[" + randomJson(depth + 1) + "," + randomJson(depth + 1) + "]";
      case 6 -> "{\"text\":" + randomJson(depth + 1) + ",\"facts\":{" + Json.write(randomText(8)) + ":" + randomJson(depth + 1) + "}}";
      default -> {
        String whole = "{\"text\":" + Json.write(randomText(50)) + "}";
        yield whole.substring(0, random.nextInt(whole.length()));
      }
    };
  }

  byte[] randomBytes() {
    byte[] b = new byte[random.nextInt(600)];
    random.nextBytes(b);
    return b;
  }

  static byte[] jsonBody(String text) {
    return Json.write(Map.of("text", text)).getBytes(StandardCharsets.UTF_8);
  }

  // ---- HTTP

  static URI uri(Route r, String pathValue) {
    String path = r.path().replaceAll("\\{[^}]+}", URLEncoder.encode(pathValue.isEmpty() ? "x" : pathValue, StandardCharsets.UTF_8));
    return server.uri(path);
  }

  void send(Route r, byte[] body, String what) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(r, "kahvila")).header("Content-Type", "application/json");
    b = r.method() == Route.Method.GET ? b.GET() : b.method(r.method().http(), HttpRequest.BodyPublishers.ofByteArray(body));
    record(what + " → " + r.signature(), exchange(b));
  }

  void sendQuery(Route r, String value, String what) {
    String v = URLEncoder.encode(value, StandardCharsets.UTF_8);
    String query = "?q=" + v + "&prefix=" + v + "&limit=" + v + "&audience=" + v + "&actor=" + v + "&event=" + v + "&municipality=" + v;
    URI u = URI.create(uri(r, value) + query);
    HttpRequest.Builder b = HttpRequest.newBuilder(u);
    b = r.method() == Route.Method.GET ? b.GET() : b.method(r.method().http(), HttpRequest.BodyPublishers.ofString("{}"));
    record(what + " → " + r.signature(), exchange(b));
  }

  record Outcome(int status, String code, boolean jsonShape) {}

  Outcome exchange(HttpRequest.Builder b) {
    try {
      lastStarted = System.nanoTime();
      HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return outcome(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Outcome(0, "connection closed: " + e.getClass().getSimpleName(), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (IllegalArgumentException e) {
      return new Outcome(-1, "client refused to send", true);
    }
  }

  static Outcome outcome(int status, String body) {
    if (status < 400) {
      return new Outcome(status, "", true);
    }
    try {
      JsonNode error = Json.MAPPER.readTree(body).get("error");
      boolean shape = error != null && error.get("status").asInt() == status && !error.get("code").asText().isEmpty()
          && !error.get("message").asText().isEmpty() && error.get("message").asText().length() < 600;
      return new Outcome(status, error == null ? "?" : error.path("code").asText("?"), shape);
    } catch (IOException | RuntimeException e) {
      return new Outcome(status, "not JSON", false);
    }
  }

  long lastStarted;
  final TreeMap<Long, String> slowest = new TreeMap<>();

  void record(String what, Outcome o) {
    cases++;
    slowest.put(System.nanoTime() - lastStarted, what);
    if (slowest.size() > 5) {
      slowest.pollFirstEntry();
    }
    byOutcome.merge("HTTP " + (o.status() <= 0 ? "none" : o.status()) + (o.code().isEmpty() ? "" : " " + o.code()), 1, Integer::sum);
    // 505 is Jetty's answer to an HTTP version that does not exist ("HTTP/7.3"): the client's error, named as HTTP names it.
    if ((o.status() >= 500 && o.status() != 505) || !o.jsonShape()) {
      failures.add(o.status() + " " + o.code() + " for " + what);
    }
  }

  // ---- raw HTTP: what a client library would never send

  void rawHttpCases(List<Route> routes) throws IOException {
    for (Route r : routes) {
      String path = r.path().replaceAll("\\{[^}]+}", "x");
      String m = r.method().http();
      String head = m + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
      List<String> requests = List.of(
          head + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"text\":\"kahvila",
          head + "Content-Length: 5\r\nConnection: close\r\n\r\n",
          head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{\"text\":\"kahvila\"}\r\n0\r\n\r\n",
          head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
          head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{\"tex\r\n",
          head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n3;" + "x".repeat(9_000) + "\r\n{}\n\r\n0\r\n\r\n",
          head + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
          head + "Content-Length: -1\r\nConnection: close\r\n\r\n{}",
          head + "Content-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}",
          head + "Content-Length: 99999999999999999999\r\nConnection: close\r\n\r\n{}",
          head + "Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n{}",
          head + "X-Bad Header: 1\r\nConnection: close\r\n\r\n",
          head + "X-Long: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
          head + "X-Nul: a\u0000b\r\nConnection: close\r\n\r\n",
          m + " " + path + "?q=%ZZ%E4%C3%28 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
          m + " " + path + "/%ED%A0%80 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
          m + " " + path + " HTTP/7.3\r\nHost: localhost\r\nConnection: close\r\n\r\n",
          m + " " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n",
          "GARBAGE\r\n\r\n",
          m + " " + path + "?" + "a=1&".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      for (String request : requests) {
        lastStarted = System.nanoTime();
        ServerFixture.Exchange e = server.raw(request.getBytes(StandardCharsets.ISO_8859_1), true);
        record("raw " + label(request.substring(head.length() > request.length() ? 0 : Math.min(head.length(), request.length() - 1))) + " → " + r.signature(),
            outcome(e.status(), e.body()));
      }
    }
  }

  // ---- WebSocket

  void socketCases(Route route, long deadline) throws Exception {
    List<String> messages = new ArrayList<>();
    for (byte[] body : structuredBodies()) {
      if (body.length < 200_000) {
        messages.add(new String(body, StandardCharsets.UTF_8));
      }
    }
    for (String v : structuredStrings()) {
      messages.add(Json.write(Map.of("type", "message", "text", v)));
      messages.add(Json.write(Map.of("type", "answer", "concept", v, "value", v)));
      messages.add(Json.write(Map.of("type", "resume", "conversationId", v)));
      messages.add(Json.write(Map.of("type", v)));
    }
    for (String v : repetitions()) {
      if (v.length() == TEXT_LIMIT && (v.startsWith("a-") || v.startsWith("a.") || v.startsWith("a@") || v.startsWith("1."))) {
        messages.add(Json.write(Map.of("type", "message", "text", v)));
      }
    }
    messages.add("{\"type\":\"answer\",\"concept\":\"alkoholi\",\"value\":1e999999}");
    messages.add("{\"type\":\"answer\",\"concept\":\"yleisomaara\",\"value\":" + "9".repeat(900) + "}");
    messages.add("{\"type\":\"answer\",\"concept\":\"alkoholi\",\"value\":[true]}");
    messages.add("x".repeat(50_000));
    for (int i = 0; i < 400; i++) {
      messages.add(random.nextBoolean() ? randomJson(0) : Json.write(Map.of("type", "message", "text", randomText(random.nextInt(200)))));
    }
    SocketClient c = new SocketClient(http, server.app.port(), null);
    c.next();
    for (String m : messages) {
      if (System.nanoTime() > deadline) {
        break;
      }
      if (c.closedWith.isDone()) {
        socketClosed(c, m);
        c = new SocketClient(http, server.app.port(), null);
        c.next();
      }
      try {
        c.socket.sendText(withEscapedLoneSurrogates(m), true).get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        byOutcome.merge("WS client could not send", 1, Integer::sum);
        c = new SocketClient(http, server.app.port(), null);
        c.next();
        continue;
      }
      JsonNode answer = nextOrClosed(c);
      if (answer != null && "history".equals(answer.path("type").asText())) {
        answer = nextOrClosed(c);
      }
      cases++;
      lastStarted = System.nanoTime();
      String outcome = answer == null ? (c.closedWith.isDone() ? "closed " + c.closedWith.getNow(0) : "no answer")
          : answer.path("type").asText() + (answer.has("error") ? " " + answer.at("/error/code").asText() : "");
      byOutcome.merge("WS " + outcome, 1, Integer::sum);
      if (answer == null || "internal_error".equals(answer.at("/error/code").asText())) {
        failures.add("WS " + outcome + " for " + label(m) + " on " + route.signature());
      }
    }
    c.close();
    rawSocketCases(route);
  }

  /**
   * A text frame cannot carry a lone surrogate (it is not UTF-8; the raw frames test that), so
   * each is sent as a JSON escape, which the server must read as the lone surrogate itself.
   */
  static String withEscapedLoneSurrogates(String m) {
    StringBuilder out = new StringBuilder(m.length());
    for (int i = 0; i < m.length(); i++) {
      char ch = m.charAt(i);
      boolean pairedHigh = Character.isHighSurrogate(ch) && i + 1 < m.length() && Character.isLowSurrogate(m.charAt(i + 1));
      if (pairedHigh) {
        out.append(ch).append(m.charAt(++i));
      } else if (Character.isSurrogate(ch)) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /** The next frame, or null as soon as the connection is closed (or after a minute). */
  static JsonNode nextOrClosed(SocketClient c) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonNode n = c.received.poll(100, TimeUnit.MILLISECONDS);
      if (n != null || c.closedWith.isDone()) {
        return n != null ? n : c.received.poll();
      }
    }
    return null;
  }

  void socketClosed(SocketClient c, String after) {
    int code = c.closedWith.getNow(0);
    if (code == 1011) {
      failures.add("WS closed with 1011 after " + label(after));
    }
  }

  /** Frames the Java client would never send: bad UTF-8, a frame over the limit, binary, a bad opcode. */
  void rawSocketCases(Route route) throws IOException {
    List<byte[]> frames = List.of(
        frame(0x1, new byte[] {(byte) 0xC3, 0x28}),
        frame(0x1, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        frame(0x2, "{\"type\":\"message\",\"text\":\"kahvila\"}".getBytes(StandardCharsets.UTF_8)),
        frame(0x3, new byte[] {1}),
        frame(0x9, new byte[200]),
        frame(0x1, ("{\"type\":\"message\",\"text\":\"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8)),
        frame(0x0, "{}".getBytes(StandardCharsets.UTF_8)));
    for (byte[] f : frames) {
      try (Socket s = new Socket("localhost", server.app.port())) {
        s.setSoTimeout(15_000);
        s.getOutputStream().write(("GET " + route.path() + " HTTP/1.1\r\nHost: localhost:" + server.app.port()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = s.getInputStream();
        String status = readLine(in);
        while (!readLine(in).isEmpty()) {
          // response headers
        }
        cases++;
        if (!status.contains(" 101 ")) {
          failures.add("raw WebSocket upgrade answered " + status);
          continue;
        }
        s.getOutputStream().write(f);
        s.setSoTimeout(3_000);
        int close;
        try {
          close = closeCode(in);
        } catch (java.net.SocketTimeoutException e) {
          close = -1; // still open: a ping is answered with a pong and the connection kept
        }
        byOutcome.merge("WS raw frame opcode " + (f[0] & 0x0F) + " → " + (close < 0 ? "kept open" : "close " + close), 1, Integer::sum);
        if (close == 1011) {
          failures.add("WS closed with 1011 for raw frame opcode " + (f[0] & 0x0F));
        }
      }
    }
  }

  static byte[] frame(int opcode, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x80 | opcode);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      out.write(0x80 | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xFF);
    } else {
      out.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >> (8 * i)) & 0xFF);
      }
    }
    byte[] mask = {1, 2, 3, 4};
    out.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ mask[i % 4]);
    }
    return out.toByteArray();
  }

  static String readLine(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        s.append((char) c);
      }
    }
    return s.toString();
  }

  /** Reads frames until a close frame (its code) or the end of the stream (0); text frames are skipped. */
  static int closeCode(InputStream in) throws IOException {
    while (true) {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0) {
        return 0;
      }
      long length = b1 & 0x7F;
      if (length == 126) {
        length = (in.read() << 8) | in.read();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | in.read();
        }
      }
      byte[] payload = in.readNBytes((int) length);
      if ((b0 & 0x0F) == 0x8) {
        return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
      }
    }
  }

  String report(long seconds) {
    StringBuilder r = new StringBuilder("Fuzz report: seed " + SEED + ", " + cases + " cases in " + seconds + " s, "
        + failures.size() + " failures\n");
    byOutcome.forEach((k, v) -> r.append(String.format(java.util.Locale.ROOT, "%7d  %s%n", v, k)));
    slowest.descendingMap().forEach((nanos, what) -> r.append(String.format(java.util.Locale.ROOT, "slow: %d ms  %s%n",
        TimeUnit.NANOSECONDS.toMillis(nanos), what)));
    failures.stream().limit(100).forEach(f -> r.append("FAILED: ").append(f).append('\n'));
    return r.toString();
  }
}
