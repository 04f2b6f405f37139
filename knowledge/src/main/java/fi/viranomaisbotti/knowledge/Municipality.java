package fi.viranomaisbotti.knowledge;

/**
 * A municipality of 2026 and the regional units that serve it.
 *
 * @param code Statistics Finland's three-digit code, e.g. "091"
 * @param vitalityCentre the elinvoimakeskus, e.g. "Uudenmaan elinvoimakeskus"
 * @param employmentArea the työllisyysalue that organises employment and business services
 * @param wellbeingCounty the hyvinvointialue (or the city or region that organises the services)
 */
public record Municipality(
    String code,
    LocalizedText name,
    String region,
    String vitalityCentre,
    String employmentArea,
    String wellbeingCounty) {

  /** Åland has its own legislation in many of the fields this knowledge covers. */
  public boolean isAland() {
    return "Ahvenanmaa".equals(region);
  }
}
