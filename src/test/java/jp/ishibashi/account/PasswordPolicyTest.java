package jp.ishibashi.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void twelveCharactersAreEnough() {
    assertThatCode(() -> PasswordPolicy.check("abcdefghijkl")).doesNotThrowAnyException();
  }

  @Test
  void elevenAreTooFew() {
    assertThatThrownBy(() -> PasswordPolicy.check("abcdefghijk"))
        .hasMessage("error.password.tooShort");
  }

  @Test
  void japaneseCharactersCountOneEach() {
    assertThatCode(() -> PasswordPolicy.check("いしばしをたたいてわたる")).doesNotThrowAnyException();
    assertThatThrownBy(() -> PasswordPolicy.check("𠮷".repeat(11)))
        .hasMessage("error.password.tooShort");
  }

  @Test
  void nullIsTooShort() {
    assertThatThrownBy(() -> PasswordPolicy.check(null)).hasMessage("error.password.tooShort");
  }

  @Test
  void moreThan128IsRefused() {
    assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(129)))
        .hasMessage("error.password.tooLong");
  }
}
