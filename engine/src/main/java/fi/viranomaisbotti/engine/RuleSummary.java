package fi.viranomaisbotti.engine;

/** A compiled rule as docs, the editor and tests see it: its id and what it states, by whom, on what source. */
public record RuleSummary(String id, String statement, String owner, String source) {}
