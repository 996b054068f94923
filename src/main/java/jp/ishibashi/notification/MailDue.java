package jp.ishibashi.notification;

/** A pending mail that is due, as a poller found it: its row and its agency. */
public record MailDue(long mailId, long tenantId) {}
