package jp.ishibashi.notification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of a notification, from the portal's messages bundle: its line in the inbox, in the
 * reader's language, and its e-mail, in Japanese (the portal's primary audience) with the English
 * below, both with the link to the work order.
 */
public final class NotificationTexts {

  static final String BUNDLE = "jp.ishibashi.web.messages";
  static final Locale JAPANESE = Locale.JAPANESE;
  static final Locale ENGLISH = Locale.ENGLISH;

  private NotificationTexts() {}

  /** The notification's text in this language, such as "IW-0001 ロゴ制作: 仮払いが完了しました。". */
  public static String text(NotificationKind kind, String[] args, Locale locale) {
    return format(kind.messageKey(), locale, (Object[]) args);
  }

  /**
   * The e-mail of a notification.
   *
   * @param link the absolute address of the work order page, or null when it is about none
   */
  public static MailText mail(NotificationKind kind, String[] args, String link) {
    String japanese = text(kind, args, JAPANESE);
    String english = text(kind, args, ENGLISH);
    String subject = format("notification.mail.subject", JAPANESE, japanese);
    StringBuilder body = new StringBuilder();
    section(body, japanese, link, JAPANESE);
    body.append("\n----\n\n");
    section(body, english, link, ENGLISH);
    return new MailText(subject, body.toString());
  }

  private static void section(StringBuilder body, String text, String link, Locale locale) {
    body.append(text).append("\n\n");
    if (link != null) {
      body.append(format("notification.mail.open", locale)).append('\n');
      body.append(link).append("\n\n");
    }
    body.append(format("notification.mail.footer", locale)).append('\n');
  }

  private static String format(String key, Locale locale, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key;
    }
    return new MessageFormat(pattern, locale).format(args == null ? new Object[0] : args);
  }
}
