package jp.ishibashi.notification;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of the account mails, from the messages bundle: Japanese first, the English below, as
 * in notification mails.
 */
final class AccountMailTexts {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(JAPAN);

  private AccountMailTexts() {}

  /** The link that verifies a new sign-up's address, and until when it works (Japan time). */
  static MailText verifyAddress(String link, Instant expiresAt) {
    return mail("mail.verifyAddress", link, WHEN.format(expiresAt));
  }

  /** Someone tried to sign up with an address that has an account. */
  static MailText signUpAttempted(String signInLink) {
    return mail("mail.signUpAttempted", signInLink, null);
  }

  private static MailText mail(String key, String link, String until) {
    String subject = format(key + ".subject", NotificationTexts.JAPANESE);
    StringBuilder body = new StringBuilder();
    body.append(format(key + ".body", NotificationTexts.JAPANESE, link, until));
    body.append("\n\n").append(format("notification.mail.footer", NotificationTexts.JAPANESE));
    body.append("\n\n----\n\n");
    body.append(format(key + ".body", NotificationTexts.ENGLISH, link, until));
    body.append("\n\n").append(format("notification.mail.footer", NotificationTexts.ENGLISH));
    body.append('\n');
    return new MailText(subject, body.toString());
  }

  private static String format(String key, Locale locale, Object... args) {
    String pattern = ResourceBundle.getBundle(NotificationTexts.BUNDLE, locale).getString(key);
    return new MessageFormat(pattern, locale).format(args);
  }
}
