package jp.ishibashi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountMailTextsTest {

  private static final String LINK = "https://contracts.example.jp/verify-email.xhtml?token=abc";

  @Test
  void theVerificationMailCarriesTheLinkAndItsExpiryInJapaneseThenEnglish() {
    MailText mail =
        AccountMailTexts.verifyAddress(LINK, Instant.parse("2026-12-09T03:00:00Z"));
    assertThat(mail.subject()).contains("メールアドレスの確認");
    assertThat(mail.body()).contains(LINK).contains("2026-12-09 12:00");
    assertThat(mail.body().indexOf("確認を完了")).isLessThan(mail.body().indexOf("confirm your"));
    assertThat(mail.body().indexOf(LINK)).isNotEqualTo(mail.body().lastIndexOf(LINK));
  }

  @Test
  void theSignUpAttemptMailSaysNothingWasCreatedAndLinksToSignIn() {
    MailText mail = AccountMailTexts.signUpAttempted("https://contracts.example.jp/login.xhtml");
    assertThat(mail.body())
        .contains("新しいアカウントは作成していません")
        .contains("No new account was created")
        .contains("login.xhtml");
  }
}
