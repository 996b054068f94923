package jp.ishibashi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.workorder.LineInput;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Terms;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrders;

/**
 * Parties and signed work orders for in-container tests, built through the real use cases. Add
 * it to the deployment with {@link TestAgencies}.
 */
@ApplicationScoped
public class TestOrders {

  /** An agency and one subcontractor it engaged. */
  public record Parties(Actor agency, Actor sub, UserAccount subAccount) {}

  @Inject TestAgencies agencies;
  @Inject Invitations invitations;
  @Inject WorkOrders workOrders;
  @Inject Agreements agreements;
  @Inject PortalClock clock;

  public Parties parties(String agencyName, String subName) {
    Actor agency = agencies.newAgency(agencyName);
    UserAccount sub = join(agency, subName);
    return new Parties(agency, subcontractor(sub, agency), sub);
  }

  /** A new subcontractor engaged by the admin's agency. */
  public UserAccount join(Actor admin, String name) {
    String token =
        invitations.invite(admin, TestAgencies.email("sub"), Role.SUBCONTRACTOR).token().value();
    return invitations.acceptWithNewAccount(token, name, TestAgencies.PASSWORD);
  }

  public static Actor subcontractor(UserAccount sub, Actor agency) {
    return new Actor(sub.getId(), agency.tenantId(), Role.SUBCONTRACTOR);
  }

  /** An order with one ¥100,000 page per text, agreed line by line and signed by both. */
  public WorkOrder signed(Parties p, int deliveryInDays, String... lineTexts) {
    LocalDate today = clock.today();
    Terms terms =
        new Terms("ウェブサイト制作", "説明", p.subAccount().getId(), "ja", "JPY", today, null,
            today.plusDays(deliveryInDays), "メールで納品", 7, today.plusDays(deliveryInDays + 30),
            "銀行振込");
    long id = workOrders.create(p.agency(), terms).getId();
    for (String text : lineTexts) {
      workOrders.addLine(
          p.agency(),
          id,
          new LineInput(text, "成果物", "検収基準", BigDecimal.ONE, Unit.PAGE, new BigDecimal("100000")));
    }
    workOrders.send(p.agency(), id, view(p.agency(), id).getVersion());
    workOrders.acceptTerms(p.sub(), id, view(p.sub(), id).getVersion());
    for (ScopeLine l : view(p.sub(), id).getLines()) {
      workOrders.acceptLine(p.sub(), id, l.getId(), l.getVersion());
    }
    signPending(p, id);
    return view(p.agency(), id);
  }

  /** Both parties sign the version awaiting signatures. */
  public Agreement signPending(Parties p, long orderId) {
    Agreement pending = agreements.ofOrder(p.agency(), orderId).get(0);
    agreements.sign(p.agency(), orderId, pending.getId(), pending.getContentHash(),
        TestAgencies.PASSWORD, Locale.JAPANESE);
    return agreements.sign(p.sub(), orderId, pending.getId(), pending.getContentHash(),
        TestAgencies.PASSWORD, Locale.JAPANESE);
  }

  public WorkOrder view(Actor actor, long orderId) {
    return workOrders.view(actor, orderId).order();
  }
}
