package fi.viranomaisbotti.server.accounts;

import fi.viranomaisbotti.server.web.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accounts, sign-in and sessions. A session id is 32 random bytes, given to the browser once and
 * stored only as its SHA-256; each session has its own CSRF token. After {@link #FREE_FAILURES}
 * failed sign-ins in a row an account is locked, first for {@link #FIRST_LOCK}, doubling with each
 * further failure up to {@link #LONGEST_LOCK}; a success clears the count. Account changes end the
 * account's sessions, so new roles take effect at the next sign-in. Thread-safe.
 */
public final class AccountService {
  public static final int FREE_FAILURES = 5;
  public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  public static final Duration LONGEST_LOCK = Duration.ofHours(1);
  public static final Duration SESSION_LENGTH = Duration.ofHours(10);
  public static final String BOOTSTRAP_ADMIN = "admin";

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  private static final String REFUSED = "The username or password is wrong, or the account is disabled.";

  private final AccountRepository accounts;
  private final SessionRepository sessions;
  private final Passwords passwords;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AccountService(AccountRepository accounts, SessionRepository sessions, Passwords passwords, Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** A new session: the id for the cookie (shown once) and who it signs in. */
  public record NewSession(String id, SignedIn signedIn) {
    @Override
    public String toString() {
      return "NewSession[" + signedIn.username() + "]";
    }
  }

  /**
   * Creates the first administrator when there are no accounts at all.
   *
   * @param password the password to give, or null for a random one
   * @return the random password when one was made (to be shown once), empty otherwise
   */
  public Optional<String> ensureAdmin(String password) {
    if (accounts.count() > 0) {
      return Optional.empty();
    }
    String given = password == null || password.isBlank() ? null : password;
    String actual = given == null ? randomPassword() : given;
    if (actual.length() > Passwords.MAX_LENGTH) {
      throw new IllegalArgumentException("ADMIN_PASSWORD is longer than " + Passwords.MAX_LENGTH + " characters; choose a shorter one.");
    }
    accounts.create(new Account(BOOTSTRAP_ADMIN, EnumSet.of(Role.ADMIN), true, clock.instant()), passwords.hash(actual));
    return given == null ? Optional.of(actual) : Optional.empty();
  }

  /**
   * Signs in with name and password.
   *
   * @throws SignInRefusedException for a wrong name or password, a disabled or a locked account
   */
  public NewSession signIn(String username, String password) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    String pass = password == null ? "" : password;
    if (pass.length() > Passwords.MAX_LENGTH || name.length() > 64) {
      throw new SignInRefusedException(REFUSED, 0);
    }
    Optional<StoredAccount> found = accounts.find(name);
    Instant now = clock.instant();
    if (found.isEmpty()) {
      passwords.verifyDecoy(pass);
      throw new SignInRefusedException(REFUSED, 0);
    }
    StoredAccount stored = found.get();
    if (stored.lockedUntil() != null && now.isBefore(stored.lockedUntil())) {
      throw locked(stored.lockedUntil(), now);
    }
    boolean ok = passwords.verify(pass, stored.passwordHash());
    if (!ok || !stored.account().enabled()) {
      if (!ok) {
        int failures = accounts.recordFailure(name);
        if (failures >= FREE_FAILURES) {
          Instant until = now.plus(lockFor(failures));
          accounts.lockUntil(name, until);
          throw locked(until, now);
        }
      }
      throw new SignInRefusedException(REFUSED, 0);
    }
    if (stored.failedAttempts() > 0) {
      accounts.recordSuccess(name);
    }
    sessions.deleteExpiredSessions(now);
    String id = token(32);
    String csrf = token(24);
    Instant expires = now.plus(SESSION_LENGTH);
    sessions.createSession(new StoredSession(hash(id), name, csrf, now, expires));
    return new NewSession(id, new SignedIn(name, stored.account().roles(), csrf, expires));
  }

  /** How long the n-th failure in a row locks the account. */
  static Duration lockFor(int failures) {
    int doublings = Math.min(failures - FREE_FAILURES, 20);
    Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
    return d.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : d;
  }

  private static SignInRefusedException locked(Instant until, Instant now) {
    long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
    return new SignInRefusedException("Too many failed sign-ins: the account is locked for " + seconds
        + " seconds. Try again then, or ask an administrator to set a new password.", seconds);
  }

  /** Who holds the session with this id now; empty for an unknown, expired or disabled one. */
  public Optional<SignedIn> session(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) {
      return Optional.empty();
    }
    String idHash = hash(id);
    Optional<StoredSession> s = sessions.findSession(idHash);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(s.get().expiresAt())) {
      sessions.deleteSession(idHash);
      return Optional.empty();
    }
    Optional<StoredAccount> a = accounts.find(s.get().username());
    if (a.isEmpty() || !a.get().account().enabled()) {
      return Optional.empty();
    }
    return Optional.of(new SignedIn(s.get().username(), a.get().account().roles(), s.get().csrfToken(), s.get().expiresAt()));
  }

  public void signOut(String id) {
    if (id != null && !id.isEmpty() && id.length() <= 100) {
      sessions.deleteSession(hash(id));
    }
  }

  public int deleteExpiredSessions() {
    return sessions.deleteExpiredSessions(clock.instant());
  }

  public List<Account> all() {
    return accounts.all();
  }

  /** Adds an account with a password and roles. */
  public Account create(String username, String password, Set<Role> roles) {
    String name = checkedName(username);
    checkPassword(password);
    Set<Role> checked = checkedRoles(roles);
    Account account = new Account(name, checked, true, clock.instant());
    if (!accounts.create(account, passwords.hash(password))) {
      throw new AccountException(AccountException.Reason.EXISTS, "An account named '" + name + "' exists already; choose another name.");
    }
    return account;
  }

  /**
   * Changes an account's roles, whether it may sign in, or its password (null for no change) and
   * ends its sessions. Refuses to leave no enabled administrator.
   */
  public Account change(String username, Set<Role> roles, Boolean enabled, String password) {
    StoredAccount stored = accounts.find(username == null ? "" : username.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new AccountException(AccountException.Reason.NOT_FOUND, "No account is named '" + username + "'."));
    Account before = stored.account();
    Set<Role> newRoles = roles == null ? before.roles() : checkedRoles(roles);
    boolean newEnabled = enabled == null ? before.enabled() : enabled;
    boolean wasAdmin = before.enabled() && before.roles().contains(Role.ADMIN);
    boolean staysAdmin = newEnabled && newRoles.contains(Role.ADMIN);
    if (wasAdmin && !staysAdmin && enabledAdmins() <= 1) {
      throw new AccountException(AccountException.Reason.LAST_ADMIN,
          "'" + before.username() + "' is the only enabled administrator; make another account an administrator first.");
    }
    if (password != null) {
      checkPassword(password);
      accounts.setPassword(before.username(), passwords.hash(password));
    }
    accounts.update(before.username(), newRoles, newEnabled);
    sessions.deleteSessionsOf(before.username());
    return new Account(before.username(), newRoles, newEnabled, before.createdAt());
  }

  private long enabledAdmins() {
    return accounts.all().stream().filter(a -> a.enabled() && a.roles().contains(Role.ADMIN)).count();
  }

  private static String checkedName(String username) {
    String name = username == null ? "" : username.strip();
    if (!USERNAME.matcher(name).matches()) {
      throw new AccountException(AccountException.Reason.BAD_INPUT, "A username is 2–64 characters of lower-case a–z, digits,"
          + " '.', '_' or '-', starting with a letter or digit, e.g. 'maija.neuvoja'.");
    }
    return name;
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
      throw new AccountException(AccountException.Reason.BAD_INPUT, "A password has " + Passwords.MIN_LENGTH + " to "
          + Passwords.MAX_LENGTH + " characters; a few unrelated words make a good one.");
    }
  }

  private static Set<Role> checkedRoles(Set<Role> roles) {
    if (roles == null || roles.isEmpty() || roles.contains(Role.ANONYMOUS)) {
      throw new AccountException(AccountException.Reason.BAD_INPUT,
          "An account needs one or more of the roles ADVISER, EDITOR and ADMIN.");
    }
    return EnumSet.copyOf(roles);
  }

  private String randomPassword() {
    return token(18);
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String id) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
