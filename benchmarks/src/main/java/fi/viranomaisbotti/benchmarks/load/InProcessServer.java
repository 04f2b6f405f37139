package fi.viranomaisbotti.benchmarks.load;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.server.App;
import fi.viranomaisbotti.server.Backend;
import fi.viranomaisbotti.server.ops.Readiness;
import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.DatabaseSettings;
import fi.viranomaisbotti.server.web.Limits;
import fi.viranomaisbotti.server.web.RateLimiter.Rate;
import fi.viranomaisbotti.server.web.WebSettings;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real server in this process, as {@code Main} builds it (Voikko, the packaged corpus, Drools,
 * Lucene, H2 in a temporary directory), listening on 127.0.0.1 only, with limits the load does not
 * reach: the harness is one address opening a thousand connections.
 */
final class InProcessServer implements AutoCloseable {
  private static final Limits UNREACHED = new Limits(
      new Rate(100_000_000, 10_000_000), new Rate(100_000_000, 10_000_000), new Rate(100_000_000, 10_000_000),
      1_000_000, 100_000_000, Duration.ofMinutes(5), Duration.ofSeconds(30));

  private final Path dataDir;
  private final Morphology morphology;
  private final Navigator navigator;
  private final Database database;
  /** The server's stores, for a probe that needs an account (an editor who publishes). */
  final Backend backend;
  final Javalin app;

  InProcessServer(KnowledgeSnapshot snapshot) throws IOException {
    dataDir = Files.createTempDirectory("viranomaisbotti-load");
    morphology = Morphology.voikko(Math.max(2, Runtime.getRuntime().availableProcessors()));
    navigator = Navigator.start(snapshot, morphology);
    database = Database.open(DatabaseSettings.embedded(dataDir));
    backend = Backend.over(database, Clock.systemUTC());
    app = App.create(navigator, backend, WebSettings.DEFAULTS.withLimits(UNREACHED),
        new Readiness()).start("127.0.0.1", 0);
  }

  int port() {
    return app.port();
  }

  @Override
  public void close() throws IOException {
    app.stop();
    database.close();
    navigator.close();
    morphology.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
