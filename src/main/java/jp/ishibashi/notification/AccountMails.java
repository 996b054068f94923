package jp.ishibashi.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import jp.ishibashi.account.AccountMailDue;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.tenant.Tenancy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues the mails about accounts (an address to verify, a sign-up attempt with a known address)
 * in the mail outbox, in the transaction that fired them. They are queued even while notification
 * mail is off: sign-up cannot work without them, and they wait, PENDING, until mail is on. On a
 * demo portal with mail off, the confirmation link is also written to the log, so that a sign-up
 * can be tried without a mail server.
 */
@ApplicationScoped
public class AccountMails {

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private MailSettings settings;

  @Inject
  @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
  private boolean demoData;

  private static final Logger LOG = Logger.getLogger(AccountMails.class.getName());

  void on(@Observes AccountMailDue due) {
    MailText text =
        switch (due.kind()) {
          case VERIFY_ADDRESS -> {
            String link =
                settings.link(
                    "verify-email.xhtml?token="
                        + URLEncoder.encode(due.token(), StandardCharsets.UTF_8));
            if (demoData && !settings.enabled()) {
              LOG.info("Demo portal with mail off: the confirmation link for a new sign-up is " + link);
            }
            yield AccountMailTexts.verifyAddress(link, due.expiresAt());
          }
          case SIGN_UP_ATTEMPTED -> AccountMailTexts.signUpAttempted(settings.link("login.xhtml"));
        };
    tenancy
        .em(due.tenantId())
        .persist(MailOutbox.accountMail(due.recipient(), text, clock.now()));
  }
}
