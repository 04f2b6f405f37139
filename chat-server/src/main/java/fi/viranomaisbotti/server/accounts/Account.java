package fi.viranomaisbotti.server.accounts;

import fi.viranomaisbotti.server.web.Role;
import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in: adviser, editor or administrator (one or several). Immutable.
 *
 * @param roles never {@link Role#ANONYMOUS}
 * @param enabled a disabled account cannot sign in and its sessions are ended
 */
public record Account(String username, Set<Role> roles, boolean enabled, Instant createdAt) {
  public Account {
    roles = Set.copyOf(roles);
  }
}
