package jp.ishibashi.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.ishibashi.workorder.Party;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One party's consent to one agreement version: who signed, for which side, when (UTC), from
 * which IP and user agent, the content hash they were shown and the SHA-256 of the consent text
 * they confirmed. Void when the order changed before the other party signed.
 */
@Entity
@Table(name = "agreement_signature")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class AgreementSignature {

  @Id
  @SequenceGenerator(
      name = "agreement_signature_seq",
      sequenceName = "agreement_signature_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_signature_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "agreement_id")
  private Agreement agreement;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Party party;

  @Column(name = "signer_id", nullable = false)
  private long signerId;

  @Column(name = "signer_name", nullable = false, length = 100)
  private String signerName;

  @Column(nullable = false, length = 200)
  private String organisation;

  @Column(name = "signed_at", nullable = false)
  private Instant signedAt;

  @Column(length = 64)
  private String ip;

  @Column(name = "user_agent", length = 500)
  private String userAgent;

  @Column(name = "content_hash", nullable = false, length = 64)
  private String contentHash;

  @Column(name = "consent_hash", nullable = false, length = 64)
  private String consentHash;

  @Column(name = "voided_at")
  private Instant voidedAt;

  protected AgreementSignature() {}

  AgreementSignature(Agreement agreement, Signer signer, String consentHash, Instant now) {
    this.agreement = agreement;
    this.party = signer.party();
    this.signerId = signer.userId();
    this.signerName = signer.name();
    this.organisation = signer.organisation();
    this.ip = signer.ip();
    this.userAgent = signer.userAgent();
    this.contentHash = agreement.getContentHash();
    this.consentHash = consentHash;
    this.signedAt = now;
  }

  void voidAt(Instant now) {
    voidedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Agreement getAgreement() {
    return agreement;
  }

  public Party getParty() {
    return party;
  }

  public long getSignerId() {
    return signerId;
  }

  public String getSignerName() {
    return signerName;
  }

  public String getOrganisation() {
    return organisation;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public String getIp() {
    return ip;
  }

  public String getUserAgent() {
    return userAgent;
  }

  public String getContentHash() {
    return contentHash;
  }

  public String getConsentHash() {
    return consentHash;
  }

  public Instant getVoidedAt() {
    return voidedAt;
  }
}
