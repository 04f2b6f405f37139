package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.conversation.Handoff;
import fi.viranomaisbotti.server.accounts.Account;
import fi.viranomaisbotti.server.accounts.AuditEvent;
import fi.viranomaisbotti.server.accounts.StoredSession;
import fi.viranomaisbotti.server.web.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the account, session, audit and handoff stores promise, the same on every database the
 * server runs on: the subclasses run it on H2 and on PostgreSQL.
 */
abstract class AccountAndHandoffStoreContract {
  static final Instant T0 = Instant.parse("2026-12-01T08:00:00.123456Z");

  abstract DataSource dataSource();

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void anAccountIsStoredOnceWithItsRolesAndItsFailuresAndLockAreKept() {
    JdbcAccountStore store = new JdbcAccountStore(dataSource());
    String name = unique("neuvoja");
    assertThat(store.create(new Account(name, EnumSet.of(Role.ADVISER, Role.EDITOR), true, T0), "$argon2id$x")).isTrue();
    assertThat(store.create(new Account(name, EnumSet.of(Role.ADMIN), true, T0), "$argon2id$y")).as("the name again").isFalse();
    var stored = store.find(name).orElseThrow();
    assertThat(stored.account().roles()).containsExactlyInAnyOrder(Role.ADVISER, Role.EDITOR);
    assertThat(stored.account().createdAt()).isEqualTo(T0);
    assertThat(stored.passwordHash()).isEqualTo("$argon2id$x");

    for (int i = 1; i <= 4; i++) {
      store.recordFailure(name);
    }
    assertThat(store.recordFailure(name)).isEqualTo(5);
    assertThat(store.recordFailure(unique("ei-ole"))).isZero();
    store.lockUntil(name, T0.plusSeconds(30));
    assertThat(store.find(name).orElseThrow().failedAttempts()).isEqualTo(5);
    assertThat(store.find(name).orElseThrow().lockedUntil()).isEqualTo(T0.plusSeconds(30));
    store.recordSuccess(name);
    assertThat(store.find(name).orElseThrow().lockedUntil()).isNull();

    assertThat(store.update(name, EnumSet.of(Role.ADMIN), false)).isTrue();
    assertThat(store.find(name).orElseThrow().account()).extracting(Account::enabled).isEqualTo(false);
    assertThat(store.update(unique("ei-ole"), EnumSet.of(Role.ADMIN), false)).isFalse();
    assertThat(store.all()).extracting(Account::username).contains(name);
  }

  @Test
  void sessionsAreFoundByTheirHashEndedOneByOneOrAllForAnAccountAndExpire() {
    JdbcAccountStore store = new JdbcAccountStore(dataSource());
    String name = unique("istunto");
    store.create(new Account(name, EnumSet.of(Role.ADVISER), true, T0), "h");
    String a = "a".repeat(63) + UUID.randomUUID().toString().charAt(0);
    String b = unique("b");
    store.createSession(new StoredSession(a, name, "csrf-a", T0, T0.plusSeconds(3600)));
    store.createSession(new StoredSession(b, name, "csrf-b", T0, T0.plusSeconds(60)));
    assertThat(store.findSession(a).orElseThrow().csrfToken()).isEqualTo("csrf-a");
    assertThat(store.deleteExpiredSessions(T0.plusSeconds(120))).isGreaterThanOrEqualTo(1);
    assertThat(store.findSession(b)).isEmpty();
    assertThat(store.findSession(a)).isPresent();
    store.deleteSessionsOf(name);
    assertThat(store.findSession(a)).isEmpty();
  }

