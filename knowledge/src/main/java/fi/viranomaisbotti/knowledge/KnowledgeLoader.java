package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns corpus files into a validated {@link KnowledgeSnapshot}. The layout below the corpus
 * root: {@code actors/}, {@code obligations/}, {@code services/}, {@code events/}, {@code
 * answers/}, {@code vocabulary/}, {@code questions/}, {@code situations/}, {@code utterances/},
 * {@code judgments/}
 * (YAML lists), {@code rules/} (DRL, each file with its examples in {@code <file>.examples.yaml}),
 * {@code regions/} and {@code codes/} (CSV).
 * Thread-safe.
 */
public final class KnowledgeLoader {
  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private final Clock clock;

  public KnowledgeLoader(Clock clock) {
    this.clock = clock;
  }

  public KnowledgeLoader() {
    this(Clock.systemUTC());
  }

  /**
   * The corpus's rule files as {@link #load} puts them into the snapshot, without reading
   * anything else: a start can compile them while the rest of the corpus loads.
   */
  public static List<RuleFile> ruleFiles(KnowledgeSource source) {
    List<RuleFile> rules = new ArrayList<>();
    source.files().forEach(
        (path, text) -> {
          if (path.startsWith("rules/") && path.endsWith(".drl")) {
            rules.add(new RuleFile(path, text));
          }
        });
    return rules;
  }

  /**
   * Loads and validates the corpus.
   *
   * @throws KnowledgeException listing every error found, each with file, item and fix
   */
  public KnowledgeSnapshot load(KnowledgeSource source) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> files = source.files();
    Map<String, String> fileOf = new LinkedHashMap<>();

    var actors = read(files, "actors/", Actor.class, Actor::id, fileOf, problems);
    var obligations = read(files, "obligations/", Obligation.class, Obligation::id, fileOf, problems);
    var services = read(files, "services/", Service.class, Service::id, fileOf, problems);
    var events = read(files, "events/", LifeEvent.class, LifeEvent::id, fileOf, problems);
    var answers = read(files, "answers/", Answer.class, Answer::id, fileOf, problems);
    var concepts = read(files, "vocabulary/", Concept.class, Concept::id, fileOf, problems);
    var questions = read(files, "questions/", Question.class, Question::id, fileOf, problems);
    var situations =
        read(files, "situations/", Situation.class, Situation::id, new LinkedHashMap<>(), problems);
    List<SearchJudgment> judgments = readList(files, "judgments/", SearchJudgment.class, problems);
    List<EventExamples> examples = readList(files, "utterances/", EventExamples.class, problems);
    Map<String, Municipality> municipalities = municipalities(files, problems);
    java.util.Set<String> ptvCodes = new java.util.HashSet<>();
    files.forEach(
        (path, text) -> {
          if (path.startsWith("codes/ptv-") && path.endsWith(".csv")) {
            Csv.read(path, text, List.of("code"), problems).forEach(row -> ptvCodes.add(row.get("code")));
          }
        });
    List<RuleFile> rules = ruleFiles(source);
    List<RuleExample> ruleExamples = ruleExamples(files, problems);

    String hash = hash(files);
    KnowledgeSnapshot candidate =
        new KnowledgeSnapshot(
            hash.substring(0, 12),
            hash,
            clock.instant(),
            actors,
            obligations,
            services,
            events,
            answers,
            concepts,
            questions,
            rules,
            ruleExamples,
            List.copyOf(situations.values()),
            examples,
            judgments,
            municipalities,
            ptvCodes,
            List.of());
    problems.addAll(
        new KnowledgeValidator(LocalDate.ofInstant(clock.instant(), clock.getZone()))
            .validate(candidate, fileOf));

    List<Problem> errors =
        problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      throw new KnowledgeException(errors);
    }
    return new KnowledgeSnapshot(
        candidate.version(),
        candidate.contentHash(),
        candidate.loadedAt(),
        actors,
        obligations,
        services,
        events,
        answers,
        concepts,
        questions,
        rules,
        ruleExamples,
        candidate.situations(),
        examples,
        judgments,
        municipalities,
        ptvCodes,
        problems);
  }

  private static <T> Map<String, T> read(
      Map<String, String> files,
      String folder,
      Class<T> type,
      Function<T, String> id,
      Map<String, String> fileOf,
      List<Problem> problems) {
    JavaType listType = YAML.getTypeFactory().constructCollectionType(List.class, type);
    Map<String, T> out = new LinkedHashMap<>();
    files.forEach(
        (path, text) -> {
          if (!path.startsWith(folder) || !(path.endsWith(".yaml") || path.endsWith(".yml"))) {
            return;
          }
          List<T> items;
          try {
            items = YAML.readValue(text, listType);
          } catch (JsonProcessingException e) {
            problems.add(
                Problem.error(
                    path,
                    "-",
                    "cannot be read as a list of "
                        + type.getSimpleName()
                        + ": "
                        + e.getOriginalMessage()
                        + location(e)));
            return;
          }
          if (items == null) {
            return;
          }
          for (T item : items) {
            String key = id.apply(item);
            if (key == null || key.isBlank()) {
              problems.add(Problem.error(path, "-", "an item has no id"));
            } else if (out.containsKey(key) || fileOf.containsKey(key)) {
              problems.add(
                  Problem.error(
                      path,
                      key,
                      "the id is already used in "
                          + fileOf.get(key)
                          + ": ids must be unique across the whole corpus"));
            } else {
              out.put(key, item);
              fileOf.put(key, path);
            }
          }
        });
    return out;
  }

  /** Items without ids of their own (judgments, utterances), in file order. */
  private static <T> List<T> readList(Map<String, String> files, String folder, Class<T> type, List<Problem> problems) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return List.copyOf(
        read(files, folder, type, item -> folder + n.incrementAndGet(), new LinkedHashMap<>(), problems).values());
  }

  /** Every {@code rules/*.examples.yaml} file's examples, each marked with its file. */
  private static List<RuleExample> ruleExamples(Map<String, String> files, List<Problem> problems) {
    List<RuleExample> out = new ArrayList<>();
    files.forEach(
        (path, text) -> {
          if (path.startsWith("rules/") && (path.endsWith(".examples.yaml") || path.endsWith(".examples.yml"))) {
            readList(Map.of(path, text), "rules/", RuleExample.class, problems)
                .forEach(e -> out.add(e.inFile(path)));
          }
        });
    return out;
  }

  private static final List<String> MUNICIPALITY_COLUMNS =
      List.of("code", "name_fi", "name_sv", "region", "vitality_centre", "employment_area", "wellbeing_county");

  private static Map<String, Municipality> municipalities(Map<String, String> files, List<Problem> problems) {
    Map<String, Municipality> out = new java.util.TreeMap<>();
    files.forEach(
        (path, text) -> {
          if (path.startsWith("regions/") && path.endsWith(".csv")) {
            for (Map<String, String> r : Csv.read(path, text, MUNICIPALITY_COLUMNS, problems)) {
              Map<String, Object> names = new LinkedHashMap<>();
              names.put("fi", r.get("name_fi"));
              if (!r.getOrDefault("name_sv", "").isBlank()) {
                names.put("sv", r.get("name_sv"));
              }
              out.put(
                  r.get("code"),
                  new Municipality(
                      r.get("code"),
                      LocalizedText.of(names),
                      r.get("region"),
                      r.get("vitality_centre"),
                      r.get("employment_area"),
                      r.get("wellbeing_county")));
            }
          }
        });
    return out;
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static String hash(Map<String, String> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      files.forEach(
          (path, text) -> {
            md.update(path.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(text.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
          });
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
