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

  /**
   * DRAFT items and rules that do not say what is still unverified (an item's
   * {@code meta.unverified}, a rule's {@code @unverified}), sorted: a draft must tell the reader
   * which part of it nobody has checked yet. Vocabulary concepts are word lists, not statements of
   * law, and are left out.
   */
  public static List<String> unexplainedDrafts(KnowledgeSnapshot snapshot) {
    java.util.stream.Stream<String> items = snapshot.allItems().stream()
        .filter(i -> !(i instanceof Concept))
        .filter(i -> i.meta() != null && i.meta().isDraft() && blank(i.meta().unverified()))
        .map(Item::id);
    java.util.stream.Stream<String> rules = snapshot.rules().stream()
        .flatMap(f -> RuleText.read(f).stream())
        .filter(r -> !verified(r) && r.unverified() == null)
        .map(r -> "rule " + r.name());
    return java.util.stream.Stream.concat(items, rules).sorted().toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean verified(RuleText.Declared r) {
    try {
      return r.status() == Status.REVIEWED && r.verification() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
