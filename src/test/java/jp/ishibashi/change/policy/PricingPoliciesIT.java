package jp.ishibashi.change.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.ishibashi.ApiClient;
import jp.ishibashi.ApiClient.Reply;
import jp.ishibashi.Deployments;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.AgencySignUp;
import jp.ishibashi.account.BusinessProfiles;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.Workplace;
import jp.ishibashi.audit.AuditEvent;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.change.policy.PolicyForm.Tier;
import jp.ishibashi.change.pricing.AgreedLine;
import jp.ishibashi.change.pricing.AgreedScope;
import jp.ishibashi.change.pricing.Edit.AddLine;
import jp.ishibashi.change.pricing.PricingInput;
import jp.ishibashi.change.pricing.PricingService;
import jp.ishibashi.change.pricing.Progress;
import jp.ishibashi.change.pricing.Proposal;
import jp.ishibashi.change.pricing.Quote;
import jp.ishibashi.demo.DemoData;
import jp.ishibashi.shared.ConflictException;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.workorder.Unit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Agencies' pricing policies and rate cards inside Payara Micro on the configured database: the
 * defaults until an admin saves, what the admin saves is what change requests are priced with,
 * refusals save nothing, only admins change anything, every agency sees only its own, stale forms
 * conflict, and a subcontractor's withholding statement is kept. Every test makes its own agency.
 */
@ExtendWith(ArquillianExtension.class)
class PricingPoliciesIT {

  private static final String PASSWORD = "correct-horse-battery";
  private static final LocalDate DUE = LocalDate.of(2026, 9, 30);

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject PricingPolicies policies;
  @Inject PricingService pricing;
  @Inject BusinessProfiles profiles;
  @Inject AgencySignUp signUp;
  @Inject Invitations invitations;
  @Inject AccountDirectory directory;
  @Inject AuditTrail audit;

  @ArquillianResource URL base;

  // ---------------------------------------------------------------------------------------------
  // In-container

  @Test
  void anAgencyThatSavedNothingPricesWithTheDefaults() {
    Agency agency = newAgency("株式会社初期値");

    assertEquals(AgencyPricing.defaults(), policies.forAgency(agency.admin));
    assertEquals(AgencyPricing.defaults(), policies.forAgency(agency.staff));
    assertEquals(AgencyPricing.defaults(), policies.forAgency(agency.subcontractor));
    PolicyForm form = policies.form(agency.admin);
    assertEquals(0, form.version());
    assertEquals(new BigDecimal("100"), form.killFeeDelivered());
    assertTrue(policies.rateCardEntries(agency.admin).isEmpty());
  }

  @Test
  void whatAnAdminSavesIsWhatChangeRequestsArePricedWith() {
    Agency agency = newAgency("株式会社特急");
    Quote before = price(policies.forAgency(agency.subcontractor));
    assertEquals(0, new BigDecimal("0.25").compareTo(before.rush().rate()));
    assertEquals(Money.of("12500", "JPY"), before.rush().amount(), "25% of ¥50,000");

    AgencyPricing saved =
        policies.updatePolicy(
            agency.admin,
            form(policies.form(agency.admin), "80", "40", List.of(tier(0, "30")), 10));
    policies.addRateCardEntry(agency.admin, Unit.HOUR, "coding", Money.of("4000", "JPY"));
    policies.addRateCardEntry(agency.admin, Unit.HOUR, "coding", Money.of("40.00", "USD"));

    AgencyPricing read = policies.forAgency(agency.subcontractor);
    assertEquals(saved.policy(), read.policy());
    assertEquals(10, read.quoteValidDays());
    assertEquals(0, new BigDecimal("0.80").compareTo(read.policy().killFeeDelivered()));
    assertEquals(0, new BigDecimal("0.40").compareTo(read.policy().killFeeInProgress()));
    assertEquals(
        Money.of("4000", "JPY"),
        read.rateCard().priceFor(Unit.HOUR, "coding", PolicyForm.JPY).orElseThrow());
    assertEquals(
        Money.of("40.00", "USD"),
        read.rateCard().priceFor(Unit.HOUR, "coding", PolicyForm.USD).orElseThrow());
    assertEquals(read, policies.forAgency(agency.staff));

    Quote after = price(read);
    assertEquals(0, new BigDecimal("0.30").compareTo(after.rush().rate()));
    assertEquals(Money.of("15000", "JPY"), after.rush().amount(), "30% of ¥50,000");
    assertTrue(
        after.notes().stream().anyMatch(n -> n.textEn().contains("above the rate card")),
        () -> "the ¥5,000 line is compared with the card's ¥4,000: " + after.notes());
    assertFalse(before.hasWarnings());

    assertEquals(
        List.of("PRICING_POLICY_CHANGED", "RATE_CARD_ENTRY_ADDED", "RATE_CARD_ENTRY_ADDED"),
        audit.about(agency.admin, PricingPolicies.SUBJECT, agency.admin.tenantId()).stream()
            .map(AuditEvent::getAction)
            .toList());
  }

