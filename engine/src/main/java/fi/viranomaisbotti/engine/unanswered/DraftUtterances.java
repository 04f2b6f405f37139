package fi.viranomaisbotti.engine.unanswered;

import fi.viranomaisbotti.engine.editor.DraftRepository;
import fi.viranomaisbotti.engine.editor.KnowledgeVersionRepository;
import java.util.Map;
import java.util.Objects;

/**
 * Appends example utterances to the shared draft's {@link UnansweredConversion#UTTERANCE_FILE}:
 * utterance files hold no items with ids of their own, so the editor's item routes do not reach
 * them. The file is taken as the draft has it, else as the live version has it, else started; the
 * append is one draft update, so it never loses another editor's change. Thread-safe.
 */
public final class DraftUtterances {
  private static final String HEADER = "# Esimerkkilauseet, jotka toimittajat lisäsivät vastaamatta jääneistä kysymyksistä.\n";

  private final KnowledgeVersionRepository versions;
  private final DraftRepository drafts;

  public DraftUtterances(KnowledgeVersionRepository versions, DraftRepository drafts) {
    this.versions = Objects.requireNonNull(versions, "versions");
    this.drafts = Objects.requireNonNull(drafts, "drafts");
  }

  /** @param entry a YAML list item {@code - event: …\n  examples: …} as {@link UnansweredConversion} writes it */
  public void append(String entry) {
    String path = UnansweredConversion.UTTERANCE_FILE;
    String live = versions.live().flatMap(v -> versions.files(v.number())).map(f -> f.get(path)).orElse(null);
    drafts.update(current -> {
      String now = current.files().containsKey(path) ? current.files().get(path) : live;
      String base = now == null || now.isBlank() ? HEADER : now.endsWith("\n") ? now : now + "\n";
      return new DraftRepository.Edit<Void>(false, Map.of(path, base + entry), null);
    });
  }
}
