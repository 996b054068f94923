package jp.ishibashi.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed sign-in attempt for an e-mail address, kept to throttle password guessing. */
@Entity
@Table(name = "sign_in_failure")
public class SignInFailure {

  @Id
  @SequenceGenerator(
      name = "sign_in_failure_seq",
      sequenceName = "sign_in_failure_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sign_in_failure_seq")
  private Long id;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "failed_at", nullable = false)
  private Instant failedAt;

  protected SignInFailure() {}

  public SignInFailure(String email, Instant failedAt) {
    this.email = email;
    this.failedAt = failedAt;
  }

  public Instant getFailedAt() {
    return failedAt;
  }
}