  @Test
  void badInputIsRefusedAndNothingIsSaved() {
    Agency agency = newAgency("株式会社入力誤り");
    PolicyForm defaults = policies.form(agency.admin);

    assertRefused(
        () ->
            policies.updatePolicy(
                agency.admin, form(defaults, "150", "50", defaults.rushTiers(), 7)),
        "killFeeDelivered",
        "error.pricingPolicy.killFee");
    assertRefused(
        () ->
            policies.updatePolicy(
                agency.admin, form(defaults, "100", "50", List.of(tier(3, "50")), 7)),
        "rushTiers",
        "error.pricingPolicy.rushTiers");
    assertRefused(
        () ->
            policies.updatePolicy(
                agency.admin, form(defaults, "100", "50", defaults.rushTiers(), 31)),
        "quoteValidDays",
        "error.pricingPolicy.quoteValidDays");
    assertRefused(
        () -> policies.addRateCardEntry(agency.admin, Unit.PAGE, null, Money.of("0", "JPY")),
        "price",
        "error.rateCard.pricePositive");
    assertRefused(
        () -> policies.addRateCardEntry(agency.admin, null, null, Money.of("10", "JPY")),
        "unit",
        "error.rateCard.unitRequired");

    assertEquals(AgencyPricing.defaults(), policies.forAgency(agency.admin));
    assertEquals(0, policies.form(agency.admin).version());
    assertTrue(
        audit.about(agency.admin, PricingPolicies.SUBJECT, agency.admin.tenantId()).isEmpty());

    policies.addRateCardEntry(agency.admin, Unit.PAGE, " ", Money.of("8000", "JPY"));
    assertRefused(
        () -> policies.addRateCardEntry(agency.admin, Unit.PAGE, null, Money.of("9000", "JPY")),
        null,
        "error.rateCard.duplicate");
    List<RateCardEntry> entries = policies.rateCardEntries(agency.admin);
    assertEquals(1, entries.size());
    assertEquals(Money.of("8000", "JPY"), entries.get(0).getPrice());
  }

  @Test
  void staffAndSubcontractorsReadButOnlyAdminsChange() {
    Agency agency = newAgency("株式会社権限");
    long entry =
        policies.addRateCardEntry(agency.admin, Unit.DAY, "設計", Money.of("40000", "JPY")).getId();
    PolicyForm form = policies.form(agency.admin);

    for (Actor actor : List.of(agency.staff, agency.subcontractor)) {
      String who = actor.role().toString();
      assertThrows(NotFoundException.class, () -> policies.updatePolicy(actor, form), who);
      assertThrows(
          NotFoundException.class,
          () -> policies.addRateCardEntry(actor, Unit.HOUR, null, Money.of("1", "JPY")),
          who);
      assertThrows(NotFoundException.class, () -> policies.removeRateCardEntry(actor, entry), who);
      assertThrows(NotFoundException.class, () -> policies.form(actor), who);
      assertThrows(NotFoundException.class, () -> policies.rateCardEntries(actor), who);
      assertEquals(
          Money.of("40000", "JPY"),
          policies
              .forAgency(actor)
              .rateCard()
              .priceFor(Unit.DAY, "設計", PolicyForm.JPY)
              .orElseThrow(),
          who);
    }
    assertEquals(1, policies.rateCardEntries(agency.admin).size());

    policies.removeRateCardEntry(agency.admin, entry);
    assertTrue(policies.forAgency(agency.staff).rateCard().prices().isEmpty());
    assertThrows(NotFoundException.class, () -> policies.removeRateCardEntry(agency.admin, entry));
  }

