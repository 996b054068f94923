package jp.ishibashi.agreement;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.workorder.Party;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One version of a work order's agreement — 契約 — frozen when the order was agreed: its canonical
 * content, the SHA-256 both parties sign, and their signatures.
 *
 * <p>The parties may sign in either order. A signature names the content hash it was given for;
 * when the order changes before both have signed, this version is void with every signature on
 * it, and the next agreement is frozen afresh. When both have signed, the version is SIGNED and
 * never changes again.
 */
@Entity
@Table(name = "agreement")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class Agreement {

  public enum State {
    /** Frozen; one or both signatures are still missing. */
    AWAITING_SIGNATURES,
    /** Both parties signed; the signed PDF is stored. */
    SIGNED,
    /** The order changed before both signed; signatures on it count for nothing. */
    VOID
  }

  @Id
  @SequenceGenerator(name = "agreement_seq", sequenceName = "agreement_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_seq")
  private Long id;

  @Column(name = "work_order_id", nullable = false)
  private long workOrderId;

  @Column(name = "version_no", nullable = false)
  private int versionNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state;

  @Column(nullable = false)
  private String content;

  @Column(name = "content_hash", nullable = false, length = 64)
  private String contentHash;

  @Column(name = "previous_hash", length = 64)
  private String previousHash;

  @Column(name = "frozen_at", nullable = false)
  private Instant frozenAt;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(name = "voided_at")
  private Instant voidedAt;

  @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL)
  @OrderBy("signedAt")
  private List<AgreementSignature> signatures = new ArrayList<>();

  @Version private long version;

  protected Agreement() {}

  Agreement(long workOrderId, AgreementContent frozen, Instant now) {
    this.workOrderId = workOrderId;
    this.versionNumber = frozen.version();
    this.state = State.AWAITING_SIGNATURES;
    this.content = frozen.canonical();
    this.contentHash = AgreementContent.sha256(content);
    this.previousHash = frozen.previousHash();
    this.frozenAt = now;
  }

  /**
   * Records one party's signature on the content hash it was shown. Refused when this version is
   * void or already signed by both, when the hash is not this version's, and when the party has
   * signed it already.
   */
  AgreementSignature sign(Signer signer, String shownHash, String consentHash, Instant now) {
    if (state == State.VOID) {
      throw new DomainException("error.agreement.voided");
    }
    if (state == State.SIGNED) {
      throw new DomainException("error.agreement.alreadySigned");
    }
    if (!contentHash.equals(shownHash)) {
      throw DomainException.at("contentHash", "error.agreement.contentChanged");
    }
    if (signatureOf(signer.party()).isPresent()) {
      throw new DomainException("error.agreement.signedTwice");
    }
    AgreementSignature signature = new AgreementSignature(this, signer, consentHash, now);
    signatures.add(signature);
    return signature;
  }

  /** Whether both parties have signed; the caller then seals the PDF and calls {@link #sealed}. */
  boolean bothSigned() {
    return state == State.AWAITING_SIGNATURES
        && signatureOf(Party.AGENCY).isPresent()
        && signatureOf(Party.SUBCONTRACTOR).isPresent();
  }

  void sealed(Instant now) {
    if (!bothSigned()) {
      throw new IllegalStateException("Sealed before both parties signed");
    }
    state = State.SIGNED;
    signedAt = now;
  }

  /** The order changed before both signed: this version and its signatures are void. */
  void voidAt(Instant now) {
    if (state != State.AWAITING_SIGNATURES) {
      throw new IllegalStateException("Only a version awaiting signatures can be voided");
    }
    state = State.VOID;
    voidedAt = now;
    signatures.forEach(s -> s.voidAt(now));
  }

  /** The party's signature on this version, if it signed. */
  public Optional<AgreementSignature> signatureOf(Party party) {
    return signatures.stream().filter(s -> s.getParty() == party).findFirst();
  }

  /** The agreed content, read back from its canonical form. */
  public AgreementContent content() {
    return AgreementContent.parse(content);
  }

  public Long getId() {
    return id;
  }

  public long getWorkOrderId() {
    return workOrderId;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public State getState() {
    return state;
  }

  public String getCanonicalContent() {
    return content;
  }

  public String getContentHash() {
    return contentHash;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public Instant getFrozenAt() {
    return frozenAt;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public Instant getVoidedAt() {
    return voidedAt;
  }

  public List<AgreementSignature> getSignatures() {
    return signatures;
  }

  public long getVersion() {
    return version;
  }
}
