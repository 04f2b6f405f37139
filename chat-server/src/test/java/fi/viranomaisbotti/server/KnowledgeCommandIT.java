package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editors' command line on the real corpus and on broken copies of it. */
class KnowledgeCommandIT {
  static final Path CORPUS = Path.of("../corpus/src/main/resources/corpus");

  @TempDir Path temp;

  private record Run(int exit, String out) {}

  /** Runs a command as Main does, on byte streams, so output left in a writer's buffer is missed. */
  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = KnowledgeCommand.run(args, out, out);
    return new Run(exit, out.toString(StandardCharsets.UTF_8));
  }

  private Path copyOfCorpus(String name) throws IOException {
    Path target = temp.resolve(name);
    try (Stream<Path> files = Files.walk(CORPUS)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path dest = target.resolve(CORPUS.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return target;
  }

  @Test
  void theShippedCorpusValidatesAndEverySituationPasses() {
    Run r = run("validate", CORPUS.toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("situations pass").doesNotContain("FAILED");
  }

  @Test
  void aBrokenRuleFileIsReportedWithItsFileAndNothingIsPublished() throws IOException {
    Path broken = copyOfCorpus("broken");
    Files.writeString(broken.resolve("rules/rikki.drl"), "package fi.viranomaisbotti.rules\nrule \"rikki\" when then end end\n", StandardCharsets.UTF_8);
    Run r = run("validate", broken.toString());
    assertThat(r.exit()).isEqualTo(KnowledgeCommand.INVALID);
    assertThat(r.out()).contains("rules/rikki.drl").contains("Nothing was published");
  }

  @Test
  void aDanglingReferenceIsReportedWithTheFix() throws IOException {
    Path broken = copyOfCorpus("dangling");
    Path file = broken.resolve("obligations/elintarvikkeet.yaml");
    Files.writeString(file, Files.readString(file).replace("actor: lupa-ja-valvontavirasto", "actor: avi-lappi"));
    Run r = run("validate", broken.toString());
    assertThat(r.exit()).isEqualTo(KnowledgeCommand.INVALID);
    assertThat(r.out()).contains("obligations/elintarvikkeet.yaml", "[anniskelulupa]", "avi-lappi", "Add it to actors/");
  }

  @Test
  void diffShowsChangedItemsAndHowEachSituationsPlanChanges() throws IOException {
    Path edited = copyOfCorpus("edited");
    Path rules = edited.resolve("rules/velvoitteet.drl");
    String text = Files.readString(rules);
    int start = text.indexOf("rule \"velvoite-luomuvalvonta\"");
    int end = text.indexOf("end", text.indexOf("then", start)) + 3;
    Files.writeString(rules, text.substring(0, start) + text.substring(end));
    Run r = run("diff", CORPUS.toString(), edited.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("~ rule-file rules/velvoitteet.drl");
    assertThat(r.out()).contains("situation liisa-luomutila-sikala-ravintola: added [], removed [luomuvalvonta");
  }

  @Test
  void diffOfTwoEqualCorporaStillPrintsItsItemSummaryBeforeTheCommandExits() throws IOException {
    Path same = copyOfCorpus("same");
    Run r = run("diff", CORPUS.toString(), same.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("0 change(s)").doesNotContain("situation ");
  }
}
