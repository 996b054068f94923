package jp.ishibashi.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import jp.ishibashi.shared.BusinessDetails;

/**
 * An agency — 発注者 — is a tenant of the portal. Every business row it owns carries its id as
 * {@code tenant_id}. The agency row itself is global: it is the tenant, not a row of one.
 */
@Entity
@Table(name = "agency")
public class Agency {

  @Id
  @SequenceGenerator(name = "agency_seq", sequenceName = "agency_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_seq")
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(length = BusinessDetails.MAX_ADDRESS)
  private String address;

  @Column(name = "registration_number", length = 14)
  private String registrationNumber;

  @Version private long version;

  protected Agency() {}

  public Agency(String name, Instant createdAt) {
    this.name = name;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public BusinessDetails getBusinessDetails() {
    return new BusinessDetails(address, registrationNumber);
  }

  /** The address and registration number that the agency's next agreements name. */
  public void describe(BusinessDetails details) {
    this.address = details.address();
    this.registrationNumber = details.registrationNumber();
  }

  public long getVersion() {
    return version;
  }
}
