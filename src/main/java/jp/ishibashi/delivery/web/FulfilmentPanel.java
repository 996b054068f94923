package jp.ishibashi.delivery.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.delivery.Delivery;
import jp.ishibashi.delivery.Deliveries;
import jp.ishibashi.delivery.Funding;
import jp.ishibashi.delivery.Upload;
import jp.ishibashi.escrow.Ledger;
import jp.ishibashi.escrow.EscrowLedger;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.web.Pages;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.WorkOrder;

/**
 * The funding and delivery section of a signed order's page: the escrow's balances, funding
 * (and extra funding after an amendment), the start of work, deliveries and their review, with
 * the actions each side may take now.
 */
@Named
@ViewScoped
public class FulfilmentPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Funding funding;
  @Inject private Deliveries fulfilment;
  @Inject private EscrowLedger escrow;
  @Inject private CurrentUser currentUser;
  @Inject private jp.ishibashi.delivery.Cancellations cancellations;
  @Inject private jp.ishibashi.settlement.Settlements settlements;
  @Inject private jp.ishibashi.change.policy.PricingPolicies policies;
  @Inject private jp.ishibashi.platform.PortalClock clock;

  private Long loadedFor;
  private transient Ledger ledger;
  private transient List<Delivery> deliveries;
  private transient Money extraDue;
  private transient java.util.Set<Long> accepted;
  private transient List<Deliveries.AttachmentInfo> attachments;
  private transient List<Part> files;
  private String reference;
  private String note;
  private String rejectReason;
  private String cancelReason;
  private String demandNote;
  private List<Long> deliveredLines = new ArrayList<>();
  private List<Long> rejectedLines = new ArrayList<>();

  private void load(WorkOrder order) {
    if (ledger != null && Objects.equals(loadedFor, order.getId())) {
      return;
    }
    ledger = escrow.ledger(currentUser.actor(), order.getId());
    deliveries = fulfilment.deliveries(currentUser.actor(), order.getId());
    extraDue = funding.extraDue(currentUser.actor(), order);
    accepted = settlements.acceptedLines(currentUser.actor(), order.getId());
    loadedFor = order.getId();
  }

  public Ledger ledger(WorkOrder order) {
    load(order);
    return ledger;
  }

  public List<Delivery> deliveries(WorkOrder order) {
    load(order);
    return deliveries;
  }

  /**
   * The first day the agency may demand performance: the delivery date plus its policy's grace
   * days, passed.
   */
  public java.time.LocalDate demandPossibleFrom(WorkOrder order) {
    return order.demandPossibleFrom(policies.nonPerformance(currentUser.actor()).graceDays());
  }

  /** Whether a demand may be sent today: the grace has passed and no demand's deadline runs. */
  public boolean demandOpen(WorkOrder order) {
    return order.demandOpen(
        clock.today(), policies.nonPerformance(currentUser.actor()).graceDays());
  }

  /** The lines the subcontractor may still deliver: those of the current version not accepted. */
  public List<ScopeLine> openLines(WorkOrder order) {
    load(order);
    return order.countedLines().stream().filter(l -> !accepted.contains(l.getId())).toList();
  }

  /** The lines of the delivery under review, for the rejection to name. */
  public List<ScopeLine> underReview(WorkOrder order) {
    load(order);
    java.util.Set<Long> ids =
        deliveries.stream()
            .filter(d -> d.getState() == Delivery.State.SUBMITTED)
            .flatMap(d -> d.lineIds().stream())
            .collect(java.util.stream.Collectors.toSet());
    return order.countedLines().stream().filter(l -> ids.contains(l.getId())).toList();
  }

  /** Lines by their position in the current version, for people reading it ("1, 3"). */
  public String positions(WorkOrder order, List<Long> lineIds) {
    List<ScopeLine> counted = order.countedLines();
    return String.join(
        ", ",
        lineIds.stream()
            .map(
                id ->
                    counted.stream()
                        .filter(l -> l.getId() == id)
                        .findFirst()
                        .map(l -> String.valueOf(counted.indexOf(l) + 1))
                        .orElse("–"))
            .toList());
  }

  public Money extraDue(WorkOrder order) {
    load(order);
    return extraDue;
  }

  public String fund(WorkOrder order) {
    return act(order, () -> funding.fund(currentUser.actor(), order.getId(), reference), "funding.funded");
  }

  public String fundExtra(WorkOrder order) {
    return act(order, () -> funding.fundExtra(currentUser.actor(), order.getId(), reference), "funding.extraFunded");
  }

  public String start(WorkOrder order) {
    return act(order, () -> fulfilment.start(currentUser.actor(), order.getId()), "delivery.started");
  }

  public String deliver(WorkOrder order) {
    List<Upload> uploads = new ArrayList<>();
    try {
      return act(
          order,
          () -> {
            receive(uploads);
            fulfilment.deliver(currentUser.actor(), order.getId(), note, uploads, deliveredLines);
          },
          "delivery.delivered");
    } finally {
      uploads.forEach(Upload::close);
      deleteParts();
    }
  }

  /**
   * Receives the chosen files into {@code uploads}: first their number is checked, then each is
   * streamed to a temporary file, hashed and checked as it arrives (type, size). The first refusal
   * ends it, with a message naming the file.
   */
  private void receive(List<Upload> uploads) {
    List<Part> chosen =
        files == null
            ? List.of()
            : files.stream()
                .filter(p -> p.getSize() > 0 || !(p.getSubmittedFileName() == null || p.getSubmittedFileName().isEmpty()))
                .toList();
    fulfilment.checkFileCount(chosen.size());
    for (Part part : chosen) {
      try (InputStream in = part.getInputStream()) {
        uploads.add(Upload.receive(part.getSubmittedFileName(), in, fulfilment.attachmentMaxBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("The upload could not be read", e);
      }
    }
  }

  /** The container's own copies of the parts go as soon as the files were stored or refused. */
  private void deleteParts() {
    if (files == null) {
      return;
    }
    for (Part part : files) {
      try {
        part.delete();
      } catch (IOException | RuntimeException e) {
        // The container deletes them at the end of the request in any case.
      }
    }
    files = null;
  }

  /** The files delivered with this delivery. */
  public List<Deliveries.AttachmentInfo> attachmentsOf(WorkOrder order, Delivery delivery) {
    if (attachments == null || !Objects.equals(loadedFor, order.getId())) {
      attachments = fulfilment.attachments(currentUser.actor(), order.getId());
    }
    return attachments.stream().filter(a -> a.deliveryId() == delivery.getId()).toList();
  }

  public String attachmentUrl(WorkOrder order, Deliveries.AttachmentInfo attachment) {
    return org.omnifaces.util.Faces.getRequestContextPath()
        + "/api/work-orders/"
        + order.getId()
        + "/fulfilment/attachments/"
        + attachment.id();
  }

  public long getMaxMegabytes() {
    return fulfilment.attachmentMaxBytes() / 1024 / 1024;
  }

  public int getMaxFiles() {
    return fulfilment.maxFiles();
  }

  public List<Part> getFiles() {
    return files;
  }

  public void setFiles(List<Part> files) {
    this.files = files;
  }

  public String accept(WorkOrder order) {
    return act(order, () -> fulfilment.accept(currentUser.actor(), order.getId()), "delivery.accepted");
  }

  public String reject(WorkOrder order) {
    return act(
        order,
        () -> fulfilment.reject(currentUser.actor(), order.getId(), rejectReason, rejectedLines),
        "delivery.rejected");
  }

  /**
   * Ends the order the way the viewer's side may now (cancel, terminate or withdraw), or records
   * the notice a long engagement needs first.
   */
  public String cancel(WorkOrder order) {
    return end(order, () -> cancellations.cancel(currentUser.actor(), order.getId(), cancelReason));
  }

  /** The agency ends the order after an unanswered demand. */
  public String endForNonPerformance(WorkOrder order) {
    return end(
        order,
        () -> cancellations.endForNonPerformance(currentUser.actor(), order.getId(), cancelReason));
  }

  /** The agency demands performance of the open lines (催告). */
  public String demand(WorkOrder order) {
    return act(
        order,
        () -> cancellations.demand(currentUser.actor(), order.getId(), demandNote),
        "demand.sent");
  }

  private String end(
      WorkOrder order,
      java.util.function.Supplier<jp.ishibashi.delivery.Cancellations.Outcome> request) {
    try {
      jp.ishibashi.delivery.Cancellations.Outcome outcome = request.get();
      if (outcome.cancelled()) {
        // cancel.done.CANCELLED, .TERMINATED, .WITHDRAWN, .NON_PERFORMANCE
        String done = "cancel.done." + outcome.how();
        Pages.info(
            done,
            outcome.paid().amount(),
            outcome.refunded().amount(),
            outcome.paid().currency().getCurrencyCode());
      } else {
        Pages.info("cancel.noticeGiven", outcome.effectiveFrom().toString());
      }
      return "/orders/work-order?faces-redirect=true&id=" + order.getId();
    } catch (NotFoundException e) {
      Pages.refused(e);
      return null;
    } catch (DomainException e) {
      Pages.errorAt("cancel", e);
      return null;
    }
  }

  private String act(WorkOrder order, Runnable action, String doneKey) {
    try {
      action.run();
      Pages.info(doneKey);
      return "/orders/work-order?faces-redirect=true&id=" + order.getId();
    } catch (NotFoundException e) {
      Pages.refused(e);
      return null;
    } catch (DomainException e) {
      Pages.errorAt("fulfilment", e);
      return null;
    }
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getRejectReason() {
    return rejectReason;
  }

  public void setRejectReason(String rejectReason) {
    this.rejectReason = rejectReason;
  }

  public List<Long> getDeliveredLines() {
    return deliveredLines;
  }

  public void setDeliveredLines(List<Long> deliveredLines) {
    this.deliveredLines = deliveredLines;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public void setCancelReason(String cancelReason) {
    this.cancelReason = cancelReason;
  }

  public List<Long> getRejectedLines() {
    return rejectedLines;
  }

  public void setRejectedLines(List<Long> rejectedLines) {
    this.rejectedLines = rejectedLines;
  }

  public String getDemandNote() {
    return demandNote;
  }

  public void setDemandNote(String demandNote) {
    this.demandNote = demandNote;
  }
}
