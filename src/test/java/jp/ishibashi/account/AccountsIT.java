package jp.ishibashi.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import jp.ishibashi.Deployments;
import jp.ishibashi.TestMailbox;
import jp.ishibashi.notification.MailOutbox;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts, invitations and tenant isolation through the application services, inside Payara
 * Micro on the configured database. Every test makes its own agencies with unique e-mail
 * addresses, so tests neither depend on each other nor on the demo data.
 */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

  private static final String PASSWORD = "correct-horse-battery";

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject AgencySignUp signUp;
  @Inject Invitations invitations;
  @Inject Members members;
  @Inject AccountDirectory directory;
  @Inject SignInService signIn;
  @Inject PortalClock clock;

  /** Every test of a run shares one portal, so the clock goes back to the real time. */
  @AfterEach
  void realTimeAgain() {
    clock.reset();
  }
  @Inject Tenancy tenancy;
  @Inject UserTransaction tx;
  @Inject EmailVerifications verifications;
  @Inject TestMailbox mailbox;

  private static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  private Actor newAgency(String name) {
    UserAccount admin =
        signUp.signUp(new AgencySignUp.Form(name, "管理 太郎", email("admin"), PASSWORD));
    return actorOf(admin);
  }

  private Actor actorOf(UserAccount account) {
    Workplace w = directory.workplacesOf(account.getId()).get(0);
    return new Actor(account.getId(), w.tenantId(), w.role());
  }

  private UserAccount join(Actor admin, Role role, String name) {
    String token = invitations.invite(admin, email("member"), role).token().value();
    return invitations.acceptWithNewAccount(token, name, PASSWORD);
  }

  private static void assertRefused(String key, Runnable action) {
    DomainException e = assertThrows(DomainException.class, action::run);
    assertEquals(key, e.key());
  }

  private static void assertNotFound(Runnable action) {
    assertThrows(NotFoundException.class, action::run);
  }

  @Test
  void anAgencyUserGetsNothingOfAnotherAgencyByAnyId() {
    Actor agencyA = newAgency("株式会社エー");
    Actor agencyB = newAgency("株式会社ビー");
    UserAccount staffA = join(agencyA, Role.AGENCY_STAFF, "スタッフ");
    join(agencyA, Role.SUBCONTRACTOR, "外注");
    long pendingA = invitations.invite(agencyA, email("pending"), Role.SUBCONTRACTOR).invitationId();
    long membershipA =
        members.staff(agencyA).stream()
            .filter(m -> m.getUser().getId().equals(staffA.getId()))
            .findFirst()
            .orElseThrow()
            .getId();
    long engagementA = members.subcontractors(agencyA).get(0).getId();

    assertNotFound(() -> invitations.find(agencyB, pendingA));
    assertNotFound(() -> invitations.revoke(agencyB, pendingA));
    assertNotFound(() -> invitations.reissue(agencyB, pendingA));
    assertNotFound(() -> members.removeMember(agencyB, membershipA));
    assertNotFound(() -> members.endEngagement(agencyB, engagementA));

    assertEquals(0, invitations.count(agencyB));
    assertTrue(invitations.list(agencyB, 0, 100).isEmpty());
    assertEquals(1, members.staff(agencyB).size(), "only B's own admin");
    assertTrue(members.subcontractors(agencyB).isEmpty());

    // A's rows are untouched by B's attempts.
    assertEquals(Invitation.Status.PENDING, invitations.find(agencyA, pendingA).status(clock.now()));
    assertEquals(2, members.staff(agencyA).size());
    assertEquals(1, members.subcontractors(agencyA).size());
  }

  @Test
  void staffCannotUseAdminActions() {
    Actor agency = newAgency("株式会社スタッフ検証");
    UserAccount staff = join(agency, Role.AGENCY_STAFF, "担当 一郎");
    Actor staffActor = actorOf(staff);
    long invitation = invitations.invite(agency, email("x"), Role.SUBCONTRACTOR).invitationId();

    assertEquals(Role.AGENCY_STAFF, staffActor.role());
    assertNotFound(() -> invitations.invite(staffActor, email("y"), Role.SUBCONTRACTOR));
    assertNotFound(() -> invitations.find(staffActor, invitation));
    assertNotFound(() -> members.staff(staffActor));
  }

  @Test
  void aSubcontractorSeesOnlyTheAgenciesThatInvitedIt() {
    Actor agencyA = newAgency("株式会社ひかり");
    Actor agencyB = newAgency("株式会社みどり");
    Actor agencyC = newAgency("株式会社そら");
    UserAccount sub = join(agencyA, Role.SUBCONTRACTOR, "山本 さくら");

    assertEquals(List.of(agencyA.tenantId()), tenantsOf(sub));

    String tokenB = invitations.invite(agencyB, sub.getEmail(), Role.SUBCONTRACTOR).token().value();
    assertTrue(invitations.offer(tokenB).accountExists());
    invitations.acceptWithExistingAccount(tokenB, sub.getId());

    List<Long> both = tenantsOf(sub);
    assertEquals(2, both.size());
    assertTrue(both.containsAll(List.of(agencyA.tenantId(), agencyB.tenantId())));
    assertFalse(both.contains(agencyC.tenantId()));
    directory
        .workplacesOf(sub.getId())
        .forEach(w -> assertEquals(Role.SUBCONTRACTOR, w.role()));

    long engagementB = members.subcontractors(agencyB).get(0).getId();
    members.endEngagement(agencyB, engagementB);
    assertEquals(List.of(agencyA.tenantId()), tenantsOf(sub));
    assertTrue(members.subcontractors(agencyB).isEmpty());
  }

  @Test
  void anInvitationTokenWorksOnceAndOnlyWhileValid() {
    Actor agency = newAgency("株式会社トークン");
    String used = invitations.invite(agency, email("used"), Role.SUBCONTRACTOR).token().value();
    invitations.acceptWithNewAccount(used, "一回 目", PASSWORD);
    assertRefused(
        "error.invitation.used", () -> invitations.acceptWithNewAccount(used, "二回 目", PASSWORD));
    assertEquals(Invitation.Status.ACCEPTED, invitations.offer(used).status());

    Invitations.Issued expiring = invitations.invite(agency, email("late"), Role.SUBCONTRACTOR);
    clock.advance(Duration.ofDays(7).plusMinutes(1));
    String late = expiring.token().value();
    assertEquals(Invitation.Status.EXPIRED, invitations.offer(late).status());
    assertRefused(
        "error.invitation.expired", () -> invitations.acceptWithNewAccount(late, "遅い", PASSWORD));

    Invitations.Issued reissued = invitations.reissue(agency, expiring.invitationId());
    assertNotFound(() -> invitations.offer(late));
    assertEquals(Invitation.Status.PENDING, invitations.offer(reissued.token().value()).status());

    String revoked = invitations.invite(agency, email("rev"), Role.AGENCY_STAFF).token().value();
    invitations.revoke(agency, invitations.list(agency, 0, 1).get(0).getId());
    assertRefused(
        "error.invitation.revoked",
        () -> invitations.acceptWithNewAccount(revoked, "取消", PASSWORD));

    assertNotFound(() -> invitations.offer("no-such-token"));
    assertNotFound(() -> invitations.offer(""));
  }

  @Test
  void badSignUpsSaveNothing() {
    String taken = email("taken");
    signUp.signUp(new AgencySignUp.Form("株式会社先着", "先着 一郎", taken, PASSWORD));
    long agencies = agencyCount();

    assertRefused(
        "error.email.taken",
        () -> signUp.signUp(new AgencySignUp.Form("株式会社後着", "後着", taken.toUpperCase(), PASSWORD)));
    assertRefused(
        "error.email.malformed",
        () -> signUp.signUp(new AgencySignUp.Form("株式会社", "名前", "not-an-email", PASSWORD)));
    assertRefused(
        "error.password.tooShort",
        () -> signUp.signUp(new AgencySignUp.Form("株式会社", "名前", email("short"), "short")));
    assertRefused(
        "error.agencyName.required",
        () -> signUp.signUp(new AgencySignUp.Form(" ", "名前", email("blank"), PASSWORD)));

    assertEquals(agencies, agencyCount());
  }

  @Test
  void invitingTwiceOrInvitingStaffWithAnExistingAccountIsRefused() {
    Actor agency = newAgency("株式会社二重");
    String address = email("twice");
    invitations.invite(agency, address, Role.SUBCONTRACTOR);
    assertRefused(
        "error.invitation.pendingExists",
        () -> invitations.invite(agency, address, Role.SUBCONTRACTOR));

    UserAccount sub = join(agency, Role.SUBCONTRACTOR, "既存 受注者");
    assertRefused(
        "error.invitation.alreadyEngaged",
        () -> invitations.invite(agency, sub.getEmail(), Role.SUBCONTRACTOR));
    assertRefused(
        "error.invitation.emailTaken",
        () -> invitations.invite(agency, sub.getEmail(), Role.AGENCY_STAFF));
  }

  @Test
  void fiveFailedSignInsLockTheAccountForFifteenMinutes() {
    Actor agency = newAgency("株式会社ロック");
    UserAccount staff = join(agency, Role.AGENCY_STAFF, "ロック 検証");
    for (int i = 0; i < 5; i++) {
      assertInstanceOf(
          SignInService.Outcome.Rejected.class, signIn.attempt(staff.getEmail(), "wrong-password!"));
    }
    assertInstanceOf(
        SignInService.Outcome.Locked.class, signIn.attempt(staff.getEmail(), PASSWORD));

    clock.advance(Duration.ofMinutes(16));
    SignInService.Outcome outcome = signIn.attempt(staff.getEmail(), PASSWORD);
    assertInstanceOf(SignInService.Outcome.Accepted.class, outcome);
    assertEquals(
        java.util.Set.of("AGENCY_STAFF"), ((SignInService.Outcome.Accepted) outcome).groups());
  }

  @Test
  void aRemovedMemberCanNoLongerSignIn() {
    Actor agency = newAgency("株式会社削除");
    UserAccount staff = join(agency, Role.AGENCY_STAFF, "削除 対象");
    long membership =
        members.staff(agency).stream()
            .filter(m -> m.getUser().getId().equals(staff.getId()))
            .findFirst()
            .orElseThrow()
            .getId();

    members.removeMember(agency, membership);

    assertInstanceOf(
        SignInService.Outcome.NoAccess.class, signIn.attempt(staff.getEmail(), PASSWORD));
    assertTrue(directory.workplacesOf(staff.getId()).isEmpty());
    assertRefused("error.member.removeSelf", () -> members.removeMember(agency, adminMembership(agency)));
  }

  @Test
  void aTenantQueryWithoutATenantFailsClosed() throws Exception {
    tx.begin();
    try {
      assertThrows(
          RuntimeException.class,
          () ->
              tenancy
                  .global()
                  .createQuery("select i from Invitation i", Invitation.class)
                  .getResultList());
    } finally {
      tx.rollback();
    }
  }

  private long adminMembership(Actor agency) {
    return members.staff(agency).stream()
        .filter(m -> m.getUser().getId() == agency.userId())
        .findFirst()
        .orElseThrow()
        .getId();
  }

  private List<Long> tenantsOf(UserAccount account) {
    return directory.workplacesOf(account.getId()).stream().map(Workplace::tenantId).toList();
  }

  private long agencyCount() {
    return inTransaction(
        () ->
            tenancy
                .global()
                .createQuery("select count(a) from Agency a", Long.class)
                .getSingleResult());
  }

  @Test
  void anInvitationIsRedeemedOnlyByTheAccountWithTheInvitedAddress() {
    Actor agency = newAgency("株式会社宛先");
    Actor other = newAgency("株式会社別宛先");
    UserAccount stranger = join(other, Role.SUBCONTRACTOR, "別の 受注者");
    String invited = email("invited");
    String token = invitations.invite(agency, invited, Role.SUBCONTRACTOR).token().value();

    assertRefused(
        "error.invitation.otherAddress",
        () -> invitations.acceptWithExistingAccount(token, stranger.getId()));

    assertEquals(Invitation.Status.PENDING, invitations.offer(token).status(), "still open");
    assertTrue(
        directory.workplacesOf(stranger.getId()).stream()
            .noneMatch(w -> w.tenantId() == agency.tenantId()),
        "the stranger did not join");
    UserAccount invitee = invitations.acceptWithNewAccount(token, "正しい 受注者", PASSWORD);
    assertEquals(invited, invitee.getEmail());
    assertTrue(invitee.isEmailVerified(), "the invitation link proved the address");
  }

  @Test
  void signUpAnswersAlikeForAKnownAddressAndAnUnverifiedAdminCannotSignIn() {
    String address = email("signup");
    String agencyName = "株式会社確認" + UUID.randomUUID().toString().substring(0, 6);
    signUp.register(new AgencySignUp.Form(agencyName, "確認 太郎", address, PASSWORD));

    UserAccount admin = directory.accountByEmail(address).orElseThrow();
    assertFalse(admin.isEmailVerified());
    assertInstanceOf(SignInService.Outcome.Unverified.class, signIn.attempt(address, PASSWORD));
    assertInstanceOf(
        SignInService.Outcome.Rejected.class, signIn.attempt(address, "wrong-password!"));
    List<MailOutbox> mails = mailbox.to(address);
    assertEquals(1, mails.size());
    assertEquals(null, mails.get(0).getNotificationId(), "an account mail, no notification");
    assertTrue(mails.get(0).getBody().contains("verify-email.xhtml?token="), mails.get(0).getBody());

    String copycat = "株式会社横取り" + UUID.randomUUID().toString().substring(0, 6);
    signUp.register(new AgencySignUp.Form(copycat, "横取り 花子", address.toUpperCase(), PASSWORD));

    assertEquals(admin.getId(), directory.accountByEmail(address).orElseThrow().getId());
    assertEquals(0, agenciesNamed(copycat), "nothing created for a known address");
    List<MailOutbox> after = mailbox.to(address);
    assertEquals(2, after.size());
    assertTrue(after.get(0).getBody().contains("新しいアカウントは作成していません"));
    assertFalse(after.get(0).getBody().contains("token="), "no link for the second sign-up");
    assertRefused(
        "error.password.tooShort",
        () -> signUp.register(new AgencySignUp.Form(copycat, "名前", address, "short")));
  }

  @Test
  void aVerificationLinkWorksOnceAndOnlyWhileItIsTheNewest() {
    String address = email("verify");
    signUp.register(new AgencySignUp.Form("株式会社一回", "一回 太郎", address, PASSWORD));
    long userId = directory.accountByEmail(address).orElseThrow().getId();
    String first = mailbox.verificationToken(address);

    verifications.resend(userId);
    String second = mailbox.verificationToken(address);
    assertFalse(first.equals(second));
    assertRefused("error.verification.used", () -> verifications.verify(first));
    assertRefused("error.verification.unknown", () -> verifications.verify(second + "x"));
    assertRefused("error.verification.unknown", () -> verifications.verify(null));

    assertEquals(address, verifications.verify(second));
    assertRefused("error.verification.used", () -> verifications.verify(second));
    assertInstanceOf(SignInService.Outcome.Accepted.class, signIn.attempt(address, PASSWORD));
    verifications.resend(userId);
    assertEquals(second, mailbox.verificationToken(address), "no new link once verified");
  }

  @Test
  void aVerificationLinkExpires() {
    String address = email("expires");
    signUp.register(new AgencySignUp.Form("株式会社期限", "期限 太郎", address, PASSWORD));
    String token = mailbox.verificationToken(address);

    clock.advance(Duration.ofHours(48));
    assertRefused("error.verification.expired", () -> verifications.verify(token));
    assertInstanceOf(SignInService.Outcome.Unverified.class, signIn.attempt(address, PASSWORD));
  }

  private long agenciesNamed(String name) {
    return tenancy
        .global()
        .createQuery("select count(a) from Agency a where a.name = :name", Long.class)
        .setParameter("name", name)
        .getSingleResult();
  }

  private <T> T inTransaction(Supplier<T> work) {
    try {
      tx.begin();
      try {
        return work.get();
      } finally {
        tx.rollback();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
