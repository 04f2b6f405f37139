package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.WordAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a knowledge runtime builds slowly and deterministically (the answer index, the trained
 * event classifier), kept on disk per knowledge content hash so that the next start reads it
 * instead of building it again. An entry's key is the content hash together with a fingerprint
 * of the code and of the morphology's answers, so a new jar, a new Voikko dictionary or changed
 * knowledge each miss. Every file of an entry is listed with its SHA-256 in a manifest written
 * last and checked on reading: a missing, damaged or unreadable entry is logged, deleted and
 * built again, never a failed start. Failing to write is logged and otherwise ignored. Thread-safe.
 */
final class KnowledgeCache {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeCache.class);

  /** No cache: every part is built. */
  static final KnowledgeCache NONE = new KnowledgeCache(null, "");

  /** Raised when what is cached changes shape, so that older entries are never read. */
  private static final String FORMAT = "knowledge-cache 1";

  /** The manifest: one line per file, "sha256 size name". */
  private static final String MANIFEST = "MANIFEST.sha256";

  /** Entries of this many knowledge versions are kept (the live one, and a few for rollbacks). */
  static final int KEEP = 4;

  /** Words whose analyses stand for the morphology's dictionary in the fingerprint. */
  private static final List<String> PROBE_WORDS = List.of(
      "sioista", "lihasikala", "Seinäjoella", "neuvoja", "anniskeluluvan", "elintarvikehuoneiston",
      "ympäristölupaa", "toiminimen", "Kelan", "yrittäjäeläkevakuutus");

  private final Path root;
  private final String fingerprint;

  private KnowledgeCache(Path root, String fingerprint) {
    this.root = root;
    this.fingerprint = fingerprint;
  }

  /**
   * A cache in the directory (created when first written). The fingerprint reads the location,
   * size and modification time of the code of this module, the analyser, Lucene and OpenNLP, and
   * the analyses of a few words.
   */
  static KnowledgeCache in(Path root, Morphology morphology) {
    if (Code.FINGERPRINT == null) {
      LOG.warn("The knowledge cache in {} is not used: the location of the code is unknown, so a cached part could"
          + " outlive the code that built it", root);
      return NONE;
    }
    return new KnowledgeCache(root, sha256(Code.FINGERPRINT + "\n" + morphologyFingerprint(morphology)));
  }

  /** The kinds of part kept, each a folder of an entry. */
  enum Part {
    ANSWER_INDEX("answer-index"),
    EVENT_CLASSIFIER("event-classifier");

    final String folder;

    Part(String folder) {
      this.folder = folder;
    }
  }

  /** Reads a part from a folder of files; any failure means the entry is unusable. */
  interface Reader<T> {
    T read(Path folder) throws IOException;
  }

  /** Writes a part into an empty folder. */
  interface Writer {
    void write(Path folder) throws IOException;
  }

  /**
   * The part cached for the snapshot, or empty when there is none or it is unusable (which is
   * logged, and the entry deleted so that it is written again).
   */
  <T> Optional<T> read(KnowledgeSnapshot snapshot, Part part, Reader<T> reader) {
    Path folder = folder(snapshot, part);
    if (folder == null || !Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try {
      verify(folder);
      T read = reader.read(folder);
      touch(folder.getParent());
      return Optional.of(read);
    } catch (IOException | RuntimeException e) {
      LOG.warn("The cached {} of knowledge {} in {} is unusable ({}); building it again", part.folder, snapshot.version(),
          folder, e.getMessage());
      delete(folder);
      return Optional.empty();
    }
  }

  /** Keeps a part for the snapshot unless it is kept already; failures are logged, not thrown. */
  void write(KnowledgeSnapshot snapshot, Part part, Writer writer) {
    Path folder = folder(snapshot, part);
    if (folder == null || Files.isDirectory(folder)) {
      return;
    }
    Path temporary = null;
    try {
      Files.createDirectories(folder.getParent());
      temporary = Files.createTempDirectory(folder.getParent(), "." + part.folder + "-");
      writer.write(temporary);
      writeManifest(temporary);
      try {
        Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, folder);
      }
      temporary = null;
      prune();
    } catch (FileAlreadyExistsException e) {
      // Another process wrote the same entry meanwhile: it is as good as ours.
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not keep the {} of knowledge {} in {} ({}); the next start builds it again", part.folder,
          snapshot.version(), folder, e.toString());
    } finally {
      if (temporary != null) {
        delete(temporary);
      }
    }
  }

  /** Where a part of the snapshot is kept, or null without a cache or a content hash. */
  Path folder(KnowledgeSnapshot snapshot, Part part) {
    if (root == null || snapshot.contentHash() == null || snapshot.contentHash().isBlank()) {
      return null;
    }
    String key = sha256(FORMAT + "\n" + snapshot.contentHash() + "\n" + fingerprint).substring(0, 32);
    return root.resolve(key).resolve(part.folder);
  }

  private static void writeManifest(Path folder) throws IOException {
    StringBuilder manifest = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        manifest.append(sha256(f)).append(' ').append(Files.size(f)).append(' ').append(f.getFileName()).append('\n');
      }
    }
    Files.writeString(folder.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
  }

  /** Checks every file against the manifest, and that no other file is there. */
  private static void verify(Path folder) throws IOException {
    Path manifest = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new IOException("it has no manifest");
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      String[] f = line.split(" ", 3);
      if (f.length != 3) {
        throw new IOException("its manifest has a malformed line '" + line + "'");
      }
      expected.put(f[2], f[0] + " " + f[1]);
    }
    List<String> present = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MANIFEST)).forEach(present::add);
    }
    if (!present.containsAll(expected.keySet()) || !expected.keySet().containsAll(present)) {
      throw new IOException("its files " + present + " are not those of its manifest " + expected.keySet());
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Path f = folder.resolve(e.getKey());
      String actual = sha256(f) + " " + Files.size(f);
      if (!actual.equals(e.getValue())) {
        throw new IOException("the file " + e.getKey() + " does not match its checksum");
      }
    }
  }

  /** Deletes all but the {@link #KEEP} most recently used entries, and temporary folders of a day or more. */
  private void prune() throws IOException {
    List<Path> entries;
    try (Stream<Path> all = Files.list(root)) {
      entries = all.filter(Files::isDirectory).sorted(Comparator.comparing(KnowledgeCache::modified).reversed()).toList();
    }
    for (int i = KEEP; i < entries.size(); i++) {
      delete(entries.get(i));
    }
    Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
    for (Path entry : entries.subList(0, Math.min(KEEP, entries.size()))) {
      try (Stream<Path> inside = Files.list(entry)) {
        inside.filter(p -> p.getFileName().toString().startsWith(".") && modified(p).toInstant().isBefore(dayAgo))
            .forEach(KnowledgeCache::delete);
      }
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static void touch(Path entry) {
    try {
      Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // Only the pruning order depends on it.
    }
  }

  private static void delete(Path path) {
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Could not delete {} from the knowledge cache ({})", path, e.toString());
    }
  }

  private static String morphologyFingerprint(Morphology morphology) {
    StringBuilder out = new StringBuilder(morphology.getClass().getName());
    for (String word : PROBE_WORDS) {
      out.append('\n').append(word);
      for (WordAnalysis a : morphology.analyse(word)) {
        out.append('|').append(a.lemma()).append(' ').append(a.pos()).append(' ').append(a.wordClass()).append(' ')
            .append(a.compoundParts()).append(' ').append(a.grammaticalCase());
      }
    }
    return out.toString();
  }

  private static String sha256(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The fingerprint of the code that builds the cached parts, computed once. */
  private static final class Code {
    static final String FINGERPRINT = of(List.of(
        KnowledgeCache.class, AnswerIndex.class, FinnishAnalyser.class, org.apache.lucene.index.IndexWriter.class,
        fi.viranomaisbotti.nlp.IntentClassifier.class));

    /**
     * Each distinct code location: a jar by path, size and time; a folder of classes by each file's.
     * Null when a location is unknown.
     */
    private static String of(List<Class<?>> anchors) {
      StringBuilder out = new StringBuilder();
      List<Path> locations = anchors.stream().map(Code::location).distinct().toList();
      if (locations.stream().anyMatch(java.util.Objects::isNull)) {
        return null;
      }
      locations.forEach(location -> {
        out.append(location).append('\n');
        try (Stream<Path> files = Files.isDirectory(location) ? Files.walk(location) : Stream.of(location)) {
          files.filter(Files::isRegularFile).sorted().forEach(f -> out.append(location.relativize(f)).append(' ')
              .append(size(f)).append(' ').append(modified(f).toMillis()).append('\n'));
        } catch (IOException e) {
          out.append("unreadable ").append(Instant.now()).append('\n');
        }
      });
      // OpenNLP sits beside the analyser; its version decides the classifier's model format.
      try {
        out.append(location(Class.forName("opennlp.tools.doccat.DoccatModel", false, KnowledgeCache.class.getClassLoader())));
      } catch (ClassNotFoundException e) {
        out.append("no opennlp");
      }
      return out.toString();
    }

    private static long size(Path f) {
      try {
        return Files.size(f);
      } catch (IOException e) {
        return -1;
      }
    }

    private static Path location(Class<?> c) {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return null;
      }
      try {
        return Path.of(source.getLocation().toURI());
      } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        return null;
      }
    }
  }
}
