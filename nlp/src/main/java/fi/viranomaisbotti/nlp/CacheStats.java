package fi.viranomaisbotti.nlp;

/**
 * How a cache has served since it was made: lookups answered from it, lookups that had to ask the
 * analyser, entries evicted to stay within its bound, and entries held now.
 */
public record CacheStats(long hits, long misses, long evictions, long size) {
  /** The figures of a component without a cache. */
  public static final CacheStats NONE = new CacheStats(0, 0, 0, 0);

  /** Hits per lookup, 0 to 1; NaN before the first lookup. */
  public double hitRate() {
    long lookups = hits + misses;
    return lookups == 0 ? Double.NaN : (double) hits / lookups;
  }
}
