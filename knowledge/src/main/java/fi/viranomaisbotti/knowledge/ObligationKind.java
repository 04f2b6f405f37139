package fi.viranomaisbotti.knowledge;

/** What the customer must do towards an authority. */
public enum ObligationKind {
  PERMIT,
  NOTIFICATION,
  REGISTRATION,
  INSURANCE,
  REPORT,
  SELF_MONITORING
}
