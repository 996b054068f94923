package jp.ishibashi.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.Version;
import jp.ishibashi.shared.DomainException;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One line of a work order's scope — 作業項目 — with its own negotiation state.
 *
 * <p>A line is proposed by one side and answered by the other: accepted, or countered with new
 * content (which makes it the counterer's proposal). Either side may propose to remove an agreed
 * or proposed line; the other side accepts the removal, or keeps the line (which proposes it
 * again, unchanged). Editing an accepted line reopens it. Each change is returned as the action
 * that the history records.
 */
@Entity
@Table(name = "scope_line")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class ScopeLine {

  /** What happened to a line, as recorded in its history. */
  public enum Action {
    PROPOSED,
    COUNTERED,
    EDITED,
    ACCEPTED,
    REMOVAL_PROPOSED,
    REMOVED,
    KEPT,
    /** Changed by an accepted change request after signing. */
    AMENDED
  }

  @Id
  @SequenceGenerator(name = "scope_line_seq", sequenceName = "scope_line_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scope_line_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "work_order_id", nullable = false)
  private WorkOrder workOrder;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Embedded private LineContent content;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private LineState state;

  @Enumerated(EnumType.STRING)
  @Column(name = "proposed_by", nullable = false, length = 20)
  private Party proposedBy;

  @Version private long version;

  protected ScopeLine() {}

  ScopeLine(WorkOrder workOrder, int sortOrder, LineContent content, Party proposedBy) {
    this.workOrder = workOrder;
    this.sortOrder = sortOrder;
    this.content = content;
    this.state = LineState.PROPOSED;
    this.proposedBy = proposedBy;
  }

  /** A line both sides agreed through an accepted change request: agreed from the start. */
  static ScopeLine agreedByAmendment(
      WorkOrder workOrder, int sortOrder, LineContent content, Party proposedBy) {
    ScopeLine line = new ScopeLine(workOrder, sortOrder, content, proposedBy);
    line.state = LineState.ACCEPTED;
    return line;
  }

  /** New agreed content through an accepted change request; the line stays agreed. */
  void amend(LineContent newContent) {
    if (state == LineState.REMOVED) {
      throw new DomainException("error.line.removed");
    }
    content = newContent;
  }

  /** Removed through an accepted change request. */
  void removeByAmendment() {
    if (state == LineState.REMOVED) {
      throw new DomainException("error.line.removed");
    }
    state = LineState.REMOVED;
  }

  /** New content from one side: a counter-proposal, a revised proposal, or a reopened line. */
  Action edit(LineContent newContent, Party by) {
    if (state == LineState.REMOVED) {
      throw new DomainException("error.line.removed");
    }
    if (newContent.sameAs(content)) {
      throw new DomainException("error.line.unchanged");
    }
    Action action =
        state == LineState.PROPOSED && proposedBy != by ? Action.COUNTERED : Action.EDITED;
    content = newContent;
    state = LineState.PROPOSED;
    proposedBy = by;
    return action;
  }

  /** The other side agrees: to the proposed content, or to the proposed removal. */
  Action accept(Party by) {
    switch (state) {
      case ACCEPTED -> throw new DomainException("error.line.alreadyAccepted");
      case REMOVED -> throw new DomainException("error.line.removed");
      default -> {}
    }
    if (proposedBy == by) {
      throw new DomainException("error.line.ownProposal");
    }
    if (state == LineState.REMOVAL_PROPOSED) {
      state = LineState.REMOVED;
      return Action.REMOVED;
    }
    state = LineState.ACCEPTED;
    return Action.ACCEPTED;
  }

  /** Proposes to drop the line. */
  Action proposeRemoval(Party by) {
    if (state == LineState.REMOVED || state == LineState.REMOVAL_PROPOSED) {
      throw new DomainException("error.line.removalPending");
    }
    state = LineState.REMOVAL_PROPOSED;
    proposedBy = by;
    return Action.REMOVAL_PROPOSED;
  }

  /** Refuses a proposed removal: the line is proposed again, unchanged, by the refusing side. */
  Action keep(Party by) {
    if (state != LineState.REMOVAL_PROPOSED) {
      throw new DomainException("error.line.noRemovalProposed");
    }
    if (proposedBy == by) {
      throw new DomainException("error.line.ownProposal");
    }
    state = LineState.PROPOSED;
    proposedBy = by;
    return Action.KEPT;
  }

  /** Whether the given side is the one to answer this line. */
  public boolean awaits(Party side) {
    return (state == LineState.PROPOSED || state == LineState.REMOVAL_PROPOSED)
        && proposedBy != side;
  }

  boolean counts() {
    return state != LineState.REMOVED;
  }

  void moveTo(int sortOrder) {
    this.sortOrder = sortOrder;
  }

  public Long getId() {
    return id;
  }

  public WorkOrder getWorkOrder() {
    return workOrder;
  }

  public int getSortOrder() {
    return sortOrder;
  }

  public LineContent getContent() {
    return content;
  }

  public LineState getState() {
    return state;
  }

  public Party getProposedBy() {
    return proposedBy;
  }

  public long getVersion() {
    return version;
  }
}
