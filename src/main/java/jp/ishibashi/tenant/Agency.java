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
}
