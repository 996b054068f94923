package jp.ishibashi.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.workorder.ActionRefusedException;
import jp.ishibashi.workorder.OrderAction;
import org.omnifaces.util.Faces;

/** Messages and responses shared by the portal's page beans. */
public final class Pages {

  public static final String BUNDLE = "jp.ishibashi.web.messages";

  private Pages() {}

  /** A text of the messages bundle in the view's language. */
  public static String text(String key, Object... args) {
    return text(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, args);
  }

  /** A text of the messages bundle in the given language; the key itself when it has none. */
  public static String text(java.util.Locale locale, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
  }

  public static void info(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_INFO, text(key, args));
  }

  /** Shows a refused action's reason at a field (or globally when {@code clientId} is null). */
  public static void error(String clientId, DomainException e) {
    String message = text(e.key(), e.args());
    if (e instanceof ActionRefusedException refused) {
      message +=
          " "
          + allowedNow(FacesContext.getCurrentInstance().getViewRoot().getLocale(), refused.allowed());
    }
    add(clientId, FacesMessage.SEVERITY_ERROR, message);
  }

  /** "Possible now: …", the actions the lifecycle allows the viewer, in the view's language. */
  public static String allowedNow(java.util.Locale locale, java.util.List<OrderAction> allowed) {
    return allowed.isEmpty()
        ? text(locale, "lifecycle.nothingNow")
        : text(
            locale,
            "lifecycle.allowedNow",
            String.join(
                text(locale, "lifecycle.separator"),
                allowed.stream().map(a -> text(locale, "action." + a)).toList()));
  }

  public static void error(DomainException e) {
    error(null, e);
  }

  /**
   * Shows a refusal beside its field when the rule names one (the form's component ids are the
   * field names), otherwise at the top of the page.
   */
  public static void errorAt(String formId, DomainException e) {
    error(e.field() == null ? null : formId + ":" + e.field(), e);
    FacesContext.getCurrentInstance().validationFailed();
  }

  /**
   * Answers 404 for a thing that does not exist for this user, and an error message for any other
   * refused rule.
   */
  public static void refused(DomainException e) {
    if (e instanceof NotFoundException) {
      notFound();
    } else {
      error(e);
    }
  }

  /**
   * Loads a page bean's state again after its view moved to another node (the session came from
   * the cluster without the bean's transient fields); a refusal shows as it would on first load.
   */
  public static void loadAgain(Runnable load) {
    try {
      load.run();
    } catch (DomainException e) {
      refused(e);
    }
  }

  /** Ends the response with 404, the same for missing ids and other tenants' ids. */
  public static void notFound() {
    Faces.responseSendError(404, "Not found");
  }

  private static void add(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(clientId, new FacesMessage(severity, text, null));
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }
}
