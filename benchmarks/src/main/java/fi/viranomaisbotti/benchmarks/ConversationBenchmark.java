package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.conversation.ConversationKey;
import fi.viranomaisbotti.engine.conversation.ConversationService;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.DatabaseSettings;
import fi.viranomaisbotti.server.storage.JdbcConversationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One chat turn of a stored conversation, by how long the conversation already is: the turn reads
 * only its own text and the stored facts, so its cost should not grow with the turns before it.
 * The turns go through the real conversation service into the server's H2 repository.
 */
public class ConversationBenchmark extends SampledLatency {
  /** Turns said before the measured ones in each iteration. */
  @Param({"1", "1000"})
  public int priorTurns;

  private Morphology morphology;
  private Navigator navigator;
  private Database database;
  private Path dataDir;
  private ConversationService service;
  private ConversationKey conversation;

  @Setup(Level.Trial)
  public void start() throws IOException {
    morphology = Morphology.voikko(2);
    navigator = Navigator.start(Fixtures.corpus(), morphology);
    dataDir = Files.createTempDirectory("conversation-benchmark");
    database = Database.open(DatabaseSettings.embedded(dataDir));
    // Room for every turn the benchmark says: the cap is not what is measured.
    service = new ConversationService(navigator, new JdbcConversationRepository(database.dataSource()),
        Clock.systemUTC(), Long.MAX_VALUE);
  }

  /** A new conversation of {@code priorTurns} turns for each iteration, which then adds its own. */
  @Setup(Level.Iteration)
  public void newConversation() {
    conversation = service.say(null, Fixtures.LIISA).conversation();
    for (int i = 1; i < priorTurns; i++) {
      service.say(conversation, Fixtures.TURN_40_WORDS);
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    database.close();
    navigator.close();
    morphology.close();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public ConversationService.Turn sayA40WordTurn() {
    return service.say(conversation, Fixtures.TURN_40_WORDS);
  }
}
