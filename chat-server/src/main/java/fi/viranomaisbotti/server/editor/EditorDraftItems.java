package fi.viranomaisbotti.server.editor;

import fi.viranomaisbotti.engine.editor.EditorException;
import fi.viranomaisbotti.engine.editor.ItemKind;
import fi.viranomaisbotti.engine.editor.KnowledgeEditor;
import fi.viranomaisbotti.engine.unanswered.DraftUtterances;
import fi.viranomaisbotti.engine.unanswered.UnansweredConversion;

/**
 * Converted groups of the unanswered queue into the shared draft: answers and concepts as new
 * items through the {@link KnowledgeEditor} (its checks: the id is free, the text reads), an
 * utterance appended for an event the draft has. The editor's refusals become the API's errors
 * as for the item routes. Thread-safe.
 */
public final class EditorDraftItems implements DraftItems {
  private final KnowledgeEditor editor;
  private final DraftUtterances utterances;

  public EditorDraftItems(KnowledgeEditor editor, DraftUtterances utterances) {
    this.editor = editor;
    this.utterances = utterances;
  }

  @Override
  public void add(UnansweredConversion.NewItem item, String by) {
    try {
      if (item.kind().equals("utterances")) {
        editor.item(ItemKind.EVENTS, item.id());
        utterances.append(item.text());
      } else {
        editor.post(ItemKind.of(item.kind()).orElseThrow(), item.text(), null, null);
      }
    } catch (EditorException e) {
      throw EditorHandlers.refusal(e);
    }
  }
}
