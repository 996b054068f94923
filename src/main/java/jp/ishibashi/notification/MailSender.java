package jp.ishibashi.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Sends one plain-text UTF-8 mail through the SMTP server of {@link MailSettings}, with Jakarta
 * Mail as Payara provides it. Only the {@link MailOutboxPoller} calls it, never an action.
 */
@ApplicationScoped
public class MailSender {

  @Inject private MailSettings settings;

  /** Hands the mail to the SMTP server; throws when the server refuses it or cannot be reached. */
  public void send(String recipient, MailText text) throws MessagingException {
    Session session = Session.getInstance(settings.sessionProperties());
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient, true));
    message.setSubject(text.subject(), StandardCharsets.UTF_8.name());
    message.setText(text.body(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    if (settings.user().isPresent()) {
      Transport.send(message, settings.user().get(), settings.password());
    } else {
      Transport.send(message);
    }
  }
}
