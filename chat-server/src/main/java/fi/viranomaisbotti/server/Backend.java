package fi.viranomaisbotti.server;

import fi.viranomaisbotti.engine.conversation.HandoffHours;
import fi.viranomaisbotti.engine.conversation.HandoffRepository;
import fi.viranomaisbotti.engine.unanswered.UnansweredRepository;
import fi.viranomaisbotti.server.accounts.AccountService;
import fi.viranomaisbotti.server.accounts.AuditLog;
import fi.viranomaisbotti.server.accounts.Passwords;
import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.JdbcAccountStore;
import fi.viranomaisbotti.server.storage.JdbcConversationRepository;
import fi.viranomaisbotti.server.storage.JdbcHandoffRepository;
import fi.viranomaisbotti.server.storage.JdbcKnowledgeStore;
import fi.viranomaisbotti.server.storage.JdbcUnansweredRepository;
import java.time.Clock;

/**
 * What the faces stand on, opened over one database: the conversation and handoff stores, accounts
 * with their sessions, the audit log, the knowledge versions with the editors' draft, and the
 * unanswered queue. Built once by the composition root (and by tests). Immutable.
 *
 * @param handoffHours when advisers take handoffs from the chat
 */
public record Backend(JdbcConversationRepository conversations, HandoffRepository handoffs, AccountService accounts,
    AuditLog audit, JdbcKnowledgeStore knowledge, Clock clock, UnansweredRepository unanswered, HandoffHours handoffHours) {

  /** The backend with advisers in at any time. */
  public static Backend over(Database database, Clock clock) {
    return over(database, clock, HandoffHours.ALWAYS);
  }

  public static Backend over(Database database, Clock clock, HandoffHours handoffHours) {
    JdbcAccountStore store = new JdbcAccountStore(database.dataSource());
    return new Backend(
        new JdbcConversationRepository(database.dataSource()),
        new JdbcHandoffRepository(database.dataSource()),
        new AccountService(store, store, new Passwords(), clock),
        new AuditLog(store, clock),
        new JdbcKnowledgeStore(database.dataSource()),
        clock,
        new JdbcUnansweredRepository(database.dataSource()),
        handoffHours);
  }
}
