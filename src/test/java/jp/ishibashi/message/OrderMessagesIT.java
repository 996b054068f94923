package jp.ishibashi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import jp.ishibashi.TestAgencies;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.audit.AuditEvent;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.delivery.Deliveries;
import jp.ishibashi.delivery.Funding;
import jp.ishibashi.demo.DemoData;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.workorder.LineInput;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Terms;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The message thread of a work order in Payara Micro: both parties write, the agency's messages
 * on a signed, unfunded order become the order's evidence, and nobody else sees or writes.
 */
@ExtendWith(ArquillianExtension.class)
class OrderMessagesIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject OrderMessages messages;
  @Inject WorkOrders workOrders;
  @Inject Agreements agreements;
  @Inject Funding funding;
  @Inject Deliveries fulfilment;
  @Inject Invitations invitations;
  @Inject AuditTrail audit;
  @Inject TestAgencies agencies;
  @Inject PortalClock clock;
  @ArquillianResource URL base;

  @Test
  void theAgencysMessagesBeforeFundingAreEvidenceAndNothingElseIs() {
    Parties p = parties("株式会社仮払い前");
    long id = signedOrder(p).getId();

    OrderMessage pressure = messages.post(p.agency, id, "  納期が厳しいので、先に着手してください。 ");
    assertTrue(pressure.isBeforeFunding());
    assertEquals(Party.AGENCY, pressure.getParty());
    assertEquals("納期が厳しいので、先に着手してください。", pressure.getBody());
    OrderMessage reply = messages.post(p.sub, id, "仮払いの後に着手します。");
    assertFalse(reply.isBeforeFunding(), "the subcontractor's messages are never flagged");

    funding.fund(p.agency, id, "入金-1");
    OrderMessage afterFunding = messages.post(p.agency, id, "入金しました。着手をお願いします。");
    assertFalse(afterFunding.isBeforeFunding());
    assertFalse(messages.post(p.sub, id, "着手しました。").isBeforeFunding());

    for (Actor party : List.of(p.agency, p.sub)) {
      List<OrderMessage> thread = messages.thread(party, id);
      assertEquals(
          List.of(pressure.getId(), reply.getId(), afterFunding.getId()),
          thread.subList(0, 3).stream().map(OrderMessage::getId).toList(),
          "oldest first");
      assertEquals(4, thread.size());
      assertEquals("試験 太郎", thread.get(0).getSender().getDisplayName());
      List<OrderMessage> evidence = messages.evidence(party, id);
      assertEquals(List.of(pressure.getId()), evidence.stream().map(OrderMessage::getId).toList());
    }

    List<AuditEvent> sent = sentEvents(p.agency, id);
    assertEquals(4, sent.size(), "one audit event per message");
    assertTrue(sent.get(0).getDetails().contains("instruction before funding"), sent.get(0).getDetails());
    assertTrue(sent.stream().skip(1).noneMatch(e -> e.getDetails().contains("instruction before funding")));
    assertEquals(p.sub.userId(), sent.get(1).getActorId());
  }

  @Test
  void strangersGetNotFoundAndNothingIsSaved() {
    Parties p = parties("株式会社当事者");
    Parties other = parties("株式会社よそ");
    Actor bystander = subcontractor(join(p.agency, "無関係 次郎"), p.agency);
    long id = signedOrder(p).getId();
    messages.post(p.agency, id, "着手してください");

    for (Actor stranger : List.of(other.agency, other.sub, bystander)) {
      assertThrows(NotFoundException.class, () -> messages.post(stranger, id, "侵入"));
      assertThrows(NotFoundException.class, () -> messages.thread(stranger, id));
      assertThrows(NotFoundException.class, () -> messages.evidence(stranger, id));
    }
    assertThrows(NotFoundException.class, () -> messages.thread(p.agency, Long.MAX_VALUE));
    assertThrows(NotFoundException.class, () -> messages.post(p.agency, Long.MAX_VALUE, "宛先なし"));
    assertEquals(1, messages.thread(p.sub, id).size());
    assertEquals(1, sentEvents(p.agency, id).size());
  }

  @Test
  void badBodiesAndDraftsAreRefusedAndNothingIsSaved() {
    Parties p = parties("株式会社入力");
    long id = signedOrder(p).getId();
    for (String body : new String[] {null, "", "  \n ", "あ".repeat(OrderMessage.MAX_BODY + 1)}) {
      DomainException e = assertThrows(DomainException.class, () -> messages.post(p.agency, id, body));
      assertEquals("body", e.field());
    }
    assertEquals(OrderMessage.MAX_BODY, messages.post(p.sub, id, "い".repeat(OrderMessage.MAX_BODY)).getBody().length());
    assertEquals(1, messages.thread(p.agency, id).size());
    assertEquals(1, sentEvents(p.agency, id).size());

    long draft = workOrders.create(p.agency, terms(p.subAccount)).getId();
    DomainException onDraft =
        assertThrows(DomainException.class, () -> messages.post(p.agency, draft, "下書きです"));
    assertEquals("error.message.draft", onDraft.key());
    assertThrows(NotFoundException.class, () -> messages.post(p.sub, draft, "見えないはず"));
    assertThrows(NotFoundException.class, () -> messages.thread(p.sub, draft));
    assertTrue(messages.thread(p.agency, draft).isEmpty());
    assertTrue(sentEvents(p.agency, draft).isEmpty());
  }

  @Test
  @RunAsClient
  void bothPartiesWriteOverRestAndOthersGetNotFound() {
    ApiClient agency = new ApiClient(base).signIn("admin@sakura.example", DemoData.PASSWORD);
    ApiClient tanaka = new ApiClient(base).signIn("tanaka@freelance.example", DemoData.PASSWORD);
    ApiClient aoba = new ApiClient(base).signIn("admin@aoba.example", DemoData.PASSWORD);
    long subId = agency.subcontractorId("田中 美咲");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    long id =
        agency.post("work-orders", ApiClient.object(
                "title", "REST メッセージ", "subcontractorId", subId, "language", "ja",
                "currency", "JPY", "commissionedOn", today, "deliveryDate", today.plusDays(20),
                "placeOfDelivery", "メール", "reviewDays", 7, "paymentDueDate", today.plusDays(40),
                "paymentMethod", "銀行振込"))
            .json().getJsonNumber("id").longValue();
    String messages = "work-orders/" + id + "/messages";
    assertEquals(400, agency.post(messages, ApiClient.object("body", "下書き")).status(), "a draft");
    agency.post("work-orders/" + id + "/lines", ApiClient.object(
        "text", "バナー", "deliverable", "PNG", "quantity", "1", "unit", "ITEM", "unitPrice", "30000"));
    long version = agency.get("work-orders/" + id).json().getJsonNumber("version").longValue();
    assertEquals(200, agency.post("work-orders/" + id + "/send", ApiClient.object("version", version)).status());

    ApiClient.Reply sent = tanaka.post(messages, ApiClient.object("body", "質問があります"));
    assertEquals(201, sent.status(), sent.toString());
    assertEquals("SUBCONTRACTOR", sent.json().getString("party"));
    assertFalse(sent.json().getBoolean("beforeFunding"));
    JsonObject answer = agency.post(messages, ApiClient.object("body", "どうぞ")).json();
    assertFalse(answer.getBoolean("beforeFunding"), "not signed yet");
    assertEquals(List.of("質問があります", "どうぞ"),
        agency.get(messages).array().getValuesAs(JsonObject.class).stream().map(m -> m.getString("body")).toList());
    assertEquals(0, tanaka.get(messages + "/evidence").array().size());

    ApiClient.Reply blank = agency.post(messages, ApiClient.object("body", " "));
    assertEquals(400, blank.status());
    assertEquals("error.message.bodyRequired", blank.json().getString("key"));
    assertEquals(404, aoba.get(messages).status());
    assertEquals(404, aoba.post(messages, ApiClient.object("body", "侵入")).status());
    assertEquals(2, tanaka.get(messages).array().size());
  }

  // ---------------------------------------------------------------------------------------------

  private record Parties(Actor agency, Actor sub, UserAccount subAccount) {}

  private Parties parties(String agencyName) {
    Actor agency = agencies.newAgency(agencyName);
    UserAccount sub = join(agency, "受注 花子");
    return new Parties(agency, subcontractor(sub, agency), sub);
  }

  private List<AuditEvent> sentEvents(Actor actor, long orderId) {
    return audit.about(actor, OrderMessages.SUBJECT, orderId).stream()
        .filter(e -> e.getAction().equals("MESSAGE_SENT"))
        .toList();
  }

  private Terms terms(UserAccount sub) {
    LocalDate today = clock.today();
    return new Terms("ロゴ制作", "説明", sub.getId(), "ja", "JPY", today, null,
        today.plusDays(30), "メールで納品", 7, today.plusDays(60), "銀行振込");
  }

  /** An order agreed and signed by both: SIGNED, not funded. */
  private WorkOrder signedOrder(Parties p) {
    long id = workOrders.create(p.agency, terms(p.subAccount)).getId();
    workOrders.addLine(p.agency, id, new LineInput("ロゴ", "AI データ", "確認", BigDecimal.ONE, Unit.ITEM, new BigDecimal("50000")));
    workOrders.send(p.agency, id, workOrders.view(p.agency, id).order().getVersion());
    workOrders.acceptTerms(p.sub, id, workOrders.view(p.sub, id).order().getVersion());
    for (ScopeLine l : workOrders.view(p.sub, id).order().getLines()) {
      workOrders.acceptLine(p.sub, id, l.getId(), l.getVersion());
    }
    Agreement v1 = agreements.ofOrder(p.agency, id).get(0);
    for (Actor signer : List.of(p.agency, p.sub)) {
      agreements.sign(signer, id, v1.getId(), v1.getContentHash(), TestAgencies.PASSWORD, Locale.JAPANESE);
    }
    WorkOrder order = workOrders.view(p.agency, id).order();
    assertEquals(WorkOrderStatus.SIGNED, order.getStatus());
    return order;
  }

  private UserAccount join(Actor admin, String name) {
    String token = invitations.invite(admin, TestAgencies.email("sub"), Role.SUBCONTRACTOR).token().value();
    return invitations.acceptWithNewAccount(token, name, TestAgencies.PASSWORD);
  }

  private static Actor subcontractor(UserAccount sub, Actor agency) {
    return new Actor(sub.getId(), agency.tenantId(), Role.SUBCONTRACTOR);
  }
}
