package fi.viranomaisbotti.knowledge;

/** Who may read a text: everyone, or officials only. */
public enum Audience {
  CITIZEN,
  OFFICIAL
}
