package jp.ishibashi.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.omnifaces.util.Faces;

/**
 * The user's language: Japanese or English. First taken from a remembered choice (a cookie), then
 * from the browser's preferences, Japanese when neither says; switchable on every page.
 */
@Named
@SessionScoped
public class Language implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String COOKIE = "ishibashi-lang";
  private static final int ONE_YEAR = 365 * 24 * 3600;
  private static final List<String> SUPPORTED = List.of("ja", "en");

  private Locale locale;

  public Locale getLocale() {
    if (locale == null) {
      locale = initial();
    }
    return locale;
  }

  public String getTag() {
    return getLocale().getLanguage();
  }

  /** Switches the language and remembers the choice. */
  public void change(String tag) {
    if (!SUPPORTED.contains(tag)) {
      return;
    }
    locale = Locale.forLanguageTag(tag);
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    Faces.addResponseCookie(COOKIE, tag, "/", ONE_YEAR);
  }

  private static Locale initial() {
    return choose(
        Faces.getRequestCookie(COOKIE),
        FacesContext.getCurrentInstance().getExternalContext().getRequestLocales());
  }

  /**
   * The language of a request: the remembered choice (the cookie's value) when it is supported,
   * else the browser's first supported preference, else Japanese.
   */
  static Locale choose(String remembered, Iterator<Locale> preferred) {
    if (remembered != null && SUPPORTED.contains(remembered)) {
      return Locale.forLanguageTag(remembered);
    }
    while (preferred.hasNext()) {
      String language = preferred.next().getLanguage();
      if (SUPPORTED.contains(language)) {
        return Locale.forLanguageTag(language);
      }
    }
    return Locale.JAPANESE;
  }
}
