package jp.ishibashi.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import jp.ishibashi.shared.DomainException;

/**
 * A link sent to a new account's address — メールアドレスの確認 — whose single use proves the
 * address belongs to whoever signed up. As for invitations, only the SHA-256 of the link's secret
 * is stored. A link works once, until it expires, and only while it is the account's newest: a
 * resent link voids the earlier ones.
 */
@Entity
@Table(name = "email_verification")
public class EmailVerification {

  @Id
  @SequenceGenerator(
      name = "email_verification_seq",
      sequenceName = "email_verification_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "email_verification_seq")
  private Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64, updatable = false)
  private String tokenHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Version private long version;

  protected EmailVerification() {}

  EmailVerification(long userId, InvitationToken token, Instant now, Duration validity) {
    this.userId = userId;
    this.tokenHash = token.hash();
    this.createdAt = now;
    this.expiresAt = now.plus(validity);
  }

  /** Uses the link at {@code now}; refused when it was used (or voided) or has expired. */
  void use(Instant now) {
    if (usedAt != null) {
      throw new DomainException("error.verification.used");
    }
    if (!now.isBefore(expiresAt)) {
      throw new DomainException("error.verification.expired");
    }
    usedAt = now;
  }

  /** Stops an older link from working once a new one is sent. */
  void voidAt(Instant now) {
    if (usedAt == null) {
      usedAt = now;
    }
  }

  public long getUserId() {
    return userId;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
