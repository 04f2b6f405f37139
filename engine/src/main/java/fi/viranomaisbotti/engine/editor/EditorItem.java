package fi.viranomaisbotti.engine.editor;

/**
 * One item of the draft as an editor reads it.
 *
 * @param text the item's YAML as in its file (with the comment lines just above it), or a rule
 *     file's DRL
 * @param fields the item parsed (maps, lists and scalars), for forms
 * @param etag a hash of {@code text}, quoted as in an HTTP ETag
 * @param changed whether the draft's item differs from the live version's
 */
public record EditorItem(String kind, String id, String file, String text, Object fields, String etag, boolean changed) {}
