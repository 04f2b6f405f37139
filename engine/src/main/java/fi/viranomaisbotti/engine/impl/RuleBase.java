package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.RuleBaseException;
import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Derivations;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.knowledge.RuleFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * The corpus rules compiled into a Drools KieBase, fired in layers (see {@link RuleLayers}). Each
 * build gets its own release id; {@link
 * #close()} removes it from the KieRepository so that repeated reloads do not grow the heap.
 *
 * <p>The consequences are compiled in the MVEL dialect unless a file or rule names its own: every
 * corpus consequence is one call on {@code out}, which MVEL compiles without a Java compiler, and
 * that takes about a third of a cold start's rule compile away (docs/benchmarks.md); the same
 * rules conclude the same items with the same reasons in both dialects ({@code
 * RuleDialectTest}).
 *
 * <p>Evaluation is thread-safe: every call uses a new session of its own (a pooled session's reset
 * costs as much as a new one once it has served different stories; docs/benchmarks.md).
 */
public final class RuleBase implements AutoCloseable {
  /** Upper bound on rule firings per evaluation; reaching it means the rules loop. */
  static final int MAX_FIRINGS = 10_000;

  private static final AtomicLong BUILDS = new AtomicLong();

  /** The dialect of consequences in files and rules that do not name one. */
  enum Dialect {
    MVEL,
    JAVA
  }

  private final KieContainer container;
  private final KieBase kieBase;
  private final ReleaseId releaseId;
  private final int ruleCount;

  private RuleBase(KieContainer container, ReleaseId releaseId) {
    this.container = container;
    this.kieBase = container.getKieBase();
    this.releaseId = releaseId;
    this.ruleCount = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
  }

  /**
   * Compiles the rule files.
   *
   * @throws RuleBaseException with Drools' messages when a file does not compile
   */
  public static RuleBase build(List<RuleFile> files, String version) {
    return build(files, version, Dialect.MVEL);
  }

  static RuleBase build(List<RuleFile> files, String version, Dialect dialect) {
    KieServices ks = KieServices.Factory.get();
    ReleaseId id =
        ks.newReleaseId("fi.viranomaisbotti", "rules", "1.0." + BUILDS.incrementAndGet() + "-" + version);
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(id);
    Map<String, String> corpusPath = new java.util.HashMap<>();
    for (RuleFile f : files) {
      // Drools expects a file's folder to match its package; the corpus keeps all rules in rules/.
      String name = f.path().substring(f.path().lastIndexOf('/') + 1);
      String kiePath = "src/main/resources/" + packageOf(f.text()).replace('.', '/') + "/" + name;
      corpusPath.put(kiePath, f.path());
      kfs.write(kiePath, withDialect(RuleLayers.apply(f.text()), dialect));
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      ks.getRepository().removeKieModule(id);
      List<String> messages = new ArrayList<>();
      for (Message m : errors) {
        messages.add(corpusPath.getOrDefault(m.getPath(), String.valueOf(m.getPath())) + " line " + m.getLine() + ": " + m.getText());
      }
      throw new RuleBaseException(messages);
    }
    return new RuleBase(ks.newKieContainer(id), id);
  }

  private static final java.util.regex.Pattern PACKAGE =
      java.util.regex.Pattern.compile("^\\s*package\\s+([\\w.]+)", java.util.regex.Pattern.MULTILINE);

  private static final java.util.regex.Pattern FILE_DIALECT =
      java.util.regex.Pattern.compile("^dialect\\s", java.util.regex.Pattern.MULTILINE);

  /**
   * The file with a file-wide {@code dialect} attribute after its package line, unless it names one
   * itself (at the start of a line, outside a rule); a rule's own {@code dialect} still wins.
   */
  static String withDialect(String drl, Dialect dialect) {
    if (FILE_DIALECT.matcher(drl).find()) {
      return drl;
    }
    String attribute = "dialect \"" + dialect.name().toLowerCase(java.util.Locale.ROOT) + "\"";
    java.util.regex.Matcher m = PACKAGE.matcher(drl);
    if (!m.find()) {
      return attribute + "\n" + drl;
    }
    // On the package's line, after a ';' that ends the package name (Drools reads the name to the
    // line's end otherwise), so that Drools' line numbers stay the file's own.
    boolean ended = drl.startsWith(";", m.end());
    int at = ended ? m.end() + 1 : m.end();
    return drl.substring(0, at) + (ended ? " " : "; ") + attribute + drl.substring(at);
  }

  private static String packageOf(String drl) {
    java.util.regex.Matcher m = PACKAGE.matcher(drl);
    return m.find() ? m.group(1) : "rules";
  }

  /** Runs the rules on the facts (signals and quantities) and returns what they concluded. */
  public Collection<Conclusion> evaluate(Collection<?> signals) {
    return run(signals, new Derivations());
  }

  /**
   * The ids of the items the rules conclude from the facts, needed or possible: the same rules
   * fire as in {@link #evaluate}, without gathering their reasons.
   */
  public Set<String> concludedIds(Collection<?> facts) {
    Set<String> ids = new HashSet<>();
    run(facts, new Derivations(false)).forEach(c -> ids.add(c.getId()));
    return ids;
  }

  private Collection<Conclusion> run(Collection<?> signals, Derivations out) {
    KieSession session = kieBase.newKieSession();
    try {
      session.setGlobal("out", out);
      signals.forEach(session::insert);
      int fired = session.fireAllRules(MAX_FIRINGS);
      if (fired >= MAX_FIRINGS) {
        throw new IllegalStateException(
            "The rules fired " + fired + " times without settling: two rules probably keep triggering each other");
      }
      return out.conclusions();
    } finally {
      session.dispose();
    }
  }

  /** The dialects the rules' consequences were compiled in, for tests. */
  Set<String> consequenceDialects() {
    Set<String> out = new HashSet<>();
    kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r ->
        out.add(((org.drools.base.definitions.rule.impl.RuleImpl) r).getDialect())));
    return out;
  }

  public int ruleCount() {
    return ruleCount;
  }

  /** Every rule with its metadata (statement, owner, source, status), for docs, editor and tests. */
  public List<RuleInfo> rules() {
    List<RuleInfo> out = new ArrayList<>();
    kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> out.add(RuleInfo.of(r))));
    return out;
  }

  @Override
  public void close() {
    container.dispose();
    KieServices.Factory.get().getRepository().removeKieModule(releaseId);
  }

  /** A rule's id and its plain-language metadata; status is REVIEWED or DRAFT (also when not written). */
  public record RuleInfo(String id, String statement, String owner, String source, String status) {
    static RuleInfo of(Rule r) {
      Map<String, Object> m = r.getMetaData();
      return new RuleInfo(
          r.getName(), Derivations.text(m.get("statement")), Derivations.text(m.get("owner")), Derivations.text(m.get("source")),
          "REVIEWED".equals(Derivations.text(m.get("status")).strip()) ? "REVIEWED" : "DRAFT");
    }
  }
}
