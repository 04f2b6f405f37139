package fi.viranomaisbotti.engine;

import java.util.List;

/**
 * One answer found for a query.
 *
 * @param text the citizen text
 * @param officialNotes notes for officials; null unless the audience is official
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
    String status) {}
