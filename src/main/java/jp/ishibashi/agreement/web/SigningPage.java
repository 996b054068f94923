package jp.ishibashi.agreement.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.web.Pages;
import org.omnifaces.util.Faces;

/**
 * Signing one agreement version: the page shows what is signed — the order, the version, its
 * content hash and the consent statement — and asks for the password again. The statement's
 * language is remembered, so the hash recorded is that of the words the signer saw.
 */
@Named
@ViewScoped
public class SigningPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Agreements agreements;
  @Inject private CurrentUser currentUser;

  private String order;
  private String agreement;
  private long orderId;
  private long agreementId;
  private transient Agreement shown;
  /** False in an instance restored on another node: {@link #shown} is loaded again. */
  private transient boolean live = true;
  private String contentHash;
  private String consent;
  private Locale consentLocale;
  private String password;

  public void load() {
    try {
      orderId = Long.parseLong(order);
      agreementId = Long.parseLong(agreement);
    } catch (NumberFormatException | NullPointerException e) {
      Pages.notFound();
      return;
    }
    try {
      findShown();
      if (shown == null) {
        Pages.notFound();
        return;
      }
      contentHash = shown.getContentHash();
      consentLocale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
      consent = agreements.consentText(currentUser.actor(), orderId, agreementId, consentLocale);
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  /** Signs; back to the order page when done, the message on this page when refused. */
  public String sign() {
    try {
      Agreement signed =
          agreements.sign(
              currentUser.actor(), orderId, agreementId, contentHash, password, consentLocale);
      password = null;
      Pages.info(
          signed.getState() == Agreement.State.SIGNED
              ? "signing.done.sealed"
              : "signing.done.waiting");
      return "/orders/work-order?faces-redirect=true&id=" + orderId;
    } catch (NotFoundException e) {
      Pages.refused(e);
      return null;
    } catch (DomainException e) {
      password = null;
      if ("contentHash".equals(e.field())) {
        // The hash shown is no input of the form: the page says it changed, above the form.
        Pages.error(e);
      } else {
        Pages.errorAt("signForm", e);
      }
      return null;
    }
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }

  public String getAgreement() {
    return agreement;
  }

  public void setAgreement(String agreement) {
    this.agreement = agreement;
  }

  public long getOrderId() {
    return orderId;
  }

  /** The order's agreement of {@link #agreementId}, as this user may see it; null if none. */
  private void findShown() {
    shown =
        agreements.ofOrder(currentUser.actor(), orderId).stream()
            .filter(a -> a.getId() == agreementId)
            .findFirst()
            .orElse(null);
  }

  public AgreementContent getContent() {
    return getShown() == null ? null : shown.content();
  }

  public Agreement getShown() {
    if (!live) { // a view restored on another node
      live = true;
      if (shown == null && agreementId != 0) {
        Pages.loadAgain(this::findShown);
      }
    }
    return shown;
  }

  public String getContentHash() {
    return contentHash;
  }

  public String getConsent() {
    return consent;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRequestPath() {
    return Faces.getRequestContextPath();
  }
}
