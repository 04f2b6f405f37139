package fi.viranomaisbotti.engine;

/**
 * A compiled rule as docs, the editor and tests see it: its id and what it states, by whom, on
 * what source, and whether that was checked against the source (REVIEWED) or not yet (DRAFT).
 */
public record RuleSummary(String id, String statement, String owner, String source, String status) {}
