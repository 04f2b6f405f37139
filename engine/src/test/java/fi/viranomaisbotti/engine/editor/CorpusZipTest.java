package fi.viranomaisbotti.engine.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class CorpusZipTest {
  private static final SortedMap<String, String> CORPUS = new TreeMap<>(Map.of(
      "corpus.yaml", "name: testi\n",
      "answers/kahvila.yaml", "- id: a-kahvila\n  name: Kahvilan perustaminen\n",
      "rules/ravintola.drl", "package rules;\n"));

  @Test
  void aVersionsFilesComeBackFromTheirZipUnchanged() {
    assertThat(CorpusZip.read(CorpusZip.write(CORPUS))).isEqualTo(CORPUS);
    assertThat(CorpusZip.write(CORPUS)).as("the same files zip to the same bytes").isEqualTo(CorpusZip.write(CORPUS));
  }

  @Test
  void theOneTopFolderOfAZipIsTakenOff() throws Exception {
    assertThat(CorpusZip.read(zip(Map.of("corpus/corpus.yaml", "name: testi\n", "corpus/answers/a.yaml", "[]\n"))))
        .containsOnlyKeys("corpus.yaml", "answers/a.yaml");
  }

  @Test
  void pathsThatClimbOutOrAreAbsoluteAndOtherFileTypesAreRefused() throws Exception {
    for (String bad : new String[] {"../corpus.yaml", "answers/../../etc/passwd.yaml", "/etc/x.yaml", "answers\\a.yaml", "answers//a.yaml"}) {
      assertThatThrownBy(() -> CorpusZip.read(zip(Map.of("corpus.yaml", "x: 1\n", bad, "x"))))
          .as(bad).isInstanceOfSatisfying(EditorException.class, e -> assertThat(e.reason()).isEqualTo(EditorException.Reason.BAD_ZIP_ENTRY));
    }
    assertThatThrownBy(() -> CorpusZip.read(zip(Map.of("corpus.yaml", "x: 1\n", "run.sh", "rm -rf /"))))
        .hasMessageContaining("run.sh").hasMessageContaining(".drl");
  }

  @Test
  void aBodyThatIsNotAZipOrHoldsNoCorpusIsABadZip() throws Exception {
    assertThatThrownBy(() -> CorpusZip.read("tämä ei ole zip".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(EditorException.class, e -> assertThat(e.reason()).isEqualTo(EditorException.Reason.BAD_ZIP));
    assertThatThrownBy(() -> CorpusZip.read(zip(Map.of("answers/a.yaml", "[]\n"))))
        .isInstanceOfSatisfying(EditorException.class, e -> assertThat(e.reason()).isEqualTo(EditorException.Reason.BAD_ZIP));
  }

  @Test
  void aZipThatUnpacksBeyondTheLimitStopsAtTheLimit() throws Exception {
    String big = "#".repeat(1024 * 1024);
    Map<String, String> files = new TreeMap<>();
    files.put("corpus.yaml", "x: 1\n");
    for (int i = 0; i < 17; i++) {
      files.put("answers/a" + i + ".yaml", big);
    }
    byte[] bomb = zip(files);
    assertThat(bomb.length).as("compresses well").isLessThan(CorpusZip.MAX_ZIP_BYTES);
    assertThatThrownBy(() -> CorpusZip.read(bomb))
        .isInstanceOfSatisfying(EditorException.class, e -> assertThat(e.reason()).isEqualTo(EditorException.Reason.ZIP_TOO_LARGE));
  }

  private static byte[] zip(Map<String, String> files) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        z.putNextEntry(new ZipEntry(f.getKey()));
        z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
