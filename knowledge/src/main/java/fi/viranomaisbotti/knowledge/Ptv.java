package fi.viranomaisbotti.knowledge;

import java.util.List;

/**
 * Suomi.fi service catalogue (PTV) classifications of an item: life events (KE…), service
 * classes (P…) and target groups (KR…). Codes are checked against the corpus code lists.
 */
public record Ptv(List<String> lifeEvents, List<String> serviceClasses, List<String> targetGroups) {
  public Ptv {
    lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
    serviceClasses = serviceClasses == null ? List.of() : List.copyOf(serviceClasses);
    targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
  }

  public static final Ptv NONE = new Ptv(List.of(), List.of(), List.of());
}
