package fi.viranomaisbotti.server;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.RuleBaseException;
import fi.viranomaisbotti.knowledge.KnowledgeException;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.MorphologyUnavailableException;
import fi.viranomaisbotti.server.ops.Readiness;
import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.RetentionJob;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
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
    ServerConfig config;
    Morphology morphology;
    try {
      config = ServerConfig.fromEnvironment(System.getenv());
      morphology = Morphology.voikko(config.voikkoHandles());
    } catch (MorphologyUnavailableException | IllegalArgumentException e) {
      System.err.println("Viranomaisbotti cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    KnowledgeSnapshot snapshot;
    Navigator navigator;
    try {
      KnowledgeSource source =
          config.knowledgeDir() == null
              ? KnowledgeSource.classpath("corpus", Main.class.getClassLoader())
              : KnowledgeSource.directory(config.knowledgeDir());
      snapshot = new KnowledgeLoader().load(source);
      snapshot.warnings().forEach(w -> LOG.warn("Knowledge: {}", w));
      navigator = Navigator.start(snapshot, morphology);
    } catch (KnowledgeException | RuleBaseException | IllegalArgumentException e) {
      System.err.println("Viranomaisbotti cannot start: " + e.getMessage());
      morphology.close();
      System.exit(2);
      return;
    }
    Database database;
    try {
      database = Database.open(config.database());
    } catch (IllegalStateException e) {
      System.err.println("Viranomaisbotti cannot start: " + e.getMessage());
      navigator.close();
      morphology.close();
      System.exit(2);
      return;
    }
    Backend backend = Backend.over(database, Clock.systemUTC());
    backend.accounts().ensureAdmin(System.getenv("ADMIN_PASSWORD")).ifPresent(password -> LOG.warn(
        "No accounts existed, so the account 'admin' was created with the password {} (shown this once)."
            + " Sign in at /yllapito, set a password of your own and add the advisers' accounts.", password));
    RetentionJob retention =
        new RetentionJob(backend.conversations(), Duration.ofDays(config.retentionDays()), Clock.systemUTC()).start(RetentionJob.EVERY);
    Readiness readiness = new Readiness();
    Javalin app = App.create(navigator, backend, config.web(), readiness).start(config.port());
    LOG.info(
        "Viranomaisbotti listening on http://localhost:{}/ (knowledge {}, {} items, database {}, conversations kept {} days)",
        app.port(), snapshot.version(), snapshot.size(), config.database().describe(), config.retentionDays());
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> {
          readiness.shutdownBegins();
          app.stop();
          retention.close();
          database.close();
          navigator.close();
          morphology.close();
        }, "shutdown"));
  }
}
