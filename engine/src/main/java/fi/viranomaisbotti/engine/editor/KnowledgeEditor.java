package fi.viranomaisbotti.engine.editor;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.RuleBaseException;
import fi.viranomaisbotti.engine.editor.EditorException.Reason;
import fi.viranomaisbotti.engine.editor.EditorViews.Change;
import fi.viranomaisbotti.engine.editor.EditorViews.DraftSummary;
import fi.viranomaisbotti.engine.editor.EditorViews.FileChange;
import fi.viranomaisbotti.engine.editor.EditorViews.ItemSummary;
import fi.viranomaisbotti.engine.editor.EditorViews.Published;
import fi.viranomaisbotti.engine.editor.EditorViews.Saved;
import fi.viranomaisbotti.knowledge.KnowledgeException;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.knowledge.RuleFile;
import fi.viranomaisbotti.knowledge.RuleText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge editor: a shared draft over the live version, edited item by item with
 * optimistic locking, previewed against the live version, published with an atomic swap of the
 * navigator's knowledge and rolled back by publishing an earlier version again. Versions and the
 * draft are kept in the repositories, so a restart serves the live version and keeps the draft.
 * Thread-safe: item writes are atomic in the draft repository; publishes and rollbacks of this
 * node run one at a time.
 */
public final class KnowledgeEditor {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeEditor.class);
  private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,78}[a-z0-9]");
  private static final int MAX_MESSAGE = 500;
  /** Who stored a packaged corpus. */
  public static final String SYSTEM = "system";

  private final Navigator navigator;
  private final KnowledgeVersionRepository versions;
  private final DraftRepository drafts;
  private final Clock clock;
  private final KnowledgeLoader loader;
  private final Object publishing = new Object();
  /** The live version's files, by version number: a version's files never change. */
  private volatile Map.Entry<Integer, SortedMap<String, String>> liveCache;

  public KnowledgeEditor(Navigator navigator, KnowledgeVersionRepository versions, DraftRepository drafts, Clock clock) {
    this.navigator = navigator;
    this.versions = versions;
    this.drafts = drafts;
    this.clock = clock;
    this.loader = new KnowledgeLoader(clock);
  }

  /**
   * The files a starting server loads: the packaged corpus when it is new (the first start, or a
   * release with other corpus files), stored then as a new live version; otherwise the live
   * version's files.
   */
  public static SortedMap<String, String> startingFiles(KnowledgeVersionRepository versions, KnowledgeSource packaged, Clock clock) {
    SortedMap<String, String> files = new TreeMap<>(packaged.files());
    String hash = contentHash(files);
    if (!versions.packaged(hash)) {
      boolean first = versions.live().isEmpty();
      KnowledgeVersion v = versions.publish(files, hash, SYSTEM, clock.instant(),
          first ? "Packaged corpus" : "Packaged corpus of a new release", KnowledgeVersion.PACKAGE);
      LOG.info("Stored the packaged corpus as knowledge version {} ({})", v.number(), hash.substring(0, 12));
      return files;
    }
    KnowledgeVersion live = versions.live().orElseThrow();
    return versions.files(live.number()).orElseThrow();
  }

  /**
   * Stores the packaged corpus as version 1 when no version is stored yet (a server started
   * without {@link #startingFiles}, as tests do), and warns when the navigator serves other
   * knowledge than the live version.
   */
  public void seedIfEmpty(Supplier<KnowledgeSource> packaged) {
    if (versions.live().isEmpty()) {
      startingFiles(versions, packaged.get(), clock);
    }
    KnowledgeVersion live = versions.live().orElseThrow();
    if (!live.hash().equals(navigator.knowledge().contentHash())) {
      LOG.warn("The server serves knowledge {}, but the live stored version {} is {}: the editor edits the stored one",
          navigator.knowledge().version(), live.number(), live.hash().substring(0, 12));
    }
  }

  // ---- versions

  public List<KnowledgeVersion> versions() {
    return versions.list();
  }

  /** A version's files as a zip, at their corpus paths. */
  public byte[] export(int version) {
    return CorpusZip.write(versions.files(version).orElseThrow(() -> versionNotFound(version)));
  }

  // ---- draft

  public DraftSummary draft() {
    return summary(drafts.read());
  }

  /** Replaces the draft with a zip's corpus files. */
  public DraftSummary importZip(byte[] zip) {
    SortedMap<String, String> imported = CorpusZip.read(zip);
    SortedMap<String, String> live = liveFiles();
    drafts.update(current -> {
      Map<String, String> changes = new LinkedHashMap<>();
      TreeSet<String> paths = new TreeSet<>(live.keySet());
      paths.addAll(imported.keySet());
      for (String p : paths) {
        String text = imported.get(p);
        if (!java.util.Objects.equals(text, live.get(p))) {
          changes.put(p, text);
        }
      }
      return new DraftRepository.Edit<>(true, changes, null);
    });
    return draft();
  }

  /** Empties the draft: every item is the live version's again. */
  public void discard() {
    drafts.update(current -> new DraftRepository.Edit<>(true, Map.of(), null));
  }

  // ---- items

  public List<ItemSummary> items(ItemKind kind, String query) {
    SortedMap<String, String> live = liveFiles();
    SortedMap<String, String> files = apply(live, drafts.read());
    Map<String, String> liveTexts = texts(kind, live);
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    List<ItemSummary> out = new ArrayList<>();
    files.forEach((path, text) -> {
      if (!kind.holds(path)) {
        return;
      }
      if (kind == ItemKind.RULES) {
        String id = ruleId(path);
        if (q.isEmpty() || id.contains(q)) {
          out.add(new ItemSummary(id, id, null, path, !text.equals(liveTexts.get(id))));
        }
        return;
      }
      for (YamlItems.Block b : YamlItems.blocks(text)) {
        if (b.id() == null) {
          continue;
        }
        JsonNode fields = YamlItems.single(b.text()).orElseThrow();
        String name = name(fields);
        if (q.isEmpty() || b.id().toLowerCase(Locale.ROOT).contains(q) || name.toLowerCase(Locale.ROOT).contains(q)) {
          JsonNode status = fields.path("meta").path("status");
          out.add(new ItemSummary(b.id(), name, status.isTextual() ? status.asText() : null, path,
              !b.text().equals(liveTexts.get(b.id()))));
        }
      }
    });
    return out;
  }

  public EditorItem item(ItemKind kind, String id) {
    SortedMap<String, String> live = liveFiles();
    return find(kind, id, apply(live, drafts.read()), live).orElseThrow(() -> notFound(kind, id));
  }

  /**
   * Replaces an item in the draft if it is still the text the editor read.
   *
   * @param ifMatch the ETag the editor read, with or without quotes
   * @throws EditorException IF_MATCH_REQUIRED without one, STALE_ITEM (with the current item)
   *     when the item changed since, ITEM_INVALID (nothing stored) when the text is not one item
   *     with this id or its file no longer reads
   */
  public Saved put(ItemKind kind, String id, String ifMatch, String text) {
    requireIfMatch(ifMatch);
    String entry = entryText(kind, id, text);
    return drafts.update(current -> {
      SortedMap<String, String> live = liveFiles();
      SortedMap<String, String> files = apply(live, current);
      EditorItem found = find(kind, id, files, live).orElseThrow(() -> notFound(kind, id));
      checkFresh(found, ifMatch);
      String path = found.file();
      String newFile = kind == ItemKind.RULES
          ? entry
          : YamlItems.replace(files.get(path), YamlItems.find(files.get(path), id).orElseThrow(), entry);
      files.put(path, newFile);
      List<EditorProblem> problems = problemsOfWrite(files, path, id);
      EditorItem saved = find(kind, id, files, live).orElseThrow();
      return new DraftRepository.Edit<>(false, Map.of(path, newFile), new Saved(saved, problems));
    });
  }

  /**
   * Adds an item to the draft.
   *
   * @param file the YAML file to append to (default {@code <folder>/toimitus.yaml}); ignored for rules
   * @param ruleId the new rule file's name without ".drl"; for rules only
   */
  public Saved post(ItemKind kind, String text, String file, String ruleId) {
    String id;
    String path;
    String entry;
    if (kind == ItemKind.RULES) {
      if (ruleId == null || !RULE_ID.matcher(ruleId).matches()) {
        throw invalid("rules/", "-", "id", "a new rule file needs an id: lower-case letters, digits and hyphens, e.g. 'kahvila-anniskelu'");
      }
      id = ruleId;
      path = "rules/" + id + ".drl";
      entry = entryText(kind, id, text);
    } else {
      entry = YamlItems.asEntry(requireText(text));
      YamlItems.notOneEntry(entry).ifPresent(why -> {
        throw invalid(kind.folder(), "-", null, why);
      });
      id = YamlItems.idOf(entry).orElseThrow();
      path = file == null || file.isBlank() ? kind.folder() + "toimitus.yaml" : file.strip();
      if (!kind.holds(path) || !CorpusZip.safePath(path)) {
        throw invalid(path, id, "file", "the file must be a YAML file in " + kind.folder() + ", e.g. " + kind.folder() + "toimitus.yaml");
      }
    }
    return drafts.update(current -> {
      SortedMap<String, String> live = liveFiles();
      SortedMap<String, String> files = apply(live, current);
      if (kind == ItemKind.RULES ? files.containsKey(path) : idTaken(files, id)) {
        throw new EditorException(Reason.ITEM_EXISTS, "The id '" + id + "' is already used in the draft: ids are unique across"
            + " the corpus. Edit that item, or choose another id.");
      }
      String newFile = kind == ItemKind.RULES ? entry : YamlItems.append(files.get(path), entry);
      files.put(path, newFile);
      List<EditorProblem> problems = problemsOfWrite(files, path, id);
      EditorItem saved = find(kind, id, files, live).orElseThrow();
      return new DraftRepository.Edit<>(false, Map.of(path, newFile), new Saved(saved, problems));
    });
  }

  /** Removes an item from the draft if it is still the text the editor read. */
  public void delete(ItemKind kind, String id, String ifMatch) {
    requireIfMatch(ifMatch);
    drafts.update(current -> {
      SortedMap<String, String> live = liveFiles();
      SortedMap<String, String> files = apply(live, current);
      EditorItem found = find(kind, id, files, live).orElseThrow(() -> notFound(kind, id));
      checkFresh(found, ifMatch);
      String path = found.file();
      Map<String, String> write = new LinkedHashMap<>();
      write.put(path, kind == ItemKind.RULES ? null
          : YamlItems.remove(files.get(path), YamlItems.find(files.get(path), id).orElseThrow()));
      return new DraftRepository.Edit<>(false, write, null);
    });
  }

  /**
   * Changes one corpus file of the draft that holds no editable items (an utterance list, search
   * judgments), atomically and validated as an item write is: the change gets the file's text in the
   * draft (null when there is none) and gives its new text.
   *
   * @return the draft's problems that concern the file
   * @throws EditorException ITEM_INVALID (nothing stored) when the path is not a plain corpus YAML
   *     path outside the item folders, or the file no longer reads
   */
  public List<EditorProblem> changeFile(String path, java.util.function.UnaryOperator<String> change) {
    if (!CorpusZip.safePath(path) || !(path.endsWith(".yaml") || path.endsWith(".yml")) || ItemKind.ofFile(path).isPresent()) {
      throw invalid(path, "-", null, "only YAML files without editable items (utterances/, judgments/) change as files;"
          + " change items through their kind");
    }
    return drafts.update(current -> {
      SortedMap<String, String> files = apply(liveFiles(), current);
      String text = change.apply(files.get(path));
      if (text == null || text.equals(files.get(path))) {
        return DraftRepository.Edit.none(List.<EditorProblem>of());
      }
      files.put(path, text);
      List<EditorProblem> problems = problemsOfWrite(files, path, "-");
      return new DraftRepository.Edit<>(false, Map.of(path, text), problems);
    });
  }

  // ---- preview, publish, rollback

  /** Loads and compiles the draft beside the live version and compares the two. */
  public Preview preview() {
    DraftRepository.Draft draft = drafts.read();
    int base = liveVersion().number();
    SortedMap<String, String> files = apply(liveFiles(), draft);
    KnowledgeSnapshot snapshot;
    try {
      snapshot = loader.load(KnowledgeSource.of("draft", files));
    } catch (KnowledgeException e) {
      return Preview.invalid(problems(e), base, draft.revision());
    }
    try (Navigator preview = navigator.preview(snapshot)) {
      return Preview.compare(navigator, preview, warnings(snapshot), base, draft.revision());
    } catch (RuleBaseException e) {
      return Preview.invalid(e.messages().stream().map(EditorProblem::ofRuleMessage).toList(), base, draft.revision());
    }
  }

  /**
   * Publishes the draft: validates and compiles it, swaps it in and stores it as the live version.
   *
   * @throws EditorException DRAFT_EMPTY, or KNOWLEDGE_INVALID with the problems (the live
   *     version keeps serving)
   */
  public Published publish(String message, String by) {
    String why = requireMessage(message);
    synchronized (publishing) {
      DraftRepository.Draft draft = drafts.read();
      SortedMap<String, String> live = liveFiles();
      SortedMap<String, String> files = apply(live, draft);
      if (files.equals(live)) {
        throw new EditorException(Reason.DRAFT_EMPTY, "The draft has no changes to publish: edit an item first.");
      }
      Published published = swapIn(files, by, why, KnowledgeVersion.PUBLISH);
      drafts.clearUpTo(draft.revision());
      return published;
    }
  }

  /** Publishes an earlier version's files again as a new version; the draft is kept. */
  public Published rollback(int version, String by) {
    synchronized (publishing) {
      SortedMap<String, String> files = versions.files(version).orElseThrow(() -> versionNotFound(version));
      return swapIn(files, by, "Rollback to version " + version, KnowledgeVersion.ROLLBACK);
    }
  }

  private Published swapIn(SortedMap<String, String> files, String by, String message, String origin) {
    KnowledgeSnapshot snapshot;
    try {
      snapshot = loader.load(KnowledgeSource.of("draft", files));
    } catch (KnowledgeException e) {
      throw new EditorException(Reason.KNOWLEDGE_INVALID, "The knowledge has " + e.problems().size()
          + " error(s) and was not published; the live version keeps serving. Correct them and publish again.", problems(e), null);
    }
    KnowledgeSnapshot before = navigator.knowledge();
    try {
      navigator.publish(snapshot);
    } catch (RuleBaseException e) {
      throw new EditorException(Reason.KNOWLEDGE_INVALID, "The rules do not compile, so nothing was published; the live"
          + " version keeps serving. Correct the DRL and publish again.",
          e.messages().stream().map(EditorProblem::ofRuleMessage).toList(), null);
    }
    KnowledgeVersion stored;
    try {
      stored = versions.publish(new TreeMap<>(files), snapshot.contentHash(), by, clock.instant(), message, origin);
    } catch (RuntimeException e) {
      // Not stored, so not live: the server goes back to what the stored live version holds.
      navigator.publish(before);
      throw e;
    }
    liveCache = Map.entry(stored.number(), new TreeMap<>(files));
    LOG.info("Knowledge version {} ({}) published by {} is live", stored.number(), stored.hash().substring(0, 12), by);
    return new Published(stored.number(), stored.hash(), stored.at());
  }

  // ---- helpers

  private KnowledgeVersion liveVersion() {
    return versions.live().orElseThrow(() -> new EditorException(Reason.NO_VERSIONS,
        "No knowledge version is stored yet; restart the server so that it stores its corpus as version 1."));
  }

  /** The live version's files (cached by version number). */
  SortedMap<String, String> liveFiles() {
    KnowledgeVersion live = liveVersion();
    Map.Entry<Integer, SortedMap<String, String>> cached = liveCache;
    if (cached != null && cached.getKey() == live.number()) {
      return new TreeMap<>(cached.getValue());
    }
    SortedMap<String, String> files = versions.files(live.number()).orElseThrow();
    liveCache = Map.entry(live.number(), files);
    return new TreeMap<>(files);
  }

  private static SortedMap<String, String> apply(SortedMap<String, String> live, DraftRepository.Draft draft) {
    SortedMap<String, String> out = new TreeMap<>(live);
    draft.files().forEach((path, text) -> {
      if (text == null) {
        out.remove(path);
      } else {
        out.put(path, text);
      }
    });
    return out;
  }

  private DraftSummary summary(DraftRepository.Draft draft) {
    SortedMap<String, String> live = liveFiles();
    SortedMap<String, String> files = apply(live, draft);
    List<Change> changes = new ArrayList<>();
    List<FileChange> fileChanges = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(draft.files().keySet());
    for (String path : paths) {
      String before = live.get(path);
      String after = files.get(path);
      if (java.util.Objects.equals(before, after)) {
        continue;
      }
      String type = before == null ? "ADDED" : after == null ? "REMOVED" : "CHANGED";
      fileChanges.add(new FileChange(path, type));
      Optional<ItemKind> kind = ItemKind.ofFile(path);
      if (kind.isEmpty()) {
        changes.add(new Change("files", path, type));
      } else if (kind.get() == ItemKind.RULES) {
        changes.add(new Change(kind.get().wire(), ruleId(path), type));
      } else {
        Map<String, String> a = blockTexts(before);
        Map<String, String> b = blockTexts(after);
        TreeSet<String> ids = new TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        for (String id : ids) {
          if (!a.containsKey(id)) {
            changes.add(new Change(kind.get().wire(), id, "ADDED"));
          } else if (!b.containsKey(id)) {
            changes.add(new Change(kind.get().wire(), id, "REMOVED"));
          } else if (!a.get(id).equals(b.get(id))) {
            changes.add(new Change(kind.get().wire(), id, "CHANGED"));
          }
        }
      }
    }
    List<EditorProblem> problems = validate(files);
    return new DraftSummary(liveVersion().number(), draft.revision(), changes, fileChanges,
        problems.stream().noneMatch(EditorProblem::isError), problems);
  }

  private static Map<String, String> blockTexts(String file) {
    Map<String, String> out = new LinkedHashMap<>();
    if (file != null) {
      YamlItems.blocks(file).stream().filter(b -> b.id() != null).forEach(b -> out.put(b.id(), b.text()));
    }
    return out;
  }

  /** Id → item text of a kind in a set of files. */
  private static Map<String, String> texts(ItemKind kind, SortedMap<String, String> files) {
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((path, text) -> {
      if (kind.holds(path)) {
        if (kind == ItemKind.RULES) {
          out.put(ruleId(path), text);
        } else {
          out.putAll(blockTexts(text));
        }
      }
    });
    return out;
  }

  private static Optional<EditorItem> find(ItemKind kind, String id, SortedMap<String, String> files, SortedMap<String, String> live) {
    if (kind == ItemKind.RULES) {
      String path = "rules/" + id + ".drl";
      String text = files.get(path);
      return text == null ? Optional.empty()
          : Optional.of(new EditorItem(kind.wire(), id, path, text, ruleFields(path, text), etag(text), !text.equals(live.get(path))));
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (!kind.holds(f.getKey())) {
        continue;
      }
      Optional<YamlItems.Block> b = YamlItems.find(f.getValue(), id);
      if (b.isPresent()) {
        String text = b.get().text();
        String liveFile = live.get(f.getKey());
        boolean changed = liveFile == null || YamlItems.find(liveFile, id).map(l -> !l.text().equals(text)).orElse(true);
        Object fields = YamlItems.YAML.convertValue(YamlItems.single(text).orElseThrow(), Object.class);
        return Optional.of(new EditorItem(kind.wire(), id, f.getKey(), text, fields, etag(text), changed));
      }
    }
    return Optional.empty();
  }

  private static Map<String, Object> ruleFields(String path, String text) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (RuleText.Declared d : RuleText.read(new RuleFile(path, text))) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", d.name());
      r.put("line", d.line());
      r.put("concludes", d.targets().stream().map(t -> t.kind() + " " + t.id()).toList());
      rules.add(r);
    }
    return Map.of("rules", rules);
  }

  private static boolean idTaken(SortedMap<String, String> files, String id) {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Optional<ItemKind> kind = ItemKind.ofFile(f.getKey());
      if (kind.isPresent() && kind.get() != ItemKind.RULES && YamlItems.find(f.getValue(), id).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The draft's problems after a write that concern the written item or its file; refuses the
   * write (ITEM_INVALID) when the file no longer reads as a list of its kind.
   */
  private List<EditorProblem> problemsOfWrite(SortedMap<String, String> files, String path, String id) {
    List<EditorProblem> all = validate(files);
    List<EditorProblem> unreadable = all.stream()
        .filter(p -> p.isError() && p.file().equals(path) && p.item().equals("-")).toList();
    if (!unreadable.isEmpty()) {
      throw new EditorException(Reason.ITEM_INVALID, "The item does not read as an item of its kind, so nothing was"
          + " stored: " + unreadable.get(0).message(), unreadable, null);
    }
    return all.stream().filter(p -> p.file().equals(path) || p.item().equals(id)).toList();
  }

  /** Every problem of a set of files: the errors that stop loading, or the warnings of a load. */
  private List<EditorProblem> validate(SortedMap<String, String> files) {
    try {
      return warnings(loader.load(KnowledgeSource.of("draft", files)));
    } catch (KnowledgeException e) {
      return problems(e);
    }
  }

  private static List<EditorProblem> problems(KnowledgeException e) {
    return e.problems().stream().map(EditorProblem::of).toList();
  }

  private static List<EditorProblem> warnings(KnowledgeSnapshot s) {
    return s.warnings().stream().map(EditorProblem::of).toList();
  }

  private static String entryText(ItemKind kind, String id, String text) {
    String t = requireText(text);
    if (kind == ItemKind.RULES) {
      return t.endsWith("\n") ? t : t + "\n";
    }
    String entry = YamlItems.asEntry(t);
    YamlItems.notOneEntry(entry).ifPresent(why -> {
      throw invalid(kind.folder(), id, null, why);
    });
    String written = YamlItems.idOf(entry).orElseThrow();
    if (!written.equals(id)) {
      throw invalid(kind.folder(), id, "id", "the text's id '" + written + "' is not this item's id '" + id
          + "'; to rename an item, add it with the new id and remove this one");
    }
    return entry;
  }

  private static String requireText(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("-", "-", null, "the item's text is empty: send its YAML (or a rule file's DRL) in 'text'");
    }
    return text;
  }

  private static String requireMessage(String message) {
    if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) {
      throw new EditorException(Reason.MISSING_MESSAGE, "A publish needs a message of 1 to " + MAX_MESSAGE
          + " characters saying what changed and why: {\"message\": \"…\"}.");
    }
    return message.strip();
  }

  private static void requireIfMatch(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new EditorException(Reason.IF_MATCH_REQUIRED, "A change needs the If-Match header with the item's ETag from"
          + " GET, so that it cannot overwrite someone else's change unseen.");
    }
  }

  private static void checkFresh(EditorItem found, String ifMatch) {
    if (!bare(found.etag()).equals(bare(ifMatch))) {
      throw new EditorException(Reason.STALE_ITEM, "The item '" + found.id() + "' was changed by someone else after"
          + " you read it, so nothing was stored. Compare with the current item, then send your change again with its ETag.",
          List.of(), found);
    }
  }

  private static String bare(String etag) {
    String e = etag.strip();
    if (e.startsWith("W/")) {
      e = e.substring(2);
    }
    return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
  }

  private static EditorException invalid(String file, String item, String field, String message) {
    return new EditorException(Reason.ITEM_INVALID, "The item was not stored: " + message + ".",
        List.of(EditorProblem.error(file, item, field, message, null)), null);
  }

  private static EditorException notFound(ItemKind kind, String id) {
    return new EditorException(Reason.ITEM_NOT_FOUND, "The draft has no " + kind.wire() + " item '" + id
        + "'; GET /api/v1/knowledge/items/" + kind.wire() + " lists them.");
  }

  private static EditorException versionNotFound(int version) {
    return new EditorException(Reason.VERSION_NOT_FOUND, "No knowledge version " + version
        + " is stored; GET /api/v1/knowledge/versions lists them.");
  }

  private static String name(JsonNode item) {
    JsonNode n = item.path("name");
    if (n.isTextual()) {
      return n.asText();
    }
    return n.path("fi").isTextual() ? n.path("fi").asText() : item.path("id").asText();
  }

  private static String ruleId(String path) {
    return path.substring("rules/".length(), path.length() - ".drl".length());
  }

  /** A quoted hash of a text, as an HTTP entity tag. */
  static String etag(String text) {
    return "\"" + sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"";
  }

  /** SHA-256 over every file's path and text, as the knowledge loader computes it. */
  public static String contentHash(SortedMap<String, String> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      files.forEach((path, text) -> {
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

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
