package fi.viranomaisbotti.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.server.storage.Database;
import fi.viranomaisbotti.server.storage.DatabaseSettings;
import fi.viranomaisbotti.server.storage.JdbcAccountStore;
import fi.viranomaisbotti.server.web.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, sign-in, lockout and sessions on the embedded database, with a clock the test moves. */
class AccountServiceTest {
  static final String PASSWORD = "kolme sanaa riittää";

  @TempDir Path dataDir;
  Database database;
  MovingClock clock = new MovingClock(Instant.parse("2026-12-04T08:00:00Z"));
  AccountService accounts;

  static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    void pass(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void open() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    JdbcAccountStore store = new JdbcAccountStore(database.dataSource());
    accounts = new AccountService(store, store, new Passwords(), clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theFirstStartCreatesAnAdminWithTheGivenPasswordAndLaterStartsDoNothing() {
    assertThat(accounts.ensureAdmin("ylläpidon oma salasana")).isEmpty();
    assertThat(accounts.signIn("admin", "ylläpidon oma salasana").signedIn().roles()).containsExactly(Role.ADMIN);
    assertThat(accounts.ensureAdmin(null)).as("accounts exist already").isEmpty();
  }

  @Test
  void withoutAdminPasswordTheFirstAdminGetsARandomPasswordThatSignsIn() {
    String generated = accounts.ensureAdmin(null).orElseThrow();
    assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
    assertThat(accounts.signIn("admin", generated).signedIn().username()).isEqualTo("admin");
  }

  @Test
  void passwordsAreStoredAsArgon2idHashesThatVerifyOnlyTheRightPassword() {
    Passwords passwords = new Passwords();
    String hash = passwords.hash(PASSWORD);
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
    assertThat(passwords.verify(PASSWORD, hash)).isTrue();
    assertThat(passwords.verify(PASSWORD + " ", hash)).isFalse();
    assertThat(passwords.hash(PASSWORD)).as("a new salt each time").isNotEqualTo(hash);
    assertThat(passwords.verify(PASSWORD, "$2a$10$notargon")).isFalse();
  }

  @Test
  void anUnknownNameIsCheckedAgainstADecoyOfAStoredHashsFormThatNoPasswordOpens() {
    Passwords passwords = new Passwords();
    String[] decoy = passwords.decoy().split("\\$");
    String[] real = passwords.hash(PASSWORD).split("\\$");
    // The same cost and lengths as a real hash, so that checking it takes a real verification's time.
    assertThat(decoy).hasSize(real.length);
    assertThat(decoy[3]).isEqualTo(real[3]);
    assertThat(decoy[4]).hasSameSizeAs(real[4]);
    assertThat(decoy[5]).hasSameSizeAs(real[5]);
    assertThat(passwords.verify(PASSWORD, passwords.decoy())).isFalse();
    assertThat(passwords.verify("", passwords.decoy())).isFalse();
    assertThat(new Passwords().decoy()).isNotEqualTo(passwords.decoy());
  }

  @Test
  void aSessionIsFoundByItsIdAndEndsAtSignOutOrWhenItExpires() {
    accounts.create("maija.neuvoja", PASSWORD, EnumSet.of(Role.ADVISER));
    AccountService.NewSession s = accounts.signIn("Maija.Neuvoja ", PASSWORD);
    assertThat(accounts.session(s.id())).map(SignedIn::username).contains("maija.neuvoja");
    assertThat(accounts.session(s.id() + "x")).isEmpty();
    accounts.signOut(s.id());
    assertThat(accounts.session(s.id())).isEmpty();

    AccountService.NewSession later = accounts.signIn("maija.neuvoja", PASSWORD);
    clock.pass(AccountService.SESSION_LENGTH);
    assertThat(accounts.session(later.id())).as("expired").isEmpty();
  }

  @Test
  void fiveFailuresLockTheAccountForThirtySecondsAndEachFurtherFailureDoublesTheLock() {
    accounts.create("unohtaja", PASSWORD, EnumSet.of(Role.ADVISER));
    for (int i = 1; i < AccountService.FREE_FAILURES; i++) {
      assertThatThrownBy(() -> accounts.signIn("unohtaja", "väärin")).isInstanceOfSatisfying(SignInRefusedException.class,
          e -> assertThat(e.locked()).isFalse());
    }
    assertThatThrownBy(() -> accounts.signIn("unohtaja", "väärin")).isInstanceOfSatisfying(SignInRefusedException.class,
        e -> assertThat(e.retryAfterSeconds()).isBetween(30L, 31L));
    assertThatThrownBy(() -> accounts.signIn("unohtaja", PASSWORD)).as("the right password while locked")
        .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.locked()).isTrue());
    clock.pass(Duration.ofSeconds(31));
    assertThatThrownBy(() -> accounts.signIn("unohtaja", "väärin taas")).isInstanceOfSatisfying(SignInRefusedException.class,
        e -> assertThat(e.retryAfterSeconds()).isBetween(60L, 61L));
    clock.pass(Duration.ofSeconds(61));
    assertThat(accounts.signIn("unohtaja", PASSWORD).signedIn().username()).isEqualTo("unohtaja");
    assertThat(AccountService.lockFor(40)).isEqualTo(AccountService.LONGEST_LOCK);
  }

  @Test
  void aDisabledAccountCannotSignInAndItsSessionsEnd() {
    accounts.create("admin.yksi", PASSWORD, EnumSet.of(Role.ADMIN));
    accounts.create("lahteva", PASSWORD, EnumSet.of(Role.ADVISER));
    AccountService.NewSession s = accounts.signIn("lahteva", PASSWORD);
    accounts.change("lahteva", null, false, null);
    assertThat(accounts.session(s.id())).isEmpty();
    assertThatThrownBy(() -> accounts.signIn("lahteva", PASSWORD)).isInstanceOf(SignInRefusedException.class)
        .hasMessage("The username or password is wrong, or the account is disabled.");
  }

  @Test
  void accountsNeedAValidNameAPasswordOfTenCharactersAndARealRole() {
    assertThatThrownBy(() -> accounts.create("Iso Kirjain", PASSWORD, EnumSet.of(Role.ADVISER)))
        .isInstanceOf(AccountException.class).hasMessageContaining("lower-case");
    assertThatThrownBy(() -> accounts.create("lyhyt", "lyhyt", EnumSet.of(Role.ADVISER)))
        .isInstanceOf(AccountException.class).hasMessageContaining("10 to 200 characters");
    assertThatThrownBy(() -> accounts.create("anonyymi", PASSWORD, EnumSet.of(Role.ANONYMOUS)))
        .isInstanceOf(AccountException.class).hasMessageContaining("ADVISER, EDITOR and ADMIN");
  }
}
