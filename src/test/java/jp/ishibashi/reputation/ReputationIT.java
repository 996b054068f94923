package jp.ishibashi.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.ishibashi.Deployments;
import jp.ishibashi.TestAgencies;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.change.ChangeProposal;
import jp.ishibashi.change.ChangeProposal.ChangeEdit;
import jp.ishibashi.change.ChangeRequests;
import jp.ishibashi.deadline.DeadlinePoller;
import jp.ishibashi.delivery.Deliveries;
import jp.ishibashi.delivery.Funding;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.workorder.LineInput;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Terms;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reputation facts in Payara Micro, built through the real services: signing, funding, delivery,
 * rejection, deemed acceptance by the deadline poller, and change requests. Dates are relative to
 * the portal clock, which other tests in the same container may have moved.
 */
@ExtendWith(ArquillianExtension.class)
class ReputationIT {

  private static final double ROUNDING = 0.01;

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject Reputation reputation;
  @Inject TestAgencies agencies;
  @Inject Invitations invitations;
  @Inject WorkOrders workOrders;
  @Inject Agreements agreements;
  @Inject Funding funding;
  @Inject Deliveries fulfilment;
  @Inject ChangeRequests changes;
  @Inject DeadlinePoller poller;
  @Inject PortalClock clock;

  /** Every test of a run shares one portal, so the clock goes back to the real time. */
  @AfterEach
  void realTimeAgain() {
    clock.reset();
  }

  @Test
  void theFactsOfAnAgencyComeFromItsOrdersAndNoOtherAgencysFactsChange() {
    Actor agency = agencies.newAgency("株式会社実績テスト");
    Actor sub = join(agency, "実績 一郎");
    Actor other = agencies.newAgency("株式会社無関係");
    ReputationFacts otherBefore = reputation.of(other.tenantId());
    assertEquals(new ReputationFacts(null, null, 0, 0, 0, 0, 0), reputation.of(agency.tenantId()));

    // Order 1 pays on its delivery date, before the review period can end: paid late.
    long late = signedOrder(agency, sub, 1, 1);
    long rejected = signedOrder(agency, sub, 10, 40);
    funding.fund(agency, rejected, "入金-1");
    clock.advance(Duration.ofDays(2));
    funding.fund(agency, late, "入金-2");

    fulfilment.deliver(sub, late, "納品します");
    fulfilment.deliver(sub, rejected, "納品します");
    fulfilment.reject(agency, rejected, "理由", List.of(order(agency, rejected).countedLines().get(0).getId()));
    clock.advance(Duration.ofDays(8)); // past the 7-day review period of order 1
    poller.pollOnce();

    // Order 3 is changed 2 days before its delivery date, order 4 a month before.
    long rushed = signedOrder(agency, sub, 2, 32);
    changes.propose(agency, rushed, addPage());
    long early = signedOrder(agency, sub, 30, 60);
    changes.propose(agency, early, addPage());

    ReputationFacts facts = reputation.of(agency.tenantId());
    assertEquals(1.0, facts.medianDaysToFund(), ROUNDING, "the median of 0 and 2 days");
    assertEquals(8.0, facts.medianDaysToAccept(), ROUNDING, "the deemed acceptance only");
    assertEquals(1, facts.deemedAcceptances());
    assertEquals(1, facts.rejections());
    assertEquals(1, facts.lateChangeRequests());
    assertEquals(1, facts.latePayments());
    assertEquals(4, facts.ordersCounted());

    assertEquals(otherBefore, reputation.of(other.tenantId()));
    assertNull(reputation.of(other.tenantId()).medianDaysToFund());
  }

  private static ChangeProposal addPage() {
    return new ChangeProposal(
        "ページを追加したい",
        List.of(
            ChangeEdit.addLine(
                "採用ページ", "HTML", "レビュー", BigDecimal.ONE, Unit.PAGE, new BigDecimal("50000"))));
  }

  /** An order with one line, agreed and signed by both: its id. */
  private long signedOrder(Actor agency, Actor sub, int deliveryInDays, int paymentInDays) {
    LocalDate today = clock.today();
    Terms terms =
        new Terms("ウェブサイト制作", "説明", sub.userId(), "ja", "JPY", today, null,
            today.plusDays(deliveryInDays), "メールで納品", 7, today.plusDays(paymentInDays),
            "銀行振込");
    long id = workOrders.create(agency, terms).getId();
    workOrders.addLine(
        agency,
        id,
        new LineInput("トップページ", "成果物", "検収基準", BigDecimal.ONE, Unit.PAGE, new BigDecimal("100000")));
    workOrders.send(agency, id, order(agency, id).getVersion());
    workOrders.acceptTerms(sub, id, order(sub, id).getVersion());
    for (ScopeLine l : order(sub, id).getLines()) {
      workOrders.acceptLine(sub, id, l.getId(), l.getVersion());
    }
    Agreement pending = agreements.ofOrder(agency, id).get(0);
    for (Actor signer : List.of(agency, sub)) {
      agreements.sign(signer, id, pending.getId(), pending.getContentHash(),
          TestAgencies.PASSWORD, Locale.JAPANESE);
    }
    return id;
  }

  private WorkOrder order(Actor actor, long id) {
    return workOrders.view(actor, id).order();
  }

  private Actor join(Actor admin, String name) {
    String token =
        invitations.invite(admin, TestAgencies.email("sub"), Role.SUBCONTRACTOR).token().value();
    UserAccount account = invitations.acceptWithNewAccount(token, name, TestAgencies.PASSWORD);
    return new Actor(account.getId(), admin.tenantId(), Role.SUBCONTRACTOR);
  }
}
