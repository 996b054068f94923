package jp.ishibashi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionCookieTest {

  /** Each setting (blank: unset) against a public URL (blank: unset). */
  @ParameterizedTest(name = "secure-cookie={0}, public-url={1} → Secure {2}")
  @CsvSource({
    "auto,  https://contracts.example.jp/, true",
    "auto,  http://contracts.example.jp/,  false",
    "auto,  ,                              false",
    "    ,  https://contracts.example.jp/, true",
    "    ,  HTTPS://CONTRACTS.EXAMPLE.JP/, true",
    "    ,  http://localhost:8080/,        false",
    "    ,  ,                              false",
    "AUTO,  https://contracts.example.jp/, true",
    "true,  http://contracts.example.jp/,  true",
    "true,  https://contracts.example.jp/, true",
    "true,  ,                              true",
    "false, https://contracts.example.jp/, false",
    "false, http://contracts.example.jp/,  false",
    "false, ,                              false",
  })
  void theCookieIsSecureWhenSetOrWhenThePublicAddressIsHttps(
      String setting, String publicUrl, boolean secure) {
    assertThat(SessionCookie.secure(Optional.ofNullable(setting), Optional.ofNullable(publicUrl)))
        .isEqualTo(secure);
  }

  @ParameterizedTest
  @CsvSource({"yes", "on", "1", "https"})
  void anUnknownSettingStopsTheStartRatherThanGuess(String setting) {
    assertThatThrownBy(
            () ->
                SessionCookie.secure(
                    Optional.of(setting), Optional.of("https://contracts.example.jp/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("portal.session.secure-cookie")
        .hasMessageContaining(setting);
  }
}
