package jp.ishibashi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostbackNonceTest {

  @Test
  void aNewNonceIsInTheFormPrimeFacesAccepts() {
    String nonce = PostbackNonce.newNonce();
    assertThat(PostbackNonce.wellFormed(nonce)).isTrue();
    assertThat(PostbackNonce.newNonce()).isNotEqualTo(nonce);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "'; script-src *",
        "bm90LWEtdXVpZA==",
        "not base64 at all!",
      })
  void anythingElseIsNotANonce(String sent) {
    assertThat(PostbackNonce.wellFormed(sent)).isFalse();
  }

  @Test
  void nothingSentIsNotANonce() {
    assertThat(PostbackNonce.wellFormed(null)).isFalse();
  }

  @Test
  void aUuidInBase64IsOne() {
    String nonce =
        Base64.getEncoder()
            .encodeToString(
                "0f8fad5b-d9cb-469f-a165-70867728950e".getBytes(StandardCharsets.UTF_8));
    assertThat(PostbackNonce.wellFormed(nonce)).isTrue();
  }
}
