package fi.viranomaisbotti.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the harness reads from the server's {@code /metrics}: the turn histogram's buckets, the
 * errors by code and the process's gauges. Two scrapes give the run's own figures by difference.
 */
record ServerMetricsScrape(
    TreeMap<Double, Double> turnBuckets, double turnCount, double turnSum, Map<String, Double> errors,
    Map<String, Double> gauges) {

  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? ([-+0-9.eE]+|NaN|[+-]Inf)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]+)=\"([^\"]*)\"");

  static ServerMetricsScrape parse(String text) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    Map<String, Double> errors = new LinkedHashMap<>();
    Map<String, Double> gauges = new LinkedHashMap<>();
    double count = 0;
    double sum = 0;
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      String name = m.group(1);
      Map<String, String> labels = labels(m.group(3));
      double value = Double.parseDouble(m.group(4).replace("+Inf", "Infinity").replace("-Inf", "-Infinity"));
      switch (name) {
        case "viranomaisbotti_turns_seconds_bucket" -> buckets.put(
            labels.get("le").equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(labels.get("le")), value);
        case "viranomaisbotti_turns_seconds_count" -> count = value;
        case "viranomaisbotti_turns_seconds_sum" -> sum = value;
        case "viranomaisbotti_errors_total" -> errors.merge(labels.getOrDefault("code", "?"), value, Double::sum);
        case "jvm_memory_used_bytes" -> {
          if ("heap".equals(labels.get("area"))) {
            gauges.merge("heap_used_bytes", value, Double::sum);
          }
        }
        case "viranomaisbotti_turn_memo_requests_total" -> gauges.put("turn_memo_" + labels.get("result"), value);
        case "process_cpu_usage", "system_cpu_usage", "system_cpu_count", "viranomaisbotti_chat_connections",
            "process_cpu_time_ns_total" -> gauges.put(name, value);
        default -> { }
      }
    }
    return new ServerMetricsScrape(buckets, count, sum, errors, gauges);
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text != null) {
      Matcher m = LABEL.matcher(text);
      while (m.find()) {
        labels.put(m.group(1), m.group(2));
      }
    }
    return labels;
  }

  /** Turns counted between the earlier scrape and this one. */
  double turnsSince(ServerMetricsScrape before) {
    return turnCount - before.turnCount;
  }

  /**
   * The q-quantile of the turns between the two scrapes, in milliseconds, interpolated within the
   * bucket as Prometheus' histogram_quantile does (so it is as exact as the buckets are fine).
   */
  double quantileMillisSince(ServerMetricsScrape before, double q) {
    List<double[]> delta = new ArrayList<>();
    for (Map.Entry<Double, Double> b : turnBuckets.entrySet()) {
      delta.add(new double[] {b.getKey(), b.getValue() - before.turnBuckets.getOrDefault(b.getKey(), 0.0)});
    }
    if (delta.isEmpty()) {
      return Double.NaN;
    }
    double total = delta.get(delta.size() - 1)[1];
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (double[] b : delta) {
      if (b[1] >= rank) {
        if (Double.isInfinite(b[0])) {
          return lowerBound * 1000;
        }
        double inBucket = b[1] - lowerCount;
        double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
        return (lowerBound + (b[0] - lowerBound) * fraction) * 1000;
      }
      lowerBound = b[0];
      lowerCount = b[1];
    }
    return lowerBound * 1000;
  }

  /** Share of the turns since {@code before} served what follows from their facts by the turn memo; NaN without one. */
  double memoHitsSince(ServerMetricsScrape before) {
    double hits = gauges.getOrDefault("turn_memo_hit", Double.NaN) - before.gauges.getOrDefault("turn_memo_hit", Double.NaN);
    double misses = gauges.getOrDefault("turn_memo_miss", Double.NaN) - before.gauges.getOrDefault("turn_memo_miss", Double.NaN);
    return hits / (hits + misses);
  }

  Map<String, Double> errorsSince(ServerMetricsScrape before) {
    Map<String, Double> delta = new TreeMap<>();
    errors.forEach((code, n) -> {
      double d = n - before.errors.getOrDefault(code, 0.0);
      if (d > 0) {
        delta.put(code, d);
      }
    });
    return delta;
  }
}