  @Test
  void anotherAgencySeesOnlyItsOwn() {
    Agency a = newAgency("株式会社エー単価");
    Agency b = newAgency("株式会社ビー単価");
    policies.updatePolicy(
        a.admin, form(policies.form(a.admin), "90", "45", List.of(tier(0, "60")), 5));
    long entryOfA =
        policies.addRateCardEntry(a.admin, Unit.SCREEN, null, Money.of("30000", "JPY")).getId();

    assertEquals(AgencyPricing.defaults(), policies.forAgency(b.admin));
    assertEquals(AgencyPricing.defaults(), policies.forAgency(b.subcontractor));
    assertEquals(0, policies.form(b.admin).version());
    assertTrue(policies.rateCardEntries(b.admin).isEmpty());
    assertThrows(NotFoundException.class, () -> policies.removeRateCardEntry(b.admin, entryOfA));
    assertEquals(1, policies.rateCardEntries(a.admin).size());

    // A's subcontractor acting in B, which never engaged it.
    Actor stranger = new Actor(a.subcontractor.userId(), b.admin.tenantId(), Role.SUBCONTRACTOR);
    assertThrows(NotFoundException.class, () -> policies.forAgency(stranger));

    // B saving its own first policy does not collide with A's rows.
    policies.updatePolicy(
        b.admin, form(policies.form(b.admin), "100", "50", List.of(tier(0, "60")), 7));
    assertEquals(5, policies.forAgency(a.staff).quoteValidDays());
    assertEquals(7, policies.forAgency(b.staff).quoteValidDays());
  }

  @Test
  void aStaleFormIsAConflictAndOverwritesNothing() {
    Agency agency = newAgency("株式会社同時編集");
    PolicyForm first = policies.form(agency.admin);
    PolicyForm second = policies.form(agency.admin);

    policies.updatePolicy(agency.admin, form(first, "90", "50", first.rushTiers(), 7));
    assertThrows(
        ConflictException.class,
        () -> policies.updatePolicy(agency.admin, form(second, "10", "10", second.rushTiers(), 7)));
    assertEquals(
        0,
        new BigDecimal("0.90")
            .compareTo(policies.forAgency(agency.staff).policy().killFeeDelivered()));

    // A save that changes only the tiers still moves the version on.
    PolicyForm current = policies.form(agency.admin);
    policies.updatePolicy(
        agency.admin,
        form(current, "90", "50", List.of(tier(0, "100"), tier(7, "20"), tier(30, "0")), 7));
    PolicyForm after = policies.form(agency.admin);
    assertTrue(after.version() > current.version(), after.version() + " > " + current.version());
    assertEquals(List.of(tier(30, "0"), tier(7, "20"), tier(0, "100")), after.rushTiers());
    assertThrows(
        ConflictException.class,
        () ->
            policies.updatePolicy(
                agency.admin, form(current, "90", "50", List.of(tier(0, "5")), 7)));
    assertEquals(after.rushTiers(), policies.form(agency.admin).rushTiers());
  }

  @Test
  void aSubcontractorsWithholdingStatementIsKept() {
    Agency agency = newAgency("株式会社源泉");
    Actor sub = agency.subcontractor;
    assertFalse(policies.withholdingApplies(sub.userId()));

    profiles.update(sub, "東京都渋谷区1-2-3", null, true);
    assertTrue(policies.withholdingApplies(sub.userId()));
    assertTrue(profiles.withholdingApplies(sub));
    assertEquals("東京都渋谷区1-2-3", profiles.current(sub).address());

    profiles.update(sub, "東京都渋谷区1-2-3", null);
    assertTrue(policies.withholdingApplies(sub.userId()), "saving details alone keeps it");

    profiles.update(sub, null, null, false);
    assertFalse(policies.withholdingApplies(sub.userId()));
    assertFalse(policies.withholdingApplies(agency.admin.userId()), "an agency account");
    assertThrows(NotFoundException.class, () -> policies.withholdingApplies(-1));
    assertThrows(NotFoundException.class, () -> profiles.withholdingApplies(agency.admin));
    assertThrows(NotFoundException.class, () -> profiles.update(agency.admin, null, null, true));
  }

  // ---------------------------------------------------------------------------------------------
  // The pages, as a browser sends them

