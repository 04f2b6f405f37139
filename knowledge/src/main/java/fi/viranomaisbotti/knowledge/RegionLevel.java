package fi.viranomaisbotti.knowledge;

/** The level at which an actor is organised, which decides the unit that serves a municipality. */
public enum RegionLevel {
  NATIONAL,
  MUNICIPALITY,
  VITALITY_CENTRE,
  EMPLOYMENT_AREA,
  WELLBEING_COUNTY
}
