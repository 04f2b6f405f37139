package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.FactSet;
import java.time.Instant;

/**
 * A conversation without its turns: enough to take the next turn.
 *
 * @param version the number of turns stored; each append raises it by one
 * @param language the language of the latest text turn ("fi", "sv", "en"), or "fi" before any
 */
public record ConversationHead(String id, Instant createdAt, int version, String language, FactSet facts) {}
