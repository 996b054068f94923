package jp.ishibashi.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.AgencySignUp;
import jp.ishibashi.account.EmailVerifications;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo agencies and subcontractors (README lists their sign-ins) into an empty
 * database when {@code portal.demo-data} is true. It goes through the same services as the
 * pages, one transaction per step, so demo data obeys every rule real data does.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {

  /** The password of every demo account. */
  public static final String PASSWORD = "ishibashi-demo-2026";

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  @ConfigProperty(name = "portal.demo-data")
  private boolean enabled;

  @Inject private Tenancy tenancy;
  @Inject private AgencySignUp signUp;
  @Inject private EmailVerifications verifications;
  @Inject private Invitations invitations;
  @Inject private AccountDirectory directory;

  @PostConstruct
  void load() {
    if (!enabled || agencies() > 0) {
      return;
    }
    Actor sakura = agency("株式会社さくらデザイン", "佐藤 花子", "admin@sakura.example");
    Actor aoba = agency("合同会社あおばシステムズ", "高橋 健", "admin@aoba.example");

    join(invite(sakura, "staff@sakura.example", Role.AGENCY_STAFF), "鈴木 一郎");
    join(invite(sakura, "yamada@freelance.example", Role.SUBCONTRACTOR), "山田 太郎");
    join(invite(sakura, "tanaka@freelance.example", Role.SUBCONTRACTOR), "田中 美咲");
    join(invite(aoba, "ito@freelance.example", Role.SUBCONTRACTOR), "伊藤 翔");
    UserAccount yamada = directory.accountByEmail("yamada@freelance.example").orElseThrow();
    invitations.acceptWithExistingAccount(
        invite(aoba, "yamada@freelance.example", Role.SUBCONTRACTOR), yamada.getId());
    LOG.info("Demo data loaded: two agencies and three subcontractors (see README.md)");
  }

  private long agencies() {
    return tenancy
        .global()
        .createQuery("select count(a) from Agency a", Long.class)
        .getSingleResult();
  }

  private Actor agency(String name, String admin, String email) {
    UserAccount account = signUp.signUp(new AgencySignUp.Form(name, admin, email, PASSWORD));
    verifications.markVerified(account.getId());
    long tenantId = directory.workplacesOf(account.getId()).get(0).tenantId();
    return new Actor(account.getId(), tenantId, Role.AGENCY_ADMIN);
  }

  private String invite(Actor admin, String email, Role role) {
    return invitations.invite(admin, email, role).token().value();
  }

  private void join(String token, String name) {
    invitations.acceptWithNewAccount(token, name, PASSWORD);
  }
}
