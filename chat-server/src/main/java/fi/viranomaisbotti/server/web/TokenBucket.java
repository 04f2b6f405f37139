package fi.viranomaisbotti.server.web;

/**
 * A token bucket: holds up to {@code burst} tokens, one more every {@code nanosPerToken}; each
 * request takes one. A client may so send a short burst and then a steady rate. Thread-safe (one
 * lock per bucket; a check is a few arithmetic operations).
 */
final class TokenBucket {
  private final long burst;
  private final long nanosPerToken;
  /** Tokens are counted in nanoseconds of refill, so no fractions are lost between calls. */
  private long storedNanos;
  private long lastNanos;

  TokenBucket(int burst, long nanosPerToken, long nowNanos) {
    if (burst < 1 || nanosPerToken < 1) {
      throw new IllegalArgumentException("A token bucket needs a burst of at least 1 and a positive refill time, got "
          + burst + " and " + nanosPerToken + " ns.");
    }
    this.burst = burst;
    this.nanosPerToken = nanosPerToken;
    this.storedNanos = burst * nanosPerToken;
    this.lastNanos = nowNanos;
  }

  /**
   * Takes a token if there is one.
   *
   * @return 0 when a token was taken, otherwise the nanoseconds until the next one
   */
  synchronized long take(long nowNanos) {
    refill(nowNanos);
    if (storedNanos >= nanosPerToken) {
      storedNanos -= nanosPerToken;
      return 0;
    }
    return nanosPerToken - storedNanos;
  }

  /** Whether the bucket is full again, so forgetting it changes nothing for its client. */
  synchronized boolean full(long nowNanos) {
    refill(nowNanos);
    return storedNanos == burst * nanosPerToken;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      long max = burst * nanosPerToken;
      storedNanos = elapsed >= max ? max : Math.min(max, storedNanos + elapsed);
      lastNanos = nowNanos;
    }
  }
}
