package fi.viranomaisbotti.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the corpus files as text, keyed by their path relative to the corpus root (always with
 * forward slashes). The root holds a marker file {@value #MARKER}.
 */
public final class KnowledgeSource {
  /** File that marks the root of a corpus. */
  public static final String MARKER = "corpus.yaml";

  private final String description;
  private final SortedMap<String, String> files;

  private KnowledgeSource(String description, SortedMap<String, String> files) {
    this.description = description;
    this.files = files;
  }

  /** Reads every file below a corpus directory on disk. */
  public static KnowledgeSource directory(Path root) {
    if (!Files.isRegularFile(root.resolve(MARKER))) {
      throw new IllegalArgumentException(
          "'" + root.toAbsolutePath() + "' is not a corpus directory: it has no " + MARKER);
    }
    return new KnowledgeSource(root.toAbsolutePath().toString(), readTree(root));
  }

  /**
   * Reads the corpus packaged on the class path under the given resource folder, e.g.
   * "corpus" for the files of the corpus module.
   */
  public static KnowledgeSource classpath(String folder, ClassLoader loader) {
    String marker = folder + "/" + MARKER;
    URL url = loader.getResource(marker);
    if (url == null) {
      throw new IllegalStateException(
          "No corpus on the class path: resource '" + marker + "' is missing. Is the corpus"
              + " module a dependency?");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        return new KnowledgeSource(uri.toString(), readJar(uri, folder));
      }
      return new KnowledgeSource(uri.toString(), readTree(Path.of(uri).getParent()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot read the corpus at " + url, e);
    }
  }

  /** Builds a source from in-memory files, for editors' previews and tests. */
  public static KnowledgeSource of(String description, Map<String, String> files) {
    return new KnowledgeSource(description, new TreeMap<>(files));
  }

  /**
   * The files below the folder of the jar that holds the resource, read as zip entries: the class
   * loader has the jar open already, where mounting it as a file system reads its whole directory
   * again (8 % of the main thread's samples in a JFR recording of a start, docs/benchmarks.md).
   */
  private static SortedMap<String, String> readJar(URI resource, String folder) {
    String spec = resource.getRawSchemeSpecificPart();
    int separator = spec.indexOf("!/");
    if (separator < 0) {
      throw new IllegalStateException("Cannot tell the jar of the corpus resource " + resource);
    }
    Path jar = Path.of(URI.create(spec.substring(0, separator)));
    String prefix = folder + "/";
    SortedMap<String, String> out = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
          try (InputStream in = file.getInputStream(entry)) {
            out.put(entry.getName().substring(prefix.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the corpus inside " + jar, e);
    }
    return out;
  }

  private static SortedMap<String, String> readTree(Path root) {
    SortedMap<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the corpus below " + root, e);
    }
    return out;
  }

  /** Where the files came from, for messages. */
  public String description() {
    return description;
  }

  /** All files, path → UTF-8 text, sorted by path. */
  public SortedMap<String, String> files() {
    return java.util.Collections.unmodifiableSortedMap(files);
  }
}
