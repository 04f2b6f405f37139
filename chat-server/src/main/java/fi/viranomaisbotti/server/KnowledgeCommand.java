package fi.viranomaisbotti.server;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Regression;
import fi.viranomaisbotti.engine.RuleBaseException;
import fi.viranomaisbotti.knowledge.KnowledgeDiff;
import fi.viranomaisbotti.knowledge.KnowledgeException;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.knowledge.Verifications;
import fi.viranomaisbotti.nlp.Morphology;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Command-line tools for knowledge editors: {@code validate} a corpus directory (schema,
 * references, provenance, rules compile, every regression situation passes) and {@code diff} two
 * corpus directories (items, then each regression situation's plan).
 */
@Command(
    name = "viranomaisbotti",
    mixinStandardHelpOptions = true,
    description = "Without a command, runs the server. Commands check and compare knowledge corpora.",
    subcommands = {KnowledgeCommand.Validate.class, KnowledgeCommand.Diff.class})
final class KnowledgeCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int INVALID = 1;

  @Override
  public Integer call() {
    return OK;
  }

  /**
   * Runs a command, writing UTF-8 to the streams. Everything written is flushed before this
   * returns: the caller exits the JVM next, and a {@code print} without a line end (the item diff)
   * would otherwise stay in the writer's buffer and never be seen.
   */
  static int run(String[] args, OutputStream out, OutputStream err) {
    PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      CommandLine cli = new CommandLine(new KnowledgeCommand());
      cli.setOut(o);
      cli.setErr(e);
      return cli.execute(args);
    } finally {
      o.flush();
      e.flush();
    }
  }

  static KnowledgeSnapshot load(Path dir) {
    return new KnowledgeLoader().load(KnowledgeSource.directory(dir));
  }

  @Command(name = "validate", description = "Checks a corpus: loads it, compiles the rules and runs every regression situation.")
  static final class Validate implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "corpus/src/main/resources/corpus", description = "corpus directory (default: ${DEFAULT-VALUE})")
    Path dir;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      KnowledgeSnapshot snapshot;
      try {
        snapshot = load(dir);
      } catch (KnowledgeException e) {
        e.problems().forEach(p -> out.println(p));
        out.println(e.problems().size() + " error(s). Nothing was published.");
        return INVALID;
      } catch (IllegalArgumentException e) {
        out.println(e.getMessage());
        return INVALID;
      }
      snapshot.warnings().forEach(out::println);
      try (Morphology morphology = Morphology.voikko(1);
          Navigator navigator = Navigator.start(snapshot, morphology)) {
        List<Regression.Outcome> outcomes = Regression.run(navigator);
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        for (Regression.Outcome o : outcomes) {
          if (!o.passed()) {
            out.println("FAILED situation " + o.situation() + ": missing " + o.missing() + ", unwanted " + o.unwanted());
          }
        }
        out.println("Knowledge " + snapshot.version() + ": " + snapshot.counts() + "; "
            + snapshot.warnings().size() + " warning(s); " + navigator.rules().size() + " rules compiled; "
            + (outcomes.size() - failed) + "/" + outcomes.size() + " situations pass.");
        List<String> unrecorded = Verifications.missing(snapshot);
        if (!unrecorded.isEmpty()) {
          out.println(unrecorded.size() + " REVIEWED item(s) predate verification records (nothing says what was checked);"
              + " check them against their sources: " + String.join(", ", unrecorded));
        }
        List<String> draftRules = Verifications.unverifiedRules(snapshot);
        out.println((navigator.rules().size() - draftRules.size()) + " rule(s) REVIEWED with a verification record, "
            + draftRules.size() + " DRAFT" + (draftRules.isEmpty() ? "." : ": " + String.join(", ", draftRules)));
        List<String> unexplained = Verifications.unexplainedDrafts(snapshot);
        if (!unexplained.isEmpty()) {
          out.println(unexplained.size() + " DRAFT item(s) and rule(s) do not say what is unverified (meta.unverified,"
              + " @unverified): " + String.join(", ", unexplained));
        }
        return failed == 0 ? OK : INVALID;
      } catch (RuleBaseException e) {
        e.messages().forEach(out::println);
        out.println("The rules do not compile. Nothing was published.");
        return INVALID;
      }
    }
  }

  @Command(name = "diff", description = "Compares two corpus directories: changed items, then how each regression situation's plan changes.")
  static final class Diff implements Callable<Integer> {
    @Parameters(index = "0", description = "the published corpus directory")
    Path before;

    @Parameters(index = "1", description = "the edited corpus directory")
    Path after;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      KnowledgeSnapshot a = load(before);
      KnowledgeSnapshot b = load(after);
      out.print(KnowledgeDiff.between(a, b).describe());
      try (Morphology morphology = Morphology.voikko(1);
          Navigator na = Navigator.start(a, morphology);
          Navigator nb = Navigator.start(b, morphology)) {
        for (Regression.PlanChange c : Regression.diff(na, nb)) {
          if (!c.isEmpty()) {
            out.println("situation " + c.situation() + ": added " + c.added() + ", removed " + c.removed() + ", changed " + c.changed());
          }
        }
      }
      return OK;
    }
  }
}
