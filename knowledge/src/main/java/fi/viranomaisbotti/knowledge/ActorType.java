package fi.viranomaisbotti.knowledge;

/** What kind of organisation an actor is. */
public enum ActorType {
  STATE_AGENCY,
  REGIONAL_STATE,
  MUNICIPALITY,
  WELLBEING_SERVICES_COUNTY,
  PUBLIC_BODY,
  PRIVATE,
  THIRD_SECTOR,
  ONLINE_SERVICE
}
