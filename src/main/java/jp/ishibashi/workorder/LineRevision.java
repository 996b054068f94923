package jp.ishibashi.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One entry of a scope line's negotiation history: who did what, when, and the line's content
 * after it. Append-only; consecutive revisions give the redline of old and new values.
 */
@Entity
@Table(name = "line_revision")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class LineRevision {

  @Id
  @SequenceGenerator(
      name = "line_revision_seq",
      sequenceName = "line_revision_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "line_revision_seq")
  private Long id;

  @Column(name = "work_order_id", nullable = false)
  private long workOrderId;

  @Column(name = "line_id", nullable = false)
  private long lineId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ScopeLine.Action action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Party party;

  @Column(name = "actor_id", nullable = false)
  private long actorId;

  @Column(name = "actor_name", nullable = false, length = 100)
  private String actorName;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  @Embedded private LineContent content;

  protected LineRevision() {}

  LineRevision(
      ScopeLine line, ScopeLine.Action action, Party party, long actorId, String actorName, Instant at) {
    this.workOrderId = line.getWorkOrder().getId();
    this.lineId = line.getId();
    this.action = action;
    this.party = party;
    this.actorId = actorId;
    this.actorName = actorName;
    this.at = at;
    this.content = line.getContent().copy();
  }

  public Long getId() {
    return id;
  }

  public long getLineId() {
    return lineId;
  }

  public ScopeLine.Action getAction() {
    return action;
  }

  public Party getParty() {
    return party;
  }

  public String getActorName() {
    return actorName;
  }

  public Instant getAt() {
    return at;
  }

  public LineContent getContent() {
    return content;
  }
}
