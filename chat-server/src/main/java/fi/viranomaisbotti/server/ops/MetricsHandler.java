package fi.viranomaisbotti.server.ops;

import fi.viranomaisbotti.engine.Navigator;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format — the server's own (turns,
 * connections, errors), the live knowledge version, and the JVM's (memory, garbage collection,
 * threads, CPU, uptime). Thread-safe.
 */
public final class MetricsHandler {
  private final PrometheusMeterRegistry registry;
  private final Navigator navigator;
  private final MultiGauge knowledge;

  public MetricsHandler(PrometheusMeterRegistry registry, Navigator navigator) {
    this.registry = registry;
    this.navigator = navigator;
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    // Bound for the life of the process: the server builds one app.
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    this.knowledge = MultiGauge.builder("viranomaisbotti.knowledge.info")
        .description("The live knowledge version (always 1, the version is the label)")
        .register(registry);
  }

  public void scrape(Context ctx) {
    // The version changes when an editor publishes: the label is set at each scrape.
    knowledge.register(List.of(MultiGauge.Row.of(Tags.of("version", navigator.knowledge().version()), 1)), true);
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }
}
