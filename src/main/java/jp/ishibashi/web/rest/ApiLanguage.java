package jp.ishibashi.web.rest;

import java.util.List;
import java.util.Locale;
import jp.ishibashi.web.Pages;

/**
 * The language of an API response's texts: Japanese or English, taken from the request's {@code
 * Accept-Language}, Japanese when it names neither. Texts come from the pages' bundle.
 */
public final class ApiLanguage {

  private static final List<String> SUPPORTED = List.of("ja", "en");

  private ApiLanguage() {}

  /** The best supported language for an {@code Accept-Language} header (which may be null). */
  public static Locale of(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.JAPANESE;
    }
    try {
      String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
      return tag == null ? Locale.JAPANESE : Locale.forLanguageTag(tag);
    } catch (IllegalArgumentException malformed) {
      return Locale.JAPANESE;
    }
  }

  /** A text of the messages bundle; the key itself when the bundle lacks it. */
  public static String text(Locale locale, String key, Object... args) {
    return Pages.text(locale, key, args);
  }
}
