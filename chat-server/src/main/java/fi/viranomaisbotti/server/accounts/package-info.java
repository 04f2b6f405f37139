/**
 * Who signs in and what they did: accounts with roles, Argon2id password hashes, server-side
 * sessions with CSRF tokens, the sign-in lockout and the audit log. No HTTP and no SQL here: the
 * auth face speaks HTTP, {@code server.storage} implements the repositories.
 */
package fi.viranomaisbotti.server.accounts;
