package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.server.App;
import fi.viranomaisbotti.server.Backend;
import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.DatabaseSettings;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Limits;
import fi.viranomaisbotti.server.web.RateLimiter.Rate;
import fi.viranomaisbotti.server.web.WebSettings;
import io.javalin.Javalin;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
 * and the reply's bytes, per route and round, and the turn-to-analysis ratios. The client is a
 * blocking HTTP/1.1 loop over a plain socket, like wrk's: the JDK's HttpClient, whose one
 * selector thread reads every body, took up to 600 ms for a 100 KB reply on a loaded machine.
 *
 * <p>With {@code fresh} as the fourth argument every request's text ends with a sentence of its
 * own ("Peltoa on 1234 hehtaaria."), so that the related answers remembered for an earlier
 * request of the same text do not serve it. The sentence states no fact the corpus knows, so the
 * counterfactuals still come from their cache, and the facts, the same as before, are served what
 * follows from them from the turn memo. With {@code newfacts} the turns' requests also carry an
 * amount that changes with every request ({@code "facts": {"yleisomaara": N}}), so that nothing
 * remembered serves them: the rule run, the counterfactuals, the recommendation and the related
 * answers are all computed afresh.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar fi.viranomaisbotti.benchmarks.HttpTurnProbe [seconds] [rounds] [connections] [fresh|newfacts]}
 */
public final class HttpTurnProbe {
  private static final String SHORT = "Perustan kahvilan Tampereelle.";

  private record Route(String name, String path, String text) {}

  private record Result(double perSecond, double p50Ms, double p99Ms, int bytes, long errors) {}

  private HttpTurnProbe() {}

  /** Whether each request gets a text of its own (see the class comment). */
  private static boolean fresh;

  /** Whether each turn also gets facts of its own (see the class comment). */
  private static boolean newFacts;

  private static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    newFacts = args.length > 3 && "newfacts".equals(args[3]);
    fresh = newFacts || args.length > 3 && "fresh".equals(args[3]);
    Path dataDir = Files.createTempDirectory("viranomaisbotti-probe");
    Rate unreached = new Rate(100_000_000, 10_000_000);
    Limits limits = new Limits(unreached, unreached, unreached, 10_000, 100_000_000, Duration.ofMinutes(5), Duration.ofSeconds(30));
    try (Morphology morphology = Morphology.voikko(2);
        Navigator navigator = Navigator.start(Fixtures.corpus(), morphology);
        Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      Javalin app = App.create(navigator, Backend.over(database, Clock.systemUTC()), WebSettings.DEFAULTS.withLimits(limits))
          .start("127.0.0.1", 0);
      try {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, String> text : List.of(Map.entry("reference", Fixtures.LIISA), Map.entry("short", SHORT))) {
          routes.add(new Route(text.getKey() + " analyze", "/api/v1/analyze", text.getValue()));
          routes.add(new Route(text.getKey() + " v1 turn", "/api/v1/recommendations", text.getValue()));
          routes.add(new Route(text.getKey() + " v2 turn", "/api/v2/recommendations", text.getValue()));
        }
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        System.out.printf(Locale.ROOT, "warm-up: every route for %d s%n", seconds);
        for (Route r : routes) {
          run(clients, app.port(), r, connections, seconds);
        }
        double[][] perSecond = new double[routes.size()][rounds];
        for (int round = 0; round < rounds; round++) {
          for (int i = 0; i < routes.size(); i++) {
            Result res = run(clients, app.port(), routes.get(i), connections, seconds);
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

  private static byte[] request(Route route) {
    long n = REQUESTS.incrementAndGet();
    String text = fresh ? route.text() + " Peltoa on " + (1000 + n) + " hehtaaria." : route.text();
    Map<String, Object> content = newFacts && !route.path().endsWith("/analyze")
        ? Map.of("text", text, "facts", Map.of("yleisomaara", 1000 + n))
        : Map.of("text", text);
    byte[] body = Json.write(content).getBytes(StandardCharsets.UTF_8);
    byte[] head = ("POST " + route.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  private static Result run(ExecutorService clients, int port, Route route, int connections, int seconds) throws Exception {
    byte[] fixed = request(route);
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Future<long[]>> futures = new ArrayList<>();
    int[] bytes = new int[1];
    for (int c = 0; c < connections; c++) {
      futures.add(clients.submit(() -> {
        long[] latencies = new long[1 << 20];
        int n = 0;
        long errors = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
          socket.setTcpNoDelay(true);
          OutputStream out = socket.getOutputStream();
          InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
          while (System.nanoTime() < end && n < latencies.length) {
            byte[] request = fresh ? request(route) : fixed;
            long start = System.nanoTime();
            out.write(request);
            out.flush();
            int[] status = new int[1];
            bytes[0] = readResponse(in, status);
            latencies[n++] = System.nanoTime() - start;
            if (status[0] != 200) {
              errors++;
            }
          }
        }
        long[] result = Arrays.copyOf(latencies, n + 1);
        result[n] = errors;
        return result;
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

  /** Reads one HTTP/1.1 response (a Content-Length or a chunked body); returns the body's length. */
  private static int readResponse(InputStream in, int[] status) throws IOException {
    String statusLine = line(in);
    status[0] = Integer.parseInt(statusLine.split(" ")[1]);
    int length = -1;
    boolean chunked = false;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (!chunked) {
      in.readNBytes(length);
      return length;
    }
    int total = 0;
    for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
      in.readNBytes(size);
      line(in);
      total += size;
    }
    line(in);
    return total;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("The server closed the connection");
      }
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }
}
