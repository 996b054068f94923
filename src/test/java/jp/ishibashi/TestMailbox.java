package jp.ishibashi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.Workplace;
import jp.ishibashi.notification.MailOutbox;
import jp.ishibashi.tenant.Tenancy;

/**
 * The mails queued for an address, as its owner would receive them: for in-container tests, and
 * through {@link TestMailboxServlet} for browser tests. Only in the test deployment.
 */
@Stateless
public class TestMailbox {

  private static final Pattern VERIFY_TOKEN = Pattern.compile("verify-email\\.xhtml\\?token=([A-Za-z0-9_%-]+)");

  @Inject Tenancy tenancy;
  @Inject AccountDirectory directory;

  /** The mails queued to the address in its account's (first) agency, newest first. */
  public List<MailOutbox> to(String recipient) {
    Optional<UserAccount> account = directory.accountByEmail(recipient);
    if (account.isEmpty()) {
      return List.of();
    }
    List<Workplace> workplaces = directory.workplacesOf(account.get().getId());
    if (workplaces.isEmpty()) {
      return List.of();
    }
    return tenancy
        .em(workplaces.get(0).tenantId())
        .createQuery(
            "select m from MailOutbox m where m.recipient = :to order by m.id desc",
            MailOutbox.class)
        .setParameter("to", recipient)
        .getResultList();
  }

  /** The secret of the newest verification link mailed to the address. */
  public String verificationToken(String recipient) {
    return to(recipient).stream()
        .map(m -> VERIFY_TOKEN.matcher(m.getBody()))
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no verification link mailed to " + recipient));
  }
}
