package jp.ishibashi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

  @Test
  void isTrimmedAndLowerCased() {
    assertThat(EmailAddress.of("  Sato.Hanako@Sakura.Example ").value())
        .isEqualTo("sato.hanako@sakura.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-at-sign", "a@b", "a@@b.jp", "a b@c.jp", "<script>@x.jp", "山田@例え.jp"})
  void refusesMalformedAddresses(String text) {
    assertThatThrownBy(() -> EmailAddress.of(text)).hasMessage("error.email.malformed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void refusesBlank(String text) {
    assertThatThrownBy(() -> EmailAddress.of(text)).hasMessage("error.email.required");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> EmailAddress.of(null)).hasMessage("error.email.required");
  }
}
