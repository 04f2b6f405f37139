package fi.viranomaisbotti.knowledge;

/** A rule file of the corpus (Drools DRL), kept as text: this module does not compile rules. */
public record RuleFile(String path, String text) {}
