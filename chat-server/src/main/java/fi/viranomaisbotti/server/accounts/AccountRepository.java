package fi.viranomaisbotti.server.accounts;

import fi.viranomaisbotti.server.web.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where accounts are kept; implementations are thread-safe. */
public interface AccountRepository {
  Optional<StoredAccount> find(String username);

  /** Stores a new account; false if the username is taken. */
  boolean create(Account account, String passwordHash);

  /** Every account, by username. */
  List<Account> all();

  int count();

  /** Changes roles and whether the account may sign in; false if there is no such account. */
  boolean update(String username, Set<Role> roles, boolean enabled);

  /** Sets a new password hash and clears the lockout; false if there is no such account. */
  boolean setPassword(String username, String passwordHash);

  /**
   * Counts a failed sign-in in one atomic step, so parallel attempts cannot undercount; returns
   * the failures in a row now, 0 if there is no such account.
   */
  int recordFailure(String username);

  /** Refuses sign-ins until the time. */
  void lockUntil(String username, Instant until);

  /** A sign-in succeeded: the failures are forgotten. */
  void recordSuccess(String username);
}
