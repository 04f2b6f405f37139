package fi.viranomaisbotti.knowledge;

/** Who provides a service. */
public enum Sector {
  PUBLIC,
  PRIVATE,
  THIRD_SECTOR
}
