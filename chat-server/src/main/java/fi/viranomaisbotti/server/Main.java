package fi.viranomaisbotti.server;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.RuleBaseException;
import fi.viranomaisbotti.engine.editor.KnowledgeEditor;
import fi.viranomaisbotti.knowledge.KnowledgeException;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.knowledge.RuleFile;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.MorphologyUnavailableException;
import fi.viranomaisbotti.server.ops.Readiness;
import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.JdbcKnowledgeStore;
import fi.viranomaisbotti.server.storage.RetentionJob;
import io.javalin.Javalin;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server from environment settings (see {@link ServerConfig}); with arguments, runs
 * the knowledge tools instead ({@code validate}, {@code diff}; see {@link KnowledgeCommand}).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0) {
      System.exit(KnowledgeCommand.run(args, System.out, System.err));
    }
    long started = System.nanoTime();
    ServerConfig config;
    try {
      config = ServerConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("Viranomaisbotti cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    // The database (connect, migrate) needs nothing from the knowledge: it opens while the knowledge is built.
    CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> {
      long t = System.nanoTime();
      Database opened = Database.open(config.database());
      LOG.info("Opened the database in {} ms", millisSince(t));
      return opened;
    }, task -> new Thread(task, "database-open").start());
    Morphology morphology;
    try {
      long t = System.nanoTime();
      morphology = Morphology.voikko(config.voikkoHandles());
      LOG.info("Opened Voikko in {} ms", millisSince(t));
    } catch (MorphologyUnavailableException | IllegalArgumentException e) {
      System.err.println("Viranomaisbotti cannot start: " + e.getMessage());
      closeWhenOpen(opening);
      System.exit(2);
      return;
    }
    // The rules compile from the moment Voikko is open: the packaged rules are what the database's live
    // version holds unless an editor published others, and then those compile instead (see below).
    KnowledgeSource packaged;
    Navigator.Starting starting;
    List<RuleFile> compiling;
    try {
      packaged = config.knowledgeDir() == null
          ? KnowledgeSource.classpath("corpus", Main.class.getClassLoader())
          : KnowledgeSource.directory(config.knowledgeDir());
      compiling = KnowledgeLoader.ruleFiles(packaged);
      starting = Navigator.begin(compiling, morphology, config.dataDir().resolve("knowledge-cache"));
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      System.err.println("Viranomaisbotti cannot start: " + e.getMessage());
      closeWhenOpen(opening);
      morphology.close();
      System.exit(2);
      return;
    }
    // The live knowledge version is kept in the database: it is open before the knowledge is read.
    Database database;
    try {
      database = opening.join();
    } catch (CompletionException e) {
      System.err.println("Viranomaisbotti cannot start: " + (e.getCause() == null ? e : e.getCause()).getMessage());
      starting.abandon();
      morphology.close();
      System.exit(2);
      return;
    }
    KnowledgeSnapshot snapshot;
    Navigator navigator;
    try {
      long t = System.nanoTime();
      KnowledgeSource live = KnowledgeSource.of(packaged.description() + " (live version in the database)",
          KnowledgeEditor.startingFiles(new JdbcKnowledgeStore(database.dataSource()), packaged, Clock.systemUTC()));
      List<RuleFile> liveRules = KnowledgeLoader.ruleFiles(live);
      if (!liveRules.equals(compiling)) {
        LOG.info("The live knowledge version has rules of its own: compiling those instead of the packaged ones");
        starting.abandon();
        starting = Navigator.begin(liveRules, morphology, config.dataDir().resolve("knowledge-cache"));
      }
      // The rules compile while the rest of the knowledge loads; the answer index and the event
      // classifier of this knowledge version are read from the cache when an earlier start kept them.
      snapshot = new KnowledgeLoader().load(live);
      LOG.info("Loaded the knowledge in {} ms", millisSince(t));
      snapshot.warnings().forEach(w -> LOG.warn("Knowledge: {}", w));
      t = System.nanoTime();
      navigator = starting.start(snapshot);
      LOG.info("Built the knowledge runtime in {} ms", millisSince(t));
    } catch (KnowledgeException | RuleBaseException | IllegalArgumentException e) {
      System.err.println("Viranomaisbotti cannot start: " + e.getMessage());
      starting.abandon();
      database.close();
      morphology.close();
      System.exit(2);
      return;
    }
    Backend backend = Backend.over(database, Clock.systemUTC(), config.handoffHours());
    backend.accounts().ensureAdmin(System.getenv("ADMIN_PASSWORD")).ifPresent(password -> LOG.warn(
        "No accounts existed, so the account 'admin' was created with the password {} (shown this once)."
            + " Sign in at /yllapito, set a password of your own and add the advisers' accounts.", password));
    RetentionJob retention =
        new RetentionJob(backend.conversations(), backend.unanswered(), Duration.ofDays(config.retentionDays()), Clock.systemUTC()).start(RetentionJob.EVERY);
    Readiness readiness = new Readiness();
    Javalin app = App.create(navigator, backend, config.web(), readiness).start(config.port());
    LOG.info(
        "Viranomaisbotti listening on http://localhost:{}/ (knowledge {}, {} items, database {}, conversations kept {} days)",
        app.port(), snapshot.version(), snapshot.size(), config.database().describe(), config.retentionDays());
    LOG.atInfo().addKeyValue("event", "ready").addKeyValue("durationMs", millisSince(started))
        .log("Ready {} ms after start began", millisSince(started));
    Runtime.getRuntime().addShutdownHook(new Thread(
        new GracefulShutdown(readiness, config.shutdownGrace(), app::stop, List.of(retention, database, navigator, morphology)),
        "shutdown"));
  }

  /** A database that opened after all, closed (start failed elsewhere). */
  private static void closeWhenOpen(CompletableFuture<Database> opening) {
    opening.handle((database, failure) -> database).thenAccept(d -> {
      if (d != null) {
        d.close();
      }
    }).join();
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
