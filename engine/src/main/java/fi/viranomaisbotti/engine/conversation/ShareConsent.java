package fi.viranomaisbotti.engine.conversation;

import java.time.Instant;

/**
 * The customer's consent to show their conversation to an adviser: who gave it, when, and what it
 * covers. Stored with the share code's hash; an adviser who enters the code sees only what it covers.
 *
 * @param who who consented; always the customer who holds the conversation ({@link #CUSTOMER})
 * @param what what the adviser may see ({@link #SCOPE})
 */
public record ShareConsent(String who, Instant at, String what) {
  public static final String CUSTOMER = "asiakas";
  public static final String SCOPE = "tilanne, vastaukset, suunnitelma ja sen edistyminen";
}
