package fi.viranomaisbotti.knowledge;

import java.util.List;

/** What the corpus says about its own checking: which REVIEWED items carry no verification record. */
public final class Verifications {
  private Verifications() {}

  /**
   * Items marked REVIEWED whose review predates verification records, so nothing says what was
   * checked; they are due for a check against their source.
   */
  public static List<String> missing(KnowledgeSnapshot snapshot) {
    return snapshot.allItems().stream()
        .filter(i -> i.meta() != null && i.meta().status() == Status.REVIEWED && i.meta().verified() == null)
        .map(Item::id)
        .sorted()
        .toList();
  }

  /**
   * Rules not REVIEWED with a record of the check (DRAFT, written or by default), sorted by
   * name: the law they state is still to be checked against their source.
   */
  public static List<String> unverifiedRules(KnowledgeSnapshot snapshot) {
    return snapshot.rules().stream()
        .flatMap(f -> RuleText.read(f).stream())
        .filter(r -> !verified(r))
        .map(RuleText.Declared::name)
        .sorted()
        .toList();
  }

  private static boolean verified(RuleText.Declared r) {
    try {
      return r.status() == Status.REVIEWED && r.verification() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
