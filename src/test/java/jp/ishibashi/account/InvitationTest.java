package jp.ishibashi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Role;
import org.junit.jupiter.api.Test;

class InvitationTest {

  private static final Instant ISSUED = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);

  private final Invitation invitation =
      new Invitation(
          EmailAddress.of("Yamada@Example.JP"),
          Role.SUBCONTRACTOR,
          InvitationToken.generate(),
          1L,
          ISSUED,
          WEEK);

  @Test
  void isPendingUntilItsValidityEnds() {
    assertThat(invitation.status(ISSUED)).isEqualTo(Invitation.Status.PENDING);
    assertThat(invitation.status(ISSUED.plus(WEEK).minusSeconds(1)))
        .isEqualTo(Invitation.Status.PENDING);
    assertThat(invitation.status(ISSUED.plus(WEEK))).isEqualTo(Invitation.Status.EXPIRED);
  }

  @Test
  void storesTheAddressNormalised() {
    assertThat(invitation.getEmail()).isEqualTo("yamada@example.jp");
  }

  @Test
  void canBeAcceptedOnlyOnce() {
    invitation.accept(42L, ISSUED.plusSeconds(60));

    assertThat(invitation.status(ISSUED.plusSeconds(61))).isEqualTo(Invitation.Status.ACCEPTED);
    assertThat(invitation.getAcceptedBy()).isEqualTo(42L);
    assertThatThrownBy(() -> invitation.accept(43L, ISSUED.plusSeconds(120)))
        .isInstanceOf(DomainException.class)
        .hasMessage("error.invitation.used");
  }

  @Test
  void anExpiredInvitationCannotBeAccepted() {
    assertThatThrownBy(() -> invitation.accept(42L, ISSUED.plus(WEEK)))
        .isInstanceOf(DomainException.class)
        .hasMessage("error.invitation.expired");
  }

  @Test
  void aRevokedInvitationCannotBeAcceptedNorRevokedAgain() {
    invitation.revoke(ISSUED.plusSeconds(10));

    assertThat(invitation.status(ISSUED.plusSeconds(11))).isEqualTo(Invitation.Status.REVOKED);
    assertThatThrownBy(() -> invitation.accept(42L, ISSUED.plusSeconds(20)))
        .hasMessage("error.invitation.revoked");
    assertThatThrownBy(() -> invitation.revoke(ISSUED.plusSeconds(20)))
        .hasMessage("error.invitation.notOpen");
  }

  @Test
  void reissuingAnExpiredInvitationGivesANewTokenAndValidity() {
    InvitationToken fresh = InvitationToken.generate();
    Instant later = ISSUED.plus(Duration.ofDays(10));

    invitation.reissue(fresh, later, WEEK);

    assertThat(invitation.status(later)).isEqualTo(Invitation.Status.PENDING);
    assertThat(invitation.getExpiresAt()).isEqualTo(later.plus(WEEK));
  }

  @Test
  void anAcceptedInvitationCannotBeReissued() {
    invitation.accept(42L, ISSUED);

    assertThatThrownBy(() -> invitation.reissue(InvitationToken.generate(), ISSUED, WEEK))
        .hasMessage("error.invitation.notOpen");
  }
}