  @Test
  void theAuditLogReadsNewestFirstAndByActor() {
    JdbcAccountStore store = new JdbcAccountStore(dataSource());
    String actor = unique("kirjaaja");
    store.append(new AuditEvent(0, T0, actor, "sign_in", null, null));
    store.append(new AuditEvent(0, T0.plusSeconds(1), actor, "handoff_claim", "h-1", "yksityiskohta"));
    store.append(new AuditEvent(0, T0.plusSeconds(2), unique("muu"), "sign_in", null, null));
    List<AuditEvent> mine = store.latest(actor, 10);
    assertThat(mine).extracting(AuditEvent::action).containsExactly("handoff_claim", "sign_in");
    assertThat(mine.get(0).target()).isEqualTo("h-1");
    assertThat(mine.get(0).at()).isEqualTo(T0.plusSeconds(1));
    assertThat(store.latest(null, 2)).hasSize(2);
  }

  @Test
  void aHandoffIsClaimedByOneAdviserOnlyClosedOnceAndDeletedWithItsConversation() {
    JdbcConversationRepository conversations = new JdbcConversationRepository(dataSource());
    JdbcHandoffRepository handoffs = new JdbcHandoffRepository(dataSource());
    String conversation = UUID.randomUUID().toString();
    conversations.create(conversation, "0".repeat(64), T0);
    FactSet facts = FactSet.of(List.of(KnownFact.yesNo("alkoholi", true, fi.viranomaisbotti.engine.facts.Provenance.ANSWERED, List.of(), 1)));
    Handoff h = new Handoff(UUID.randomUUID().toString(), conversation, Handoff.Status.QUEUED, T0, facts,
        List.of("1. Elintarvikehuoneiston ilmoitus — Tampereen ympäristöterveys", "2. Anniskelulupa"), null, null, null);
    handoffs.create(h);

    Handoff read = handoffs.find(h.id()).orElseThrow();
    assertThat(read.plan()).isEqualTo(h.plan());
    assertThat(read.contact()).as("no contact details left").isNull();
    assertThat(read.facts().yesNo("alkoholi")).isPresent();
    assertThat(read.consentAt()).isEqualTo(T0);
    assertThat(handoffs.openFor(conversation)).map(Handoff::id).contains(h.id());
    assertThat(handoffs.open(500)).extracting(Handoff::id).contains(h.id());

    assertThat(handoffs.claim(h.id(), "eka", T0.plusSeconds(5))).isTrue();
    assertThat(handoffs.claim(h.id(), "toka", T0.plusSeconds(6))).isFalse();
    assertThat(handoffs.find(h.id()).orElseThrow().claimedBy()).isEqualTo("eka");
    assertThat(handoffs.close(h.id(), T0.plusSeconds(9))).isTrue();
    assertThat(handoffs.close(h.id(), T0.plusSeconds(10))).isFalse();
    assertThat(handoffs.openFor(conversation)).isEmpty();

    conversations.deleteInactiveBefore(T0.plus(1, ChronoUnit.DAYS));
    assertThat(handoffs.find(h.id())).as("deleted with its conversation").isEmpty();
  }

  @Test
  void contactDetailsLeftOutsideOpeningHoursAreReadBackAndDeletedWithTheConversation() {
    JdbcConversationRepository conversations = new JdbcConversationRepository(dataSource());
    JdbcHandoffRepository handoffs = new JdbcHandoffRepository(dataSource());
    String conversation = UUID.randomUUID().toString();
    conversations.create(conversation, "1".repeat(64), T0);
    var contact = fi.viranomaisbotti.engine.conversation.ContactDetails.of("+358 40 123 4567", "liisa.virtanen@example.fi");
    Handoff h = new Handoff(UUID.randomUUID().toString(), conversation, Handoff.Status.QUEUED, T0, FactSet.of(List.of()),
        List.of(), null, null, null, contact);
    handoffs.create(h);

    assertThat(handoffs.find(h.id()).orElseThrow().contact()).isEqualTo(contact);
    assertThat(handoffs.openFor(conversation).orElseThrow().contact().phone()).isEqualTo("+358401234567");

    conversations.deleteInactiveBefore(T0.plus(1, ChronoUnit.DAYS));
    assertThat(handoffs.find(h.id())).as("deleted with its conversation").isEmpty();
  }
}
