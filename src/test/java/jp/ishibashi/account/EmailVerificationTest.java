package jp.ishibashi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import jp.ishibashi.shared.DomainException;
import org.junit.jupiter.api.Test;

class EmailVerificationTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final Duration VALID = Duration.ofHours(48);

  private final InvitationToken token = InvitationToken.generate();

  @Test
  void onlyTheHashOfTheSecretIsKept() {
    EmailVerification v = new EmailVerification(7, token, NOW, VALID);
    assertThat(v).hasFieldOrPropertyWithValue("tokenHash", token.hash());
    assertThat(token.hash()).doesNotContain(token.value());
    assertThat(v.getExpiresAt()).isEqualTo(NOW.plus(VALID));
  }

  @Test
  void aLinkWorksOnce() {
    EmailVerification v = new EmailVerification(7, token, NOW, VALID);
    v.use(NOW.plusSeconds(60));
    assertThat(v.getUsedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThatThrownBy(() -> v.use(NOW.plusSeconds(120)))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).key())
        .isEqualTo("error.verification.used");
  }

  @Test
  void aLinkStopsWorkingWhenItExpires() {
    EmailVerification v = new EmailVerification(7, token, NOW, VALID);
    assertThatThrownBy(() -> v.use(NOW.plus(VALID)))
        .extracting(e -> ((DomainException) e).key())
        .isEqualTo("error.verification.expired");
    assertThat(v.getUsedAt()).isNull();
  }

  @Test
  void aVoidedLinkIsRefusedAsUsed() {
    EmailVerification v = new EmailVerification(7, token, NOW, VALID);
    v.voidAt(NOW.plusSeconds(5));
    assertThatThrownBy(() -> v.use(NOW.plusSeconds(10)))
        .extracting(e -> ((DomainException) e).key())
        .isEqualTo("error.verification.used");
  }
}
