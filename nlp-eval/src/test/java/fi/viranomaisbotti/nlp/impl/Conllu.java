package fi.viranomaisbotti.nlp.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the syntactic words of a CoNLL-U file, skipping multiword-token ranges and empty nodes. */
final class Conllu {
  /** One syntactic word with its gold annotation. */
  record Word(String form, String lemma, String upos, String feats) {
    boolean participle() {
      return feats.contains("VerbForm=Part");
    }
  }

  private Conllu() {}

  /**
   * The document of each sentence, in the order {@link #read} gives them: the sent_id without its
   * sentence number ("b204.3" → b204); sentences without one are each their own document.
   */
  static List<String> documents(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    String id = null;
    boolean inSentence = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("# sent_id = ")) {
        id = line.substring("# sent_id = ".length()).strip();
      } else if (line.isBlank()) {
        if (inSentence) {
          int dot = id == null ? -1 : id.lastIndexOf('.');
          out.add(id == null ? "sentence " + out.size() : dot > 0 ? id.substring(0, dot) : id);
          id = null;
          inSentence = false;
        }
      } else if (!line.startsWith("#")) {
        inSentence = true;
      }
    }
    if (inSentence) {
      out.add(id == null ? "sentence " + out.size() : id.contains(".") ? id.substring(0, id.lastIndexOf('.')) : id);
    }
    return out;
  }

  static List<List<Word>> read(Path file) throws IOException {
    List<List<Word>> sentences = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          sentences.add(List.copyOf(current));
          current.clear();
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 6) {
        throw new IOException("Not a CoNLL-U word line in " + file + ": '" + line + "'");
      }
      if (f[0].contains("-") || f[0].contains(".")) {
        continue;
      }
      current.add(new Word(f[1], f[2], f[3], f[5]));
    }
    if (!current.isEmpty()) {
      sentences.add(List.copyOf(current));
    }
    return sentences;
  }
}
