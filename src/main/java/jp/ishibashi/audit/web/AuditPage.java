package jp.ishibashi.audit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.audit.AuditChainVerifier;
import jp.ishibashi.audit.AuditEvent;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.audit.ChainVerification;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The admin's audit trail page: the agency's events newest first, a page at a time, and a
 * verification of the agency's hash chain on request (it reads every event, so it does not run on
 * each visit).
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SHORT_HASH = 12;

  @Inject private AuditTrail trail;
  @Inject private AuditChainVerifier verifier;
  @Inject private AccountDirectory directory;
  @Inject private CurrentUser currentUser;

  private ChainVerification verification;
  private final Map<Long, String> actorNames = new HashMap<>();

  /** The table's rows; transient (a page of entities), made again after a move to another node. */
  private transient LazyDataModel<AuditEvent> rows;

  public void verify() {
    try {
      verification = verifier.verify(currentUser.actor());
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  /**
   * The account's name; "the portal" for what it did itself (a deemed acceptance); or the id when
   * the account no longer exists.
   */
  public String actorName(AuditEvent event) {
    if (event.getActorId() == jp.ishibashi.tenant.Actor.SYSTEM_USER_ID) {
      return jp.ishibashi.web.Pages.text("audit.systemActor");
    }
    return actorNames.getOrDefault(event.getActorId(), "#" + event.getActorId());
  }

  /** The first digits of the event's hash: enough to tell events apart on screen. */
  public String shortHash(AuditEvent event) {
    String hash = event.getHash();
    return hash == null ? "" : hash.substring(0, SHORT_HASH);
  }

  public LazyDataModel<AuditEvent> getRows() {
    if (rows == null) {
      rows = newRows();
    }
    return rows;
  }

  private LazyDataModel<AuditEvent> newRows() {
    return new LazyDataModel<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public int count(Map<String, FilterMeta> filterBy) {
        return (int) trail.count(currentUser.actor());
      }

      @Override
      public List<AuditEvent> load(
          int first,
          int pageSize,
          Map<String, SortMeta> sortBy,
          Map<String, FilterMeta> filterBy) {
        List<AuditEvent> events = trail.newestFirst(currentUser.actor(), first, pageSize);
        Set<Long> unnamed =
            events.stream()
                .map(AuditEvent::getActorId)
                .filter(id -> !actorNames.containsKey(id))
                .collect(Collectors.toSet());
        actorNames.putAll(directory.displayNames(unnamed));
        return events;
      }

      @Override
      public String getRowKey(AuditEvent event) {
        return String.valueOf(event.getId());
      }
    };
  }

  /** Whether a verification ran in this view. */
  public boolean isVerified() {
    return verification != null;
  }

  public ChainVerification getVerification() {
    return verification;
  }

  /** The first broken link of the last verification, or null. */
  public ChainVerification.Break getFirstBreak() {
    return verification == null ? null : verification.firstBreak();
  }
}
