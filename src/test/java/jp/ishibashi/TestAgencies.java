package jp.ishibashi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.AgencySignUp;
import jp.ishibashi.account.EmailVerifications;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.Workplace;
import jp.ishibashi.tenant.Actor;

/**
 * New agencies for in-container tests: each test signs up its own, so tests depend neither on each
 * other nor on what else is in a shared database. Add it to the deployment with the test.
 */
@ApplicationScoped
public class TestAgencies {

  public static final String PASSWORD = "correct-horse-battery";

  @Inject AgencySignUp signUp;
  @Inject AccountDirectory directory;
  @Inject EmailVerifications verifications;

  /** A new agency, acted in by its first admin, whose address counts as verified. */
  public Actor newAgency(String name) {
    UserAccount admin =
        signUp.signUp(new AgencySignUp.Form(name, "試験 太郎", email("admin"), PASSWORD));
    verifications.markVerified(admin.getId());
    Workplace w = directory.workplacesOf(admin.getId()).get(0);
    return new Actor(admin.getId(), w.tenantId(), w.role());
  }

  /** An e-mail address no other test uses. */
  public static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }
}
