package jp.ishibashi.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvitationTokenTest {

  @Test
  void tokensAreLongRandomAndUrlSafe() {
    InvitationToken a = InvitationToken.generate();
    InvitationToken b = InvitationToken.generate();

    assertThat(a.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(a.value()).isNotEqualTo(b.value());
  }

  @Test
  void theStoredHashIsTheSha256OfTheToken() {
    assertThat(new InvitationToken("abc").hash())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    InvitationToken token = InvitationToken.generate();
    assertThat(token.toString()).doesNotContain(token.value());
  }
}
