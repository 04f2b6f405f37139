package fi.viranomaisbotti.server.storage;

import fi.viranomaisbotti.engine.conversation.ConversationRepository;
import fi.viranomaisbotti.engine.unanswered.UnansweredRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention of personal data: deletes the conversations (with their turns) that have had no
 * turn for the retention period, once when started and then at a fixed interval, on one daemon
 * thread. A failed run is logged and the next run tries again. Thread-safe.
 */
public final class RetentionJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  /** How often the job runs: conversations outlive their period by at most this much. */
  public static final Duration EVERY = Duration.ofHours(1);

  private final ConversationRepository repository;
  private final UnansweredRepository unanswered;
  private final Duration retention;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  /** @param retention how long a conversation is kept after its latest turn */
  public RetentionJob(ConversationRepository repository, Duration retention, Clock clock) {
    this(repository, null, retention, clock);
  }

  /**
   * @param unanswered the unanswered queue, whose masked texts are kept as long as conversations;
   *     null when there is none to sweep
   */
  public RetentionJob(ConversationRepository repository, UnansweredRepository unanswered, Duration retention, Clock clock) {
    this.unanswered = unanswered;
    this.repository = Objects.requireNonNull(repository, "repository");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("The retention period must be positive, got " + retention + ".");
    }
  }

  /**
   * Deletes what has been inactive for longer than the retention period now.
   *
   * @return how many conversations were deleted
   */
  public int runOnce() {
    Instant cutoff = clock.instant().minus(retention);
    int deleted = repository.deleteInactiveBefore(cutoff);
    int texts = unanswered == null ? 0 : unanswered.deleteBefore(cutoff);
    if (texts > 0) {
      LOG.info("Retention: deleted {} text(s) of the unanswered queue captured before {}", texts, cutoff);
    }
    if (deleted > 0) {
      LOG.info("Retention: deleted {} conversation(s) without a turn since {} ({} days)", deleted, cutoff, retention.toDays());
    }
    return deleted;
  }

  /** Runs the job now, in the background, and then every {@code every}. */
  public synchronized RetentionJob start(Duration every) {
    if (scheduler != null) {
      throw new IllegalStateException("The retention job is already running.");
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "retention");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(this::runLogged, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** A periodic task that throws is never run again, so a failure (the database down) is logged here. */
  private void runLogged() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.warn("Retention: deleting old conversations failed; the next run tries again: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
