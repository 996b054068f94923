package jp.ishibashi.notification;

/** The subject and plain-text body of a notification's e-mail. */
public record MailText(String subject, String body) {}
