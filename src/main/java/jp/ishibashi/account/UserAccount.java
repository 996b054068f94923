package jp.ishibashi.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import jp.ishibashi.shared.BusinessDetails;

/**
 * A person who signs in. Accounts are global identities: an agency member's account belongs to
 * its agency through a {@link Membership}; a subcontractor's — 受注者 — works for every agency that
 * engaged it through an {@link Engagement}.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

  /** Whether the account is agency staff or a subcontractor; it never changes. */
  public enum Kind {
    AGENCY,
    SUBCONTRACTOR
  }

  @Id
  @SequenceGenerator(name = "user_seq", sequenceName = "user_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 254)
  private String email;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 400)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(length = BusinessDetails.MAX_ADDRESS)
  private String address;

  @Column(name = "registration_number", length = 14)
  private String registrationNumber;

  @Column(name = "withholding_applies", nullable = false)
  private boolean withholdingApplies;

  /** When the owner of the address proved it by following a link; null: not yet. */
  @Column(name = "email_verified_at")
  private Instant emailVerifiedAt;

  @Version private long version;

  protected UserAccount() {}

  public UserAccount(
      EmailAddress email, String displayName, String passwordHash, Kind kind, Instant createdAt) {
    this.email = email.value();
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.kind = kind;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public BusinessDetails getBusinessDetails() {
    return new BusinessDetails(address, registrationNumber);
  }

  /** A subcontractor's address and registration number, named in its next agreements. */
  public void describe(BusinessDetails details) {
    this.address = details.address();
    this.registrationNumber = details.registrationNumber();
  }

  /**
   * Whether fees paid to this subcontractor are subject to withholding tax (源泉徴収): it is an
   * individual, not a company. Quotes and payments then deduct the tax.
   */
  public boolean isWithholdingApplies() {
    return withholdingApplies;
  }

  /** A subcontractor's own statement that it is an individual whose fees are withheld. */
  public void declareWithholding(boolean applies) {
    if (applies && !isSubcontractor()) {
      throw new IllegalStateException("Only a subcontractor's fees are subject to withholding");
    }
    this.withholdingApplies = applies;
  }

  /**
   * Whether the address is proven to be the account holder's: by its verification link (agency
   * sign-up), or by the invitation that was sent to it. An unverified account cannot sign in.
   */
  public boolean isEmailVerified() {
    return emailVerifiedAt != null;
  }

  public Instant getEmailVerifiedAt() {
    return emailVerifiedAt;
  }

  /** Records that the address was verified at {@code now}; a later verification changes nothing. */
  public void emailVerified(Instant now) {
    if (emailVerifiedAt == null) {
      emailVerifiedAt = now;
    }
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Kind getKind() {
    return kind;
  }

  public boolean isSubcontractor() {
    return kind == Kind.SUBCONTRACTOR;
  }
}
