package fi.viranomaisbotti.knowledge;

/** Something in the knowledge base with a stable id, a Finnish name and provenance. */
public interface Item {
  String id();

  LocalizedText name();

  Meta meta();
}
