package fi.viranomaisbotti.server.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The key that limits count a client by: its IPv4 address, or the /64 prefix of its IPv6 address
 * (one subscriber usually holds a whole /64, so counting single IPv6 addresses would let one
 * client look like billions).
 */
public final class ClientAddress {
  private ClientAddress() {}

  /**
   * The client's key.
   *
   * @param remote the peer address of the TCP connection
   * @param forwardedFor the X-Forwarded-For header, or null
   * @param trustForwardedFor whether a proxy we run sets X-Forwarded-For; then its last entry
   *     (the address the proxy saw) is the client
   */
  public static String key(String remote, String forwardedFor, boolean trustForwardedFor) {
    String address = remote;
    if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
      String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).strip();
      if (!last.isEmpty()) {
        address = last;
      }
    }
    return normalised(address == null ? "" : address);
  }

  private static String normalised(String address) {
    String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    if (a.indexOf(':') < 0 || a.length() > 64) {
      return a.toLowerCase(Locale.ROOT);
    }
    try {
      // Only a literal is ever parsed here (it has a ':'), so no name is looked up.
      byte[] b = InetAddress.getByName(a).getAddress();
      if (b.length != 16) {
        return InetAddress.getByAddress(b).getHostAddress();
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException e) {
      return a.toLowerCase(Locale.ROOT);
    }
  }
}
