package fi.viranomaisbotti.server;

import fi.viranomaisbotti.server.accounts.AccountService;
import fi.viranomaisbotti.server.accounts.AuditLog;
import fi.viranomaisbotti.server.accounts.Passwords;
import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.JdbcAccountStore;
import fi.viranomaisbotti.server.storage.JdbcConversationRepository;
import java.time.Clock;

/**
 * What the faces stand on, opened over one database: the conversation store, accounts with their
 * sessions, and the audit log. Built once by the composition root (and by tests). Immutable.
 */
public record Backend(JdbcConversationRepository conversations, AccountService accounts, AuditLog audit, Clock clock) {

  public static Backend over(Database database, Clock clock) {
    JdbcAccountStore store = new JdbcAccountStore(database.dataSource());
    return new Backend(
        new JdbcConversationRepository(database.dataSource()),
        new AccountService(store, store, new Passwords(), clock),
        new AuditLog(store, clock),
        clock);
  }
}
