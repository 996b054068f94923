package jp.ishibashi.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The client's address behind trusted reverse proxies ({@code portal.trusted-proxies}): when the
 * connection comes from one of them, the address is the last one in {@code X-Forwarded-For} that is
 * not itself a trusted proxy. Anyone else's {@code X-Forwarded-For} is ignored, since a client may
 * write anything there; so is a malformed entry.
 */
public final class ClientAddress {

  /** IPv4 or IPv6 text, as proxies write it: digits, hex, dots and colons. */
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private ClientAddress() {}

  /** The trusted proxies of a comma-separated setting; blank: none. */
  public static Set<String> trusted(String setting) {
    return setting == null
        ? Set.of()
        : Arrays.stream(setting.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The client's address.
   *
   * @param peer the connection's peer address
   * @param forwardedFor the request's {@code X-Forwarded-For} headers, in order; may be null
   * @param trustedProxies the addresses of the proxies in front of the portal
   */
  public static String of(String peer, Enumeration<String> forwardedFor, Set<String> trustedProxies) {
    if (peer == null || !trustedProxies.contains(peer) || forwardedFor == null) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    while (forwardedFor.hasMoreElements()) {
      for (String hop : forwardedFor.nextElement().split(",")) {
        hops.add(hop.strip());
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!ADDRESS.matcher(hop).matches()) {
        return peer;
      }
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
