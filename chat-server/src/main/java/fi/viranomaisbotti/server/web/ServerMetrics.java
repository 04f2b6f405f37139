package fi.viranomaisbotti.server.web;

import fi.viranomaisbotti.nlp.CacheStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the server counts for operators: chat turns and how long they take (a histogram, so the
 * percentiles can be computed over any window), open chat connections, and errors answered by
 * code. Names are Micrometer's; the Prometheus endpoint writes them with underscores. Thread-safe.
 */
public final class ServerMetrics {
  private final MeterRegistry registry;
  private final Timer turns;
  private final AtomicInteger connections = new AtomicInteger();
  /**
   * The sources of the cache meters, held here: Micrometer holds a function meter's state weakly,
   * and a method reference passed in has no other holder, so after a collection the meters read
   * 0 and NaN.
   */
  private final java.util.List<Supplier<CacheStats>> watched = new java.util.concurrent.CopyOnWriteArrayList<>();

  public ServerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.turns = Timer.builder("viranomaisbotti.turns")
        .description("Chat turns taken (message or answer), from receipt to the reply being ready")
        .publishPercentileHistogram()
        .register(registry);
    Gauge.builder("viranomaisbotti.chat.connections", connections, AtomicInteger::get)
        .description("Open chat WebSocket connections")
        .register(registry);
  }

  /**
   * Watches the cache of word analyses in front of Voikko: lookups by result (hit or miss), its
   * hit ratio since start, its size and evictions. A falling hit ratio with a full cache means the
   * cache is too small for the words people use.
   */
  public void morphologyCache(Supplier<CacheStats> stats) {
    watched.add(stats);
    FunctionCounter.builder("viranomaisbotti.voikko.cache.requests", stats, s -> s.get().hits())
        .description("Word analyses looked up in the cache in front of Voikko, by result").tag("result", "hit")
        .register(registry);
    FunctionCounter.builder("viranomaisbotti.voikko.cache.requests", stats, s -> s.get().misses())
        .description("Word analyses looked up in the cache in front of Voikko, by result").tag("result", "miss")
        .register(registry);
    FunctionCounter.builder("viranomaisbotti.voikko.cache.evictions", stats, s -> s.get().evictions())
        .description("Word analyses evicted from the cache to keep it within its bound")
        .register(registry);
    Gauge.builder("viranomaisbotti.voikko.cache.size", stats, s -> s.get().size())
        .description("Word analyses held in the cache in front of Voikko")
        .register(registry);
    Gauge.builder("viranomaisbotti.voikko.cache.hit.ratio", stats, s -> s.get().hitRate())
        .description("Share of word lookups answered from the cache since start (NaN before the first)")
        .register(registry);
  }

  /**
   * Watches the memo of what follows from a turn's facts (the rule run, counterfactuals, items,
   * plan): lookups by result since start, evictions, the live knowledge version's entries and the
   * hit ratio. Turns whose facts were seen before (a resume, the same story told again, a changed
   * interface language) hit; a publish starts the memo empty.
   */
  public void turnMemo(Supplier<CacheStats> stats) {
    watched.add(stats);
    FunctionCounter.builder("viranomaisbotti.turn.memo.requests", stats, s -> s.get().hits())
        .description("Turns whose recommendation was looked up in the memo by facts, by result").tag("result", "hit")
        .register(registry);
    FunctionCounter.builder("viranomaisbotti.turn.memo.requests", stats, s -> s.get().misses())
        .description("Turns whose recommendation was looked up in the memo by facts, by result").tag("result", "miss")
        .register(registry);
    FunctionCounter.builder("viranomaisbotti.turn.memo.evictions", stats, s -> s.get().evictions())
        .description("Recommendations evicted from the memo to keep it within its bound")
        .register(registry);
    Gauge.builder("viranomaisbotti.turn.memo.size", stats, s -> s.get().size())
        .description("Recommendations held in the live knowledge version's memo")
        .register(registry);
    Gauge.builder("viranomaisbotti.turn.memo.hit.ratio", stats, s -> s.get().hitRate())
        .description("Share of turns served from the memo since start (NaN before the first)")
        .register(registry);
  }

  /** Takes a chat turn and records how long it took, also when it fails. */
  public <T> T turn(Supplier<T> take) {
    return turns.record(take);
  }

  public void connected() {
    connections.incrementAndGet();
  }

  public void disconnected() {
    connections.decrementAndGet();
  }

  /** An error answered to a client, by its code ("rate_limited", "bad_input", …). */
  public void error(String code) {
    Counter.builder("viranomaisbotti.errors")
        .description("Errors answered to clients, by code")
        .tag("code", code)
        .register(registry)
        .increment();
  }
}
