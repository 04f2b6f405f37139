package fi.viranomaisbotti.server;

import fi.viranomaisbotti.server.ops.Readiness;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's shutdown (on SIGTERM): readiness goes to 503 and new turns and API calls are
 * refused with {@code shutting_down}, the turns in flight finish (waiting at most the grace),
 * then the HTTP server stops and the resources close in order (retention job, database pool,
 * knowledge, morphology).
 */
final class GracefulShutdown implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private final Readiness readiness;
  private final Duration grace;
  private final Runnable stopServing;
  private final List<AutoCloseable> resources;

  /**
   * @param stopServing stops the HTTP server (closing its connections)
   * @param resources closed after it, in this order
   */
  GracefulShutdown(Readiness readiness, Duration grace, Runnable stopServing, List<AutoCloseable> resources) {
    this.readiness = readiness;
    this.grace = grace;
    this.stopServing = stopServing;
    this.resources = List.copyOf(resources);
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    readiness.shutdownBegins();
    int inFlight = readiness.turns().inFlight();
    LOG.atInfo().addKeyValue("event", "shutdown").addKeyValue("inFlight", inFlight)
        .log("Shutting down: not ready, new turns refused, waiting at most {} s for turns in flight", grace.toSeconds());
    boolean drained;
    try {
      drained = readiness.turns().awaitIdle(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    if (!drained) {
      LOG.atWarn().addKeyValue("event", "shutdown").addKeyValue("inFlight", readiness.turns().inFlight())
          .log("Turns still in flight after the grace of {} s; stopping anyway", grace.toSeconds());
    }
    stopServing.run();
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed while shutting down", resource.getClass().getSimpleName(), e);
      }
    }
    LOG.atInfo().addKeyValue("event", "shutdown").addKeyValue("durationMs", (System.nanoTime() - start) / 1_000_000)
        .log("Stopped");
  }
}
