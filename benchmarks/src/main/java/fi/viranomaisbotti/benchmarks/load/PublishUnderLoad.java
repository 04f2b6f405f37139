package fi.viranomaisbotti.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes a knowledge change, and rolls it back, through the editor's REST API while the load
 * harness drives chat conversations against the same in-process server: how long from the publish
 * request to the new version answering (/health/ready), and whether any chat turn failed meanwhile.
 * Takes the load harness's options (without --url). Figures and the command go to docs/benchmarks.md.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar fi.viranomaisbotti.benchmarks.load.PublishUnderLoad \
 *     --conversations 200 --warmup 15s --duration 60s
 * </pre>
 */
public final class PublishUnderLoad {
  private static final String ANSWER = "a-allergeenitiedot-ravintolassa";
  private static final String PASSWORD = "julkaisijan pitkä salasana 42";

  private PublishUnderLoad() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    }
    LoadHarness.Options o = LoadHarness.Options.parse(args);
    try (InProcessServer server = new InProcessServer(
        new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", PublishUnderLoad.class.getClassLoader())))) {
      server.backend.accounts().create("julkaisija", PASSWORD, EnumSet.of(Role.EDITOR));
      URI http = URI.create("http://127.0.0.1:" + server.port());
      LoadHarness.Options load = new LoadHarness.Options(URI.create("ws://127.0.0.1:" + server.port()), o.conversations(),
          o.warmup(), o.duration(), o.ramp(), o.maxTurns(), o.resumeShare(), o.turnTimeout(), o.clientThreads(), o.seed(),
          o.view());
      CompletableFuture<LoadHarness.Result> running = CompletableFuture.supplyAsync(() -> {
        try {
          return LoadHarness.run(load, System.out);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // Publish 5 s into the measurement, roll back 5 s after the new version serves: both inside a long enough one.
      Thread.sleep(o.ramp().plus(o.warmup()).plusSeconds(5).toMillis());
      Editor editor = Editor.signIn(http);
      String publish = editor.publishChange();
      Thread.sleep(5_000);
      String rollback = editor.rollback();
      LoadHarness.Result result = running.join();
      System.out.print(result.report());
      System.out.println(publish);
      System.out.println(rollback);
    }
    System.exit(0);
  }

  /** A signed-in editor's calls. */
  private record Editor(URI base, HttpClient http, String cookie, String csrf) {
    static Editor signIn(URI base) throws Exception {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("username", "julkaisija", "password", PASSWORD)))).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
      return new Editor(base, http, cookie.substring(0, cookie.indexOf(';')), Json.MAPPER.readTree(r.body()).path("csrfToken").asText());
    }

    HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
          .header("Cookie", cookie).header("X-CSRF-Token", csrf)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (ifMatch != null) {
        b.header("If-Match", ifMatch);
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String publishChange() throws Exception {
      HttpResponse<String> item = send("GET", "/api/v1/knowledge/items/answers/" + ANSWER, null, null);
      String text = Json.MAPPER.readTree(item.body()).path("text").asText()
          .replace("keywords: [allergeenit,", "keywords: [allergeenit, allergeenilista,");
      HttpResponse<String> put = send("PUT", "/api/v1/knowledge/items/answers/" + ANSWER, Json.write(Map.of("text", text)),
          item.headers().firstValue("ETag").orElseThrow());
      if (put.statusCode() != 200) {
        throw new IllegalStateException("The change was not stored: " + put.body());
      }
      return timed("publish", () -> send("POST", "/api/v1/knowledge/publish", Json.write(Map.of("message", "Mittaus")), null));
    }

    String rollback() throws Exception {
      return timed("rollback", () -> send("POST", "/api/v1/knowledge/rollback", Json.write(Map.of("version", 1)), null));
    }

    private String timed(String what, Call call) throws Exception {
      long start = System.nanoTime();
      HttpResponse<String> r = call.run();
      double answered = (System.nanoTime() - start) / 1e6;
      if (r.statusCode() != 201) {
        throw new IllegalStateException(what + " failed: " + r.body());
      }
      String version = Json.MAPPER.readTree(r.body()).path("hash").asText().substring(0, 12);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (true) {
        JsonNode ready = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
        if (ready.path("knowledgeVersion").asText().equals(version)) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(what + ": /health/ready still serves " + ready.path("knowledgeVersion").asText()
              + " two minutes after the publish of " + version);
        }
        Thread.sleep(10);
      }
      double live = (System.nanoTime() - start) / 1e6;
      return String.format(Locale.ROOT, "  %s: answered 201 after %.0f ms, /health/ready serves %s after %.0f ms", what, answered,
          version, live);
    }
  }

  @FunctionalInterface
  private interface Call {
    HttpResponse<String> run() throws Exception;
  }
}
