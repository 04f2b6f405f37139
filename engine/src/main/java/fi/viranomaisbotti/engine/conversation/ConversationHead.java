package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.FactSet;
import java.time.Instant;

/**
 * A conversation without its turns: enough to check who may take the next turn and to take it.
 *
 * @param version the number of turns stored; each append raises it by one
 * @param language the language of the latest text turn ("fi", "sv", "en"), or "fi" before any
 * @param resumeTokenHash the SHA-256 of the conversation's resume token as 64 hex digits; null for
 *     a conversation stored before resume tokens existed, which can no longer be resumed
 * @param storedCharacters the characters of text its turns hold, for the cap on a conversation
 */
public record ConversationHead(
    String id, Instant createdAt, int version, String language, FactSet facts, String resumeTokenHash,
    long storedCharacters) {}
