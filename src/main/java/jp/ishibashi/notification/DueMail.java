package jp.ishibashi.notification;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * A read-only, cross-tenant view of {@link MailOutbox}, used only by {@link MailClaims} to find the
 * mails that are due in every agency. Nothing else may query it; a claim then acts inside the
 * mail's own agency.
 */
@Entity
@Table(name = "mail_outbox")
@ReadOnly
@Cacheable(false)
class DueMail {
  @Id Long id;

  @Column(name = "tenant_id")
  long tenantId;

  @Enumerated(EnumType.STRING)
  MailOutbox.State state;

  @Column(name = "next_attempt_at")
  Instant nextAttemptAt;

  MailDue toDue() {
    return new MailDue(id, tenantId);
  }
}
