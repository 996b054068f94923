package jp.ishibashi.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.Workplace;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;

/**
 * The signed-in user of this request, and the one place where the {@link Actor} — and with it the
 * tenant — is built. A staff member acts in its agency; a subcontractor acts in the agency it
 * picked in the switcher, which must be one that engaged it.
 */
@Named
@RequestScoped
public class CurrentUser {

  @Inject private SecurityContext security;
  @Inject private AccountDirectory directory;
  @Inject private AgencySelection selection;

  private UserAccount account;
  private List<Workplace> workplaces;
  private boolean resolved;

  public boolean isSignedIn() {
    return account() != null;
  }

  /** The account, or null when nobody (or a deleted account) is signed in. */
  public UserAccount account() {
    if (!resolved) {
      resolved = true;
      Principal principal = security.getCallerPrincipal();
      account =
          principal == null
              ? null
              : directory.accountByEmail(principal.getName()).orElse(null);
      workplaces = account == null ? List.of() : directory.workplacesOf(account.getId());
    }
    return account;
  }

  public String getDisplayName() {
    return isSignedIn() ? account.getDisplayName() : "";
  }

  /** The agencies this user may act in. */
  public List<Workplace> getWorkplaces() {
    account();
    return workplaces;
  }

  /** Where the user acts now, if anywhere. */
  public Optional<Workplace> workplace() {
    List<Workplace> all = getWorkplaces();
    if (all.isEmpty()) {
      return Optional.empty();
    }
    Long picked = selection.tenantId();
    if (picked == null) {
      // The first agency is the session's choice until the user switches: if that engagement
      // ends, the session ends too, rather than silently moving to another agency.
      selection.select(all.get(0).tenantId());
      return Optional.of(all.get(0));
    }
    return all.stream().filter(w -> w.tenantId() == picked).findFirst();
  }

  public Workplace getWorkplace() {
    return workplace().orElse(null);
  }

  /** The actor for application services; 404 when the user may act nowhere. */
  public Actor actor() {
    Workplace w = workplace().orElseThrow(NotFoundException::new);
    return new Actor(account.getId(), w.tenantId(), w.role());
  }

  /** Picks one of the user's own agencies; any other id is refused. */
  public void switchTo(long tenantId) {
    if (getWorkplaces().stream().noneMatch(w -> w.tenantId() == tenantId)) {
      throw new NotFoundException();
    }
    selection.select(tenantId);
  }

  /**
   * False when the session must end: the account is gone, a staff member was removed, or the
   * agency a subcontractor was working in ended the engagement.
   */
  public boolean mayContinue() {
    if (account() == null) {
      return false;
    }
    if (!account.isSubcontractor()) {
      return !workplaces.isEmpty();
    }
    return selection.tenantId() == null || workplace().isPresent();
  }

  public boolean isAgencyAdmin() {
    return workplace().map(w -> w.role() == Role.AGENCY_ADMIN).orElse(false);
  }

  public boolean isAgencyMember() {
    return workplace().map(w -> w.role().isAgencyMember()).orElse(false);
  }

  public boolean isSubcontractor() {
    return isSignedIn() && account.isSubcontractor();
  }
}
