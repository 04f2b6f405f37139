package fi.viranomaisbotti.engine;

import java.util.List;

/**
 * One answer found for a query.
 *
 * @param text the citizen text
 * @param snippet the passage of the citizen text that best matches the query, as plain text
 * @param officialNotes notes for officials; null unless the audience is official
 * @param highlights [start, end) character ranges of the matched words in the snippet
 * @param relatedItems the related items with their kind and Finnish name, in the order of {@code
 *     related}
 */
public record AnswerHit(
    String id,
    String title,
    String snippet,
    float score,
    String text,
    String officialNotes,
    List<String> related,
    String source,
    String status,
    List<int[]> highlights,
    List<RelatedItem> relatedItems) {}
