package fi.viranomaisbotti.server.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lets work in (chat turns, API calls) while the server takes it, and counts what is in flight.
 * Once {@link #close closed} it refuses new work with {@code shutting_down} (503) and {@link
 * #awaitIdle} waits for the admitted work to finish, so a shutdown never cuts a turn in half.
 * Thread-safe.
 */
public final class TurnGate {
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object idle = new Object();

  /**
   * Runs the work if the gate is open, counted as in flight until it returns or fails.
   *
   * @throws ApiException {@code shutting_down} (503) once the gate is closed
   */
  public <T> T pass(Supplier<T> work) {
    enter();
    try {
      return work.get();
    } finally {
      exit();
    }
  }

  /** Counts one piece of work in; pair it with {@link #exit} (for work that spans two callbacks). */
  public void enter() {
    // Counted before the check: work that passes it is seen by awaitIdle, work that fails it never started.
    inFlight.incrementAndGet();
    if (closed.get()) {
      exit();
      throw shuttingDown();
    }
  }

  public void exit() {
    if (inFlight.decrementAndGet() == 0 && closed.get()) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /**
   * Counts a reply being written, whether the gate is open or not: a reply goes out
   * asynchronously after its turn returns, and the shutdown waits for it too.
   *
   * @return call it once the write has completed or failed; later calls do nothing
   */
  public Runnable writing() {
    inFlight.incrementAndGet();
    AtomicBoolean done = new AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        exit();
      }
    };
  }

  /** No new work from now on. */
  public void close() {
    closed.set(true);
  }

  public boolean isClosed() {
    return closed.get();
  }

  /** Work admitted and not yet finished. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Waits until the work in flight has finished, at most {@code grace}.
   *
   * @return true if nothing is in flight any more, false if the grace ran out first
   */
  public boolean awaitIdle(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        idle.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }

  static ApiException shuttingDown() {
    return new ApiException(503, "shutting_down",
        "The server is shutting down and takes no new work; send the request again in a few seconds (another server"
            + " may answer it).", 5,
        "Palvelu käynnistyy uudelleen. Lähetä viestisi uudelleen hetken kuluttua; aiemmat tietosi ovat tallessa.");
  }
}
