package fi.viranomaisbotti.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The state of a load run shared by its conversations: where to connect, the limits, and what was
 * counted (turn latencies at the client, errors by code, messages by kind). A conversation that
 * ends is replaced by a new one with another story until the run stops, so the number of
 * conversations in progress stays at the target. Thread-safe.
 */
final class LoadRun {
  private final HttpClient http;
  private final URI chat;
  private final List<Story> stories;
  private final int maxTurns;
  private final double resumeShare;
  private final Duration turnTimeout;
  private final ScheduledExecutorService scheduler;
  private final SplittableRandom random;

  private volatile boolean stopping;
  private volatile boolean measuring;
  final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(3_600_000_000L, 3);
  final LongAdder turns = new LongAdder();
  final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  final Map<String, LongAdder> sentByKind = new ConcurrentHashMap<>();
  final LongAdder resumes = new LongAdder();
  final LongAdder started = new LongAdder();
  final LongAdder completed = new LongAdder();
  final AtomicInteger active = new AtomicInteger();
  /** Connections of conversations that ended when the run stopped, left open for the heap figure. */
  final ConcurrentLinkedQueue<WebSocket> leftOpen = new ConcurrentLinkedQueue<>();

  /** The reply shape asked for in every message ("compact", "summary"), or null for the full shape. */
  private final String view;

  LoadRun(HttpClient http, URI chat, List<Story> stories, int maxTurns, double resumeShare, Duration turnTimeout,
      ScheduledExecutorService scheduler, long seed, String view) {
    this.view = view;
    this.http = http;
    this.chat = chat;
    this.stories = List.copyOf(stories);
    this.maxTurns = maxTurns;
    this.resumeShare = resumeShare;
    this.turnTimeout = turnTimeout;
    this.scheduler = scheduler;
    this.random = new SplittableRandom(seed);
  }

  String view() {
    return view;
  }

  HttpClient http() {
    return http;
  }

  URI chat() {
    return chat;
  }

  int maxTurns() {
    return maxTurns;
  }

  Duration turnTimeout() {
    return turnTimeout;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  boolean stopping() {
    return stopping;
  }

  /** Starts a conversation with the next story. */
  void startConversation() {
    Story story;
    boolean resumes;
    long seed;
    synchronized (random) {
      story = stories.get(random.nextInt(stories.size()));
      resumes = random.nextDouble() < resumeShare;
      seed = random.nextLong();
    }
    active.incrementAndGet();
    started.increment();
    new Conversation(this, story, resumes, seed).start();
  }

  /** From now on turns count towards the report (the warm-up's are dropped). */
  void startMeasuring() {
    latencyMicros.reset();
    turns.reset();
    errors.clear();
    sentByKind.clear();
    resumes.reset();
    started.reset();
    completed.reset();
    measuring = true;
  }

  void stop() {
    stopping = true;
  }

  void sent(String kind) {
    if (measuring) {
      sentByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }
  }

  void turn(long nanos, String errorCode) {
    if (!measuring) {
      return;
    }
    latencyMicros.recordValue(Math.max(1, nanos / 1_000));
    turns.increment();
    if (errorCode != null) {
      errors.computeIfAbsent(errorCode, k -> new LongAdder()).increment();
    }
  }

  void transportError(String what) {
    errors.computeIfAbsent(what, k -> new LongAdder()).increment();
  }

  void resumed() {
    resumes.increment();
  }

  void ended(Conversation conversation, WebSocket socket, boolean closed) {
    completed.increment();
    active.decrementAndGet();
    if (!closed && socket != null) {
      leftOpen.add(socket);
    }
    if (!stopping) {
      startConversation();
    }
  }
}
