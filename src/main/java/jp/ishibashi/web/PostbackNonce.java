package jp.ishibashi.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The script nonce of a page drawn in answer to a form post, decided by the server alone.
 *
 * <p>PrimeFaces keeps a page's nonce in its view and expects every post of that page to send it
 * back in {@value #PARAMETER}, a hidden field its script adds to each form once the page has
 * loaded. A post without it (a browser without script, a form sent before the page finished
 * loading, a plain HTTP client) would make PrimeFaces fail with an error 500 as soon as it draws
 * the answer; so would a post after the view expired, whose error page has no nonce of its own.
 * This request answers {@value #PARAMETER} itself: the view's nonce when the view has one (what
 * the form sent does not count), else the nonce the page sent when it is well-formed (an ajax
 * request after its view expired: the error it shows must run under the page's nonce), else a
 * fresh one.
 */
final class PostbackNonce extends HttpServletRequestWrapper {

  static final String PARAMETER = "primefaces.nonce";

  private String fresh;

  PostbackNonce(HttpServletRequest request) {
    super(request);
  }

  @Override
  public String getParameter(String name) {
    return PARAMETER.equals(name) ? nonce() : super.getParameter(name);
  }

  @Override
  public String[] getParameterValues(String name) {
    return PARAMETER.equals(name) ? new String[] {nonce()} : super.getParameterValues(name);
  }

  private String nonce() {
    String ofView = ofView();
    if (ofView != null) {
      return ofView;
    }
    String sent = super.getParameter(PARAMETER);
    if (wellFormed(sent)) {
      return sent;
    }
    if (fresh == null) {
      fresh = newNonce();
    }
    return fresh;
  }

  private static String ofView() {
    FacesContext context = FacesContext.getCurrentInstance();
    UIViewRoot view = context == null ? null : context.getViewRoot();
    Map<String, Object> state = view == null ? null : view.getViewMap(false);
    return state != null && state.get(PARAMETER) instanceof String nonce && wellFormed(nonce)
        ? nonce
        : null;
  }

  /** PrimeFaces' own form: Base64 of a UUID's text. Anything else it refuses with an error. */
  static boolean wellFormed(String nonce) {
    if (nonce == null || nonce.length() > 64) {
      return false;
    }
    try {
      UUID.fromString(new String(Base64.getDecoder().decode(nonce), StandardCharsets.UTF_8));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static String newNonce() {
    return Base64.getEncoder()
        .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
  }
}
