package jp.ishibashi.account;

import java.util.Locale;
import java.util.regex.Pattern;
import jp.ishibashi.shared.DomainException;

/**
 * An e-mail address as the portal stores it: trimmed and lower-cased, so that one person has one
 * account whatever case they type.
 */
public record EmailAddress(String value) {

  private static final Pattern SHAPE =
      Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  public EmailAddress {
    if (value == null || value.isBlank()) {
      throw new DomainException("error.email.required");
    }
    value = value.trim().toLowerCase(Locale.ROOT);
    if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
      throw new DomainException("error.email.malformed");
    }
  }

  public static EmailAddress of(String value) {
    return new EmailAddress(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
