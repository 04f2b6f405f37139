package fi.viranomaisbotti.benchmarks.load;

import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Drives N concurrent chat conversations over the WebSocket against the real server, in this
 * process (the default) or running elsewhere on this machine ({@code --url ws://127.0.0.1:7070};
 * loopback only), and reports throughput, turn latency at the client and at the server, errors
 * by code, heap and CPU. The stories are the corpus's regression situations (see {@link Story}).
 * Bounded by time: a warm-up whose turns are not counted, then the measurement. Figures and the
 * command go to docs/benchmarks.md.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar fi.viranomaisbotti.benchmarks.load.LoadHarness \
 *     --conversations 1000 --warmup 20s --duration 60s --max-turns 8
 * </pre>
 */
public final class LoadHarness {
  private LoadHarness() {}

  /** What a run is told; see {@link #usage()}. */
  public record Options(
      URI url, int conversations, Duration warmup, Duration duration, Duration ramp, int maxTurns, double resumeShare,
      Duration turnTimeout, int clientThreads, long seed, String view) {

    public static Options parse(String... args) {
      Map<String, String> given = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("Expected --name value pairs, got '" + args[i] + "'.\n" + usage());
        }
        given.put(args[i].substring(2), args[++i]);
      }
      Options o = new Options(
          given.containsKey("url") ? URI.create(given.remove("url")) : null,
          Integer.parseInt(given.getOrDefault("conversations", "100")),
          duration(given.getOrDefault("warmup", "15s")),
          duration(given.getOrDefault("duration", "60s")),
          duration(given.getOrDefault("ramp", "5s")),
          Integer.parseInt(given.getOrDefault("max-turns", "8")),
          Double.parseDouble(given.getOrDefault("resume-share", "0.2")),
          duration(given.getOrDefault("turn-timeout", "30s")),
          Integer.parseInt(given.getOrDefault("client-threads", "2")),
          Long.parseLong(given.getOrDefault("seed", "1")),
          given.getOrDefault("view", "page"));
      for (String k : List.of("conversations", "warmup", "duration", "ramp", "max-turns", "resume-share", "turn-timeout",
          "client-threads", "seed", "view")) {
        given.remove(k);
      }
      if (!given.isEmpty()) {
        throw new IllegalArgumentException("Unknown options " + given.keySet() + ".\n" + usage());
      }
      if (!List.of("full", "compact", "summary", "page").contains(o.view)) {
        throw new IllegalArgumentException("--view is full, compact, summary or page, not '" + o.view + "'.");
      }
      if (o.conversations < 1 || o.maxTurns < 1 || o.clientThreads < 1) {
        throw new IllegalArgumentException("--conversations, --max-turns and --client-threads must be at least 1.");
      }
      return o;
    }

    static Duration duration(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }
  }

  static String usage() {
    return """
        Usage: LoadHarness [--url ws://127.0.0.1:PORT] [--conversations 100] [--warmup 15s] [--duration 60s]
                           [--ramp 5s] [--max-turns 8] [--resume-share 0.2] [--turn-timeout 30s]
                           [--client-threads 2] [--seed 1] [--view page]
          --view is the reply shape every message asks for: page (as the chat page asks), compact, summary or full (v1).
          Without --url the server is started in this process on 127.0.0.1. A --url must be a loopback
          address; the server there must allow the load (CONNECTIONS_PER_ADDRESS, CHAT_MESSAGES_PER_MINUTE,
          CHAT_BURST, CHAT_MESSAGES_PER_MINUTE_PER_ADDRESS, CHAT_BURST_PER_ADDRESS well above the load).""";
  }

  /** What a run measured. Latencies in milliseconds; heap in bytes (-1 when not measurable). */
  public record Result(
      String where, int conversations, Duration measured, long turns, double turnsPerSecond, Map<String, Long> sent,
      long resumes, long conversationsStarted, double clientP50, double clientP90, double clientP99, double clientP999,
      double clientMax, double serverTurns, double serverP50, double serverP99, double serverP999, double serverMean,
      Map<String, Long> clientErrors, Map<String, Double> serverErrors, double memoHitShare, double cpuSecondsPerTurn,
      double cpuShare,
      long heapIdle, long heapAtStart, long heapWithConversations, long heapAfterClose, String loadBefore,
      String loadAfter) {

    public long errorCount() {
      return clientErrors.values().stream().mapToLong(Long::longValue).sum();
    }

    String report() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "Load run %s, server %s, %d concurrent conversations, %s measured%n",
          Instant.now().truncatedTo(ChronoUnit.SECONDS), where, conversations, measured));
      out.append(String.format(Locale.ROOT, "  machine: %d cores, load average before %s, after %s%n",
          Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
      out.append(String.format(Locale.ROOT, "  turns: %d (%.1f/s); sent %s; resumes %d; conversations started %d%n",
          turns, turnsPerSecond, sent, resumes, conversationsStarted));
      out.append(String.format(Locale.ROOT,
          "  client latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
          clientP50, clientP90, clientP99, clientP999, clientMax));
      out.append(String.format(Locale.ROOT,
          "  server latency ms (viranomaisbotti_turns_seconds, %.0f turns): p50 %.2f  p99 %.2f  p99.9 %.2f  mean %.2f%n",
          serverTurns, serverP50, serverP99, serverP999, serverMean));
      out.append("  errors at the client: ").append(clientErrors.isEmpty() ? "none" : clientErrors).append('\n');
      out.append("  errors counted by the server: ").append(serverErrors.isEmpty() ? "none" : serverErrors).append('\n');
      out.append(String.format(Locale.ROOT, "  turn memo: %.1f %% of the turns served what follows from their facts%n",
          memoHitShare * 100));
      out.append(String.format(Locale.ROOT, "  CPU: %.2f ms of process CPU per turn (%.0f turns/s per core), %.0f %% of all cores%n",
          cpuSecondsPerTurn * 1000, cpuSecondsPerTurn > 0 ? 1 / cpuSecondsPerTurn : Double.NaN, cpuShare * 100));
      out.append(String.format(Locale.ROOT,
          "  heap after GC: idle %s, after the warm-up %s, at the end with the %d conversations connected %s, after they closed %s%n",
          mib(heapIdle), mib(heapAtStart), conversations, mib(heapWithConversations), mib(heapAfterClose)));
      return out.toString();
    }

    private static String mib(long bytes) {
      return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
  }

  public static void main(String[] args) throws Exception {
    // The shaded chat-server jar inside this one brings its JSON logging; the harness keeps the benchmarks'
    // quiet slf4j-simple (simplelogger.properties), so the server's access log costs the run nothing.
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Result result = run(options, System.out);
    System.out.print(result.report());
    // Threads of the stopped server's libraries (not ours to stop) would keep the JVM alive.
    System.exit(0);
  }

  /** Runs the load and returns what it measured; progress goes to {@code progress}. */
  public static Result run(Options options, java.io.PrintStream progress) throws Exception {
    if (options.url() != null) {
      InetAddress address = InetAddress.getByName(options.url().getHost());
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException("The load harness drives loopback servers only; " + options.url().getHost()
            + " is " + address.getHostAddress() + ". Run it on the server's machine against 127.0.0.1.");
      }
    }
    KnowledgeSnapshot corpus = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", LoadHarness.class.getClassLoader()));
    List<Story> stories = corpus.situations().stream().map(Story::of).toList();
    InProcessServer inProcess = null;
    URI base;
    if (options.url() == null) {
      progress.println("Starting the server in this process on 127.0.0.1 …");
      inProcess = new InProcessServer(corpus);
      base = URI.create("ws://127.0.0.1:" + inProcess.port());
    } else {
      base = options.url();
    }
    URI chat = base.resolve("/ws/chat");
    URI metrics = URI.create("http://" + base.getHost() + ":" + base.getPort() + "/metrics");
    ExecutorService clientPool = Executors.newFixedThreadPool(options.clientThreads(), daemon("load-client"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("load-timer"));
    // Connections wait for the server's acceptor like turns wait for its workers: a saturated server is slow, not gone.
    HttpClient http = HttpClient.newBuilder().executor(clientPool).connectTimeout(options.turnTimeout()).build();
    try {
      long heapIdle = inProcess == null ? -1 : heapAfterGc();
      String loadBefore = loadAverage();
      LoadRun run = new LoadRun(http, chat, stories, options.maxTurns(), options.resumeShare(), options.turnTimeout(),
          scheduler, options.seed(), options.view().equals("full") ? null : options.view());
      progress.printf(Locale.ROOT, "Opening %d conversations over %s, warm-up %s …%n", options.conversations(),
          options.ramp(), options.warmup());
      long rampNanos = options.ramp().toNanos();
      for (int i = 0; i < options.conversations(); i++) {
        long at = options.conversations() == 1 ? 0 : rampNanos * i / (options.conversations() - 1);
        scheduler.schedule(run::startConversation, at, TimeUnit.NANOSECONDS);
      }
      Thread.sleep(Math.max(options.warmup().toMillis(), options.ramp().toMillis()));

      // A saturated server answers /metrics after the turns queued before it: wait as long as for a turn.
      Duration scrapeTimeout = options.turnTimeout();
      // With the conversations running: the start of a flat (or growing) heap over a long run.
      long heapAtStart = inProcess == null ? -1 : heapAfterGc();
      ServerMetricsScrape before = scrape(http, metrics, scrapeTimeout, progress);
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      run.startMeasuring();
      long start = System.nanoTime();
      progress.printf(Locale.ROOT, "Measuring for %s …%n", options.duration());
      List<Double> remoteCpu = new ArrayList<>();
      long end = start + options.duration().toNanos();
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        if (inProcess == null) {
          Double usage = scrape(http, metrics, scrapeTimeout, progress).gauges().get("process_cpu_usage");
          if (usage != null && !usage.isNaN()) {
            remoteCpu.add(usage);
          }
        }
      }
      run.stop();
      long stoppedAt = System.nanoTime();
      long turnsAtStop = run.turns.sum();
      long cpuAtStop = os.getProcessCpuTime();
      ServerMetricsScrape after = scrape(http, metrics, scrapeTimeout, progress);
      long waitUntil = System.nanoTime() + options.turnTimeout().toNanos();
      while (run.active.get() > 0 && System.nanoTime() < waitUntil) {
        Thread.sleep(20);
      }
      String loadAfter = loadAverage();
      long heapWith = inProcess == null ? -1 : heapAfterGc();
      int open = run.leftOpen.size();
      for (WebSocket ws : run.leftOpen) {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "run over");
      }
      Thread.sleep(500);
      long heapAfterClose = inProcess == null ? -1 : heapAfterGc();

      double seconds = (stoppedAt - start) / 1e9;
      Histogram h = run.latencyMicros.copy();
      double cpuPerTurn;
      double cpuShare;
      int cores = Runtime.getRuntime().availableProcessors();
      if (inProcess != null) {
        cpuPerTurn = turnsAtStop == 0 ? Double.NaN : (cpuAtStop - cpuBefore) / 1e9 / turnsAtStop;
        cpuShare = (cpuAtStop - cpuBefore) / 1e9 / seconds / cores;
      } else {
        cpuShare = remoteCpu.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        cpuPerTurn = turnsAtStop == 0 ? Double.NaN : cpuShare * cores * seconds / turnsAtStop;
      }
      Map<String, Long> sent = new TreeMap<>();
      run.sentByKind.forEach((k, v) -> sent.put(k, v.sum()));
      Map<String, Long> clientErrors = new TreeMap<>();
      run.errors.forEach((k, v) -> clientErrors.put(k, v.sum()));
      double serverTurns = after.turnsSince(before);
      progress.printf(Locale.ROOT, "%d conversations were connected at the end.%n", open);
      return new Result(
          inProcess == null ? base.toString() : "in-process", options.conversations(), options.duration(), turnsAtStop,
          turnsAtStop / seconds, sent, run.resumes.sum(), run.started.sum(),
          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
          h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
          serverTurns, after.quantileMillisSince(before, 0.5), after.quantileMillisSince(before, 0.99),
          after.quantileMillisSince(before, 0.999),
          serverTurns > 0 ? (after.turnSum() - before.turnSum()) / serverTurns * 1000 : Double.NaN,
          clientErrors, after.errorsSince(before), after.memoHitsSince(before), cpuPerTurn, cpuShare, heapIdle, heapAtStart,
          heapWith, heapAfterClose,
          loadBefore, loadAfter);
    } finally {
      clientPool.shutdownNow();
      scheduler.shutdownNow();
      if (inProcess != null) {
        inProcess.close();
      }
    }
  }

  /** The server's metrics; empty (the server's figures then NaN) when it does not answer in time. */
  private static ServerMetricsScrape scrape(HttpClient http, URI uri, Duration timeout, java.io.PrintStream progress)
      throws InterruptedException {
    try {
      return ServerMetricsScrape.parse(get(http, uri, timeout));
    } catch (IOException e) {
      progress.println("The server's metrics could not be read (" + e + "); its figures are left out.");
      return ServerMetricsScrape.parse("");
    }
  }

  private static String get(HttpClient http, URI uri, Duration timeout) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered " + r.statusCode());
    }
    return r.body();
  }

  /** Heap in use after a full collection (twice, as one may leave garbage referenced by finalizable objects). */
  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 2; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
