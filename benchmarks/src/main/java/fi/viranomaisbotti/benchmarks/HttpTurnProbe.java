package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.server.App;
import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.DatabaseSettings;
import fi.viranomaisbotti.server.storage.JdbcConversationRepository;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Limits;
import fi.viranomaisbotti.server.web.RateLimiter.Rate;
import fi.viranomaisbotti.server.web.WebSettings;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of the REST turn against the analysis of the same text, side by side in one run:
 * starts the real server in-process on loopback (rate limits out of reach), then for each text
 * runs {@code POST /api/v1/analyze}, {@code POST /api/v1/recommendations} and {@code POST
 * /api/v2/recommendations} in turn, each from {@code connections} client threads over keep-alive
 * connections for {@code seconds}, and repeats the round {@code rounds} times so that drift on a
 * shared machine hits every route alike. Prints requests per second, p50 and p99 at the client,
 * and the reply's bytes, per route and round, and the turn-to-analysis ratios.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar fi.viranomaisbotti.benchmarks.HttpTurnProbe [seconds] [rounds] [connections]}
 */
public final class HttpTurnProbe {
  private static final String SHORT = "Perustan kahvilan Tampereelle.";

  private record Route(String name, String path, String text) {}

  private record Result(double perSecond, double p50Ms, double p99Ms, int bytes, long errors) {}

  private HttpTurnProbe() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path dataDir = Files.createTempDirectory("viranomaisbotti-probe");
    Rate unreached = new Rate(100_000_000, 10_000_000);
    Limits limits = new Limits(unreached, unreached, unreached, 10_000, 100_000_000, Duration.ofMinutes(5), Duration.ofSeconds(30));
    try (Morphology morphology = Morphology.voikko(2);
        Navigator navigator = Navigator.start(Fixtures.corpus(), morphology);
        Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      Javalin app = App.create(navigator, new JdbcConversationRepository(database.dataSource()), Clock.systemUTC(),
          WebSettings.DEFAULTS.withLimits(limits)).start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + app.port();
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, String> text : List.of(Map.entry("reference", Fixtures.LIISA), Map.entry("short", SHORT))) {
          routes.add(new Route(text.getKey() + " analyze", "/api/v1/analyze", text.getValue()));
          routes.add(new Route(text.getKey() + " v1 turn", "/api/v1/recommendations", text.getValue()));
          routes.add(new Route(text.getKey() + " v2 turn", "/api/v2/recommendations", text.getValue()));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        System.out.printf(Locale.ROOT, "warm-up: every route for %d s%n", seconds);
        for (Route r : routes) {
          run(http, clients, base, r, connections, seconds);
        }
        double[][] perSecond = new double[routes.size()][rounds];
        for (int round = 0; round < rounds; round++) {
          for (int i = 0; i < routes.size(); i++) {
            Result res = run(http, clients, base, routes.get(i), connections, seconds);
            perSecond[i][round] = res.perSecond();
            System.out.printf(Locale.ROOT, "round %d  %-18s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  %7d bytes  %d errors%n",
                round + 1, routes.get(i).name(), res.perSecond(), res.p50Ms(), res.p99Ms(), res.bytes(), res.errors());
          }
        }
        for (int i = 0; i < routes.size(); i += 3) {
          for (int turn = 1; turn <= 2; turn++) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
              ratios[round] = perSecond[i + turn][round] / perSecond[i][round];
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%-18s / analyze: %.2f (median of %d rounds; %.2f–%.2f)%n", routes.get(i + turn).name(),
                ratios[rounds / 2], rounds, ratios[0], ratios[rounds - 1]);
          }
        }
        clients.shutdownNow();
      } finally {
        app.stop();
      }
    }
  }

  private static Result run(HttpClient http, ExecutorService clients, String base, Route route, int connections, int seconds)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + route.path()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("text", route.text()))))
        .build();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Future<long[]>> futures = new ArrayList<>();
    int[] bytes = new int[1];
    for (int c = 0; c < connections; c++) {
      futures.add(clients.submit(() -> {
        long[] latencies = new long[1 << 20];
        int n = 0;
        long errors = 0;
        while (System.nanoTime() < end && n < latencies.length) {
          long start = System.nanoTime();
          HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
          latencies[n++] = System.nanoTime() - start;
          if (r.statusCode() != 200) {
            errors++;
          }
          bytes[0] = r.body().length;
        }
        long[] out = Arrays.copyOf(latencies, n + 1);
        out[n] = errors;
        return out;
      }));
    }
    List<Long> all = new ArrayList<>();
    long errors = 0;
    for (Future<long[]> f : futures) {
      long[] l = f.get();
      for (int i = 0; i < l.length - 1; i++) {
        all.add(l[i]);
      }
      errors += l[l.length - 1];
    }
    all.sort(null);
    double p50 = all.get(all.size() / 2) / 1e6;
    double p99 = all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6;
    return new Result(all.size() / (double) seconds, p50, p99, bytes[0], errors);
  }
}
