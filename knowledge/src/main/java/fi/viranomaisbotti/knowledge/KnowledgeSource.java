package fi.viranomaisbotti.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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
        FileSystem fs = jarFileSystem(uri);
        return new KnowledgeSource(uri.toString(), readTree(fs.getPath(folder)));
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

  private static FileSystem jarFileSystem(URI uri) {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the corpus inside " + uri, e);
    }
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
