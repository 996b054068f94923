package jp.ishibashi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private static final Set<String> PROXY = ClientAddress.trusted(" 127.0.0.1 , 10.0.0.5");

  @Test
  void behindATrustedProxyTheClientIsTheLastHopThatIsNoProxy() {
    assertThat(ClientAddress.of("127.0.0.1", headers("203.0.113.7"), PROXY)).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.of("127.0.0.1", headers("198.51.100.1, 203.0.113.7, 10.0.0.5"), PROXY))
        .isEqualTo("203.0.113.7");
    assertThat(ClientAddress.of("127.0.0.1", headers("198.51.100.1", "2001:db8::7"), PROXY))
        .isEqualTo("2001:db8::7");
  }

  @Test
  void aClientsOwnForwardedForIsIgnored() {
    assertThat(ClientAddress.of("203.0.113.7", headers("198.51.100.1"), PROXY))
        .isEqualTo("203.0.113.7");
    assertThat(ClientAddress.of("127.0.0.1", headers("198.51.100.1"), Set.of()))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void aMalformedOrMissingHopLeavesThePeer() {
    assertThat(ClientAddress.of("127.0.0.1", headers("<script>"), PROXY)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.of("127.0.0.1", headers(""), PROXY)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.of("127.0.0.1", null, PROXY)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.of("127.0.0.1", headers("10.0.0.5"), PROXY)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.trusted(null)).isEmpty();
  }

  private static java.util.Enumeration<String> headers(String... values) {
    return Collections.enumeration(List.of(values));
  }
}