  @Test
  @RunAsClient
  void thePricingPageIsForAdminsAndShowsRefusalsAtTheField() {
    ApiClient admin =
        new ApiClient(base).language("en").signIn("admin@sakura.example", DemoData.PASSWORD);
    Reply page = admin.getFromRoot("agency/admin/pricing.xhtml");
    assertEquals(200, page.status(), page.toString());
    assertTrue(page.body().contains("Pricing policy"), "the title");
    assertTrue(page.body().contains("id=\"navPricing\""), "the admin's nav link");
    assertTrue(page.body().contains("name=\"policy:killFeeDelivered\""), "the policy form");
    assertTrue(page.body().contains("name=\"policy:rushTiers:3:minDaysLeft\""), "four tiers");
    assertTrue(page.body().contains("The rate card has no prices yet."), "the empty card");

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("policy", "policy");
    fields.put("policy:killFeeDelivered", "150");
    fields.put("policy:killFeeInProgress", "50");
    fields.put("policy:dailyCapacityHours", "8");
    fields.put("policy:hourlyEstimateJpy", "5000");
    fields.put("policy:hourlyEstimateUsd", "50");
    fields.put("policy:quoteValidDays", "7");
    fields.put("policy:save", "");
    fields.put("jakarta.faces.ViewState", ApiClient.viewState(page.body()));
    Reply refused = admin.postForm("agency/admin/pricing.xhtml", fields);
    assertEquals(200, refused.status(), refused.toString());
    assertTrue(
        refused.body().contains("A kill fee must be between 0% and 100% of the line."),
        refused.body());
    assertTrue(refused.body().contains("value=\"150\""), "the typed value stays");

    Reply staff =
        new ApiClient(base)
            .signIn("staff@sakura.example", DemoData.PASSWORD)
            .getFromRoot("agency/admin/pricing.xhtml");
    assertEquals(403, staff.status(), "staff may not open the admin pages");
    Reply profile =
        new ApiClient(base)
            .signIn("tanaka@freelance.example", DemoData.PASSWORD)
            .getFromRoot("sub/profile.xhtml");
    assertEquals(200, profile.status(), profile.toString());
    assertTrue(profile.body().contains("details:withholdingApplies"), "the subcontractor's box");
    Reply organisation = admin.getFromRoot("agency/admin/organisation.xhtml");
    assertEquals(200, organisation.status(), organisation.toString());
    assertFalse(organisation.body().contains("withholdingApplies"), "no box for the agency");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** A new agency with its admin, one staff member and one engaged subcontractor. */
  private record Agency(Actor admin, Actor staff, Actor subcontractor) {}

  private Agency newAgency(String name) {
    UserAccount account =
        signUp.signUp(new AgencySignUp.Form(name, "価格 太郎", email("admin"), PASSWORD));
    Workplace w = directory.workplacesOf(account.getId()).get(0);
    Actor admin = new Actor(account.getId(), w.tenantId(), w.role());
    return new Agency(
        admin, join(admin, Role.AGENCY_STAFF, "担当 次郎"), join(admin, Role.SUBCONTRACTOR, "受注 三郎"));
  }

  private Actor join(Actor admin, Role role, String displayName) {
    String token = invitations.invite(admin, email(role.name()), role).token().value();
    UserAccount account = invitations.acceptWithNewAccount(token, displayName, PASSWORD);
    return new Actor(account.getId(), admin.tenantId(), role);
  }

  private static String email(String who) {
    return who.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  private static void assertRefused(Executable action, String field, String key) {
    DomainException refused = assertThrows(DomainException.class, action);
    assertEquals(key, refused.key());
    assertEquals(field, refused.field(), key);
  }

  private static Tier tier(int days, String percent) {
    return new Tier(days, new BigDecimal(percent));
  }

  /** The form as loaded, with these kill fees, tiers and quote validity. */
  private static PolicyForm form(
      PolicyForm loaded, String delivered, String inProgress, List<Tier> tiers, int validDays) {
    return new PolicyForm(
        new BigDecimal(delivered),
        new BigDecimal(inProgress),
        loaded.dailyCapacityHours(),
        loaded.hourlyEstimateJpy(),
        loaded.hourlyEstimateUsd(),
        validDays,
        loaded.graceDays(),
        loaded.demandDays(),
        tiers,
        loaded.version());
  }

  /**
   * A quote of ten added hours at ¥5,000 requested ten days before the due date, priced with an
   * agency's settings as the change request use case will price it.
   */
  private Quote price(AgencyPricing agency) {
    AgreedScope agreement =
        new AgreedScope(
            List.of(
                new AgreedLine(
                    1,
                    "実装",
                    new BigDecimal("40"),
                    Unit.HOUR,
                    Money.of("5000", "JPY"),
                    "coding",
                    Progress.NOT_STARTED,
                    false)),
            DUE,
            PolicyForm.JPY);
    AddLine added =
        new AddLine("追加の画面", BigDecimal.TEN, Unit.HOUR, Money.of("5000", "JPY"), "coding", null);
    return pricing.price(
        new PricingInput(
            agreement,
            Proposal.of("顧客の要望", added),
            DUE.minusDays(10),
            agency.policy(),
            agency.rateCard(),
            false));
  }
}
