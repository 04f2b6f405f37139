package fi.viranomaisbotti.server.editor;

import fi.viranomaisbotti.engine.editor.EditorException;
import fi.viranomaisbotti.engine.editor.ItemKind;
import fi.viranomaisbotti.engine.editor.KnowledgeEditor;
import fi.viranomaisbotti.engine.unanswered.UnansweredConversion;

/**
 * Converted groups of the unanswered queue into the shared draft through the
 * {@link KnowledgeEditor}: answers and concepts as new items (its checks: the id is free, the text
 * reads), an utterance appended to the draft's {@link UnansweredConversion#UTTERANCE_FILE} for an
 * event the draft has. The editor's refusals become the API's errors as for the item routes.
 * Thread-safe.
 */
public final class EditorDraftItems implements DraftItems {
  private static final String HEADER =
      "# Esimerkkilauseet, jotka toimittajat lisäsivät vastaamatta jääneistä kysymyksistä.\n";

  private final KnowledgeEditor editor;

  public EditorDraftItems(KnowledgeEditor editor) {
    this.editor = editor;
  }

  @Override
  public void add(UnansweredConversion.NewItem item, String by) {
    try {
      if (item.kind().equals("utterances")) {
        editor.item(ItemKind.EVENTS, item.id());
        editor.changeFile(UnansweredConversion.UTTERANCE_FILE, now ->
            (now == null || now.isBlank() ? HEADER : now.endsWith("\n") ? now : now + "\n") + item.text());
      } else {
        editor.post(ItemKind.of(item.kind()).orElseThrow(), item.text(), null, null);
      }
    } catch (EditorException e) {
      throw EditorHandlers.refusal(e);
    }
  }
}
