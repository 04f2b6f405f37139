package fi.viranomaisbotti.server.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per key (a client address or a connection). Buckets that have filled up
 * again are forgotten once there are many, so memory stays bounded by the clients of the last
 * minutes. Thread-safe.
 */
public final class RateLimiter {
  /** Keys kept before full buckets are swept out. */
  static final int SWEEP_ABOVE = 50_000;
  /** Keys kept at most: beyond this (a flood of addresses), every bucket starts afresh. */
  static final int HARD_LIMIT = 4 * SWEEP_ABOVE;

  private final Rate rate;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong();

  /**
   * A steady rate with a burst allowance.
   *
   * @param perMinute tokens added per minute (the steady rate)
   * @param burst tokens a client can use at once after being quiet
   */
  public record Rate(int perMinute, int burst) {
    public Rate {
      if (perMinute < 1 || burst < 1) {
        throw new IllegalArgumentException(
            "A rate needs at least 1 per minute and a burst of at least 1, got " + perMinute + "/min and " + burst + ".");
      }
    }

    long nanosPerToken() {
      return TimeUnit.MINUTES.toNanos(1) / perMinute;
    }

    /** "30 a minute (10 at once)", as operators and error messages say it. */
    public String describe() {
      return perMinute + " a minute (" + burst + " at once)";
    }
  }

  public RateLimiter(Rate rate, LongSupplier nanoClock) {
    this.rate = rate;
    this.nanoClock = nanoClock;
  }


  /**
   * Takes one token from the key's bucket.
   *
   * @return 0 when allowed; otherwise the whole seconds (at least 1) until the key may try again
   */
  public long acquire(String key) {
    long now = nanoClock.getAsLong();
    sweepIfCrowded(now);
    long waitNanos = buckets.computeIfAbsent(key, k -> new TokenBucket(rate.burst(), rate.nanosPerToken(), now)).take(now);
    return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }

  /** Drops a key's bucket (a closed connection). */
  public void forget(String key) {
    buckets.remove(key);
  }

  int size() {
    return buckets.size();
  }

  private void sweepIfCrowded(long now) {
    if (buckets.size() <= SWEEP_ABOVE) {
      return;
    }
    long last = lastSweep.get();
    // At most one sweep a second: a sweep walks every key.
    if (now - last < TimeUnit.SECONDS.toNanos(1) || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    buckets.values().removeIf(b -> b.full(now));
    if (buckets.size() > HARD_LIMIT) {
      buckets.clear();
    }
  }
}
