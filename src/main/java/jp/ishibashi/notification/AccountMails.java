package jp.ishibashi.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jp.ishibashi.account.AccountMailDue;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.tenant.Tenancy;

/**
 * Queues the mails about accounts (an address to verify, a sign-up attempt with a known address)
 * in the mail outbox, in the transaction that fired them. They are queued even while notification
 * mail is off: sign-up cannot work without them, and they wait, PENDING, until mail is on.
 */
@ApplicationScoped
public class AccountMails {

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private MailSettings settings;

  void on(@Observes AccountMailDue due) {
    MailText text =
        switch (due.kind()) {
          case VERIFY_ADDRESS ->
              AccountMailTexts.verifyAddress(
                  settings.link(
                      "verify-email.xhtml?token="
                          + URLEncoder.encode(due.token(), StandardCharsets.UTF_8)),
                  due.expiresAt());
          case SIGN_UP_ATTEMPTED -> AccountMailTexts.signUpAttempted(settings.link("login.xhtml"));
        };
    tenancy
        .em(due.tenantId())
        .persist(MailOutbox.accountMail(due.recipient(), text, clock.now()));
  }
}
