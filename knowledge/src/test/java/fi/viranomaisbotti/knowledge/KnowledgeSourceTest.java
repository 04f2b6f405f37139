package fi.viranomaisbotti.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeSourceTest {
  @TempDir Path dir;

  @Test
  void aCorpusPackagedInAJarIsReadAsTheSameFilesAsTheFolderItCameFrom() throws IOException {
    Map<String, String> files = Map.of(
        KnowledgeSource.MARKER, "version: 1\n",
        "rules/elintarvikkeet.drl", "package rules;\n// Elintarvikehuoneisto ilmoitetaan kuntaan.\n",
        "answers/anniskelu.yaml", "- id: anniskelulupa\n  text: \"Anniskeluun tarvitaan lupa, ei ilmoitus.\"\n");
    Path folder = dir.resolve("tree/corpus");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.createDirectories(folder.resolve(f.getKey()).getParent());
      Files.writeString(folder.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    Path jar = dir.resolve("sisältö kansio/palvelin.jar");
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("corpus/"));
      out.putNextEntry(new JarEntry("corpus/rules/"));
      for (Map.Entry<String, String> f : files.entrySet()) {
        write(out, "corpus/" + f.getKey(), f.getValue());
      }
      // Neighbours of the folder that are not the corpus.
      write(out, "corpusx/answers/muu.yaml", "- id: muu\n");
      write(out, "public/index.html", "<!doctype html>");
    }

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      KnowledgeSource packaged = KnowledgeSource.classpath("corpus", loader);

      assertThat(packaged.files()).isEqualTo(KnowledgeSource.directory(folder).files()).isEqualTo(files);
      assertThat(packaged.description()).startsWith("jar:").endsWith("!/corpus/" + KnowledgeSource.MARKER);
    }
  }

  private static void write(JarOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
