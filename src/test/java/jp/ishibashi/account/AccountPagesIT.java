package jp.ishibashi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.ishibashi.Browser;
import jp.ishibashi.BrowserTest;
import jp.ishibashi.Deployments;
import jp.ishibashi.demo.DemoData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The account pages in a real browser, as users see them: sign-up, invitations, the invitation
 * link, the agency switcher, sign-in throttling, languages, removed members and foreign ids.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountPagesIT extends BrowserTest {

  private static final String PASSWORD = "correct-horse-battery";


  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }


  private static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  /**
   * Registers an agency through the sign-up page, confirms the address with the mailed link and
   * signs the new admin in.
   */
  private void signUpAgency(Browser b, String agency, String admin, String email) {
    submitSignUp(b, agency, admin, email);
    assertThat(b.text("messages")).contains("確認メールを送りました");
    confirm(b, email);
    assertThat(b.text("messages")).contains("メールアドレスを確認しました");
    b.signIn(email, PASSWORD);
  }

  private static void submitSignUp(Browser b, String agency, String admin, String email) {
    b.open("signup.xhtml")
        .type("signUp:agencyName", agency)
        .type("signUp:displayName", admin)
        .type("signUp:email", email)
        .type("signUp:password", PASSWORD)
        .click("signUp:submit");
  }

  /** Opens the newest verification link mailed to the address and confirms it. */
  private void confirm(Browser b, String email) {
    b.open("verify-email.xhtml?token=" + mailedToken(email)).click("verify:submit");
  }

  /** The secret of the newest verification link in the address's mail (test deployment only). */
  private String mailedToken(String email) {
    try {
      HttpResponse<String> reply =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          base.toURI()
                              .resolve(
                                  "test-mailbox?to="
                                      + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(reply.statusCode()).as("a link was mailed to " + email).isEqualTo(200);
      return reply.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates an invitation on the invitations page and returns its link. */
  private static String invite(Browser b, String email, String role) {
    b.open("agency/admin/invitations.xhtml").type("invite:email", email);
    new Select(b.find("invite:role")).selectByValue(role);
    b.click("invite:submit");
    return b.find("issuedLink").getDomProperty("value");
  }

  @Test
  void anAgencySignsUpAndInvitesASubcontractorWhoJoinsAndSeesTheAgency() {
    String agency = "株式会社テスト" + UUID.randomUUID().toString().substring(0, 4);
    String subEmail = email("sub");

    signUpAgency(browser, agency, "試験 花子", email("admin"));
    assertThat(browser.text("agencyName")).contains(agency).contains("発注者 管理者");

    String link = invite(browser, subEmail, "SUBCONTRACTOR");
    assertThat(link).contains("invitation.xhtml?token=");
    assertThat(browser.text("list:invitations")).contains(subEmail).contains("未承諾");
    browser.signOut();
    assertThat(browser.has("signedOutNote")).isTrue();

    browser.driver().get(link);
    assertThat(browser.text("offer")).contains(agency).contains(subEmail).contains("受注者");
    assertThat(browser.text("reputation")).contains("この発注者の実績").contains("署名済みの発注書0件");
    assertThat(browser.text("daysToFund")).contains("まだデータがありません");
    assertThat(browser.text("deemed")).startsWith("0");
    browser
        .type("newAccount:displayName", "新人 受注者")
        .type("newAccount:password", PASSWORD)
        .click("newAccount:accept");

    assertThat(browser.text("currentAgency")).contains(agency);
    Select switcher = new Select(browser.find("switcher:agency"));
    assertThat(switcher.getOptions()).extracting(o -> o.getText()).containsExactly(agency);
    assertThat(browser.text("userName")).isEqualTo("新人 受注者");

    browser.signOut();
    browser.driver().get(link);
    assertThat(browser.text("closed")).contains("すでに使用されています");
    assertThat(browser.has("newAccount:accept")).isFalse();
  }

  @Test
  void aSubcontractorEngagedByTwoAgenciesSwitchesBetweenThem() {
    browser.signIn("yamada@freelance.example", DemoData.PASSWORD);

    Select switcher = new Select(browser.find("switcher:agency"));
    assertThat(switcher.getOptions())
        .extracting(o -> o.getText())
        .containsExactlyInAnyOrder("株式会社さくらデザイン", "合同会社あおばシステムズ");

    switcher.selectByVisibleText("合同会社あおばシステムズ");
    browser.click("switcher:switch");
    assertThat(browser.text("currentAgency")).contains("合同会社あおばシステムズ");

    new Select(browser.find("switcher:agency")).selectByVisibleText("株式会社さくらデザイン");
    browser.click("switcher:switch");
    assertThat(browser.text("currentAgency")).contains("株式会社さくらデザイン");
  }

  @Test
  void anotherAgencysIdsAndPagesAreNotFound() {
    browser.signIn("admin@sakura.example", DemoData.PASSWORD);
    invite(browser, email("secret"), "AGENCY_STAFF");
    String detail =
        browser
            .driver()
            .findElement(By.cssSelector("[id='list:invitations'] a[href*='invitation.xhtml?id=']"))
            .getDomAttribute("href");
    String path = detail.substring(detail.indexOf("agency/admin/invitation.xhtml"));
    assertThat(browser.statusOf(path)).isEqualTo(200);
    browser.signOut();

    browser.signIn("admin@aoba.example", DemoData.PASSWORD);
    assertThat(browser.statusOf(path)).isEqualTo(404);
    browser.open(path);
    assertThat(browser.heading()).isEqualTo("ページが見つかりません");
    assertThat(browser.pageText()).doesNotContain("secret").doesNotContain("Exception");
    assertThat(browser.statusOf("agency/admin/invitation.xhtml?id=abc")).isEqualTo(404);
    browser.signOut();

    browser.signIn("ito@freelance.example", DemoData.PASSWORD);
    assertThat(browser.statusOf(path)).isEqualTo(403);
    browser.open("agency/dashboard.xhtml");
    assertThat(browser.heading()).isEqualTo("アクセスできません");
  }

  @Test
  void staffCannotOpenAdminPages() {
    browser.signIn("staff@sakura.example", DemoData.PASSWORD);
    assertThat(browser.statusOf("agency/dashboard.xhtml")).isEqualTo(200);
    assertThat(browser.statusOf("agency/admin/members.xhtml")).isEqualTo(403);
    assertThat(browser.has("navMembers")).isFalse();
  }

  @Test
  void fiveWrongPasswordsLockSignInWithAClearMessage() {
    String admin = email("lock");
    signUpAgency(browser, "株式会社ロック", "ロック 太郎", admin);
    browser.signOut();

    for (int i = 0; i < 5; i++) {
      browser.signIn(admin, "wrong-password-" + i);
      assertThat(browser.text("messages")).contains("メールアドレスまたはパスワードが正しくありません");
    }
    browser.signIn(admin, PASSWORD);
    assertThat(browser.text("messages")).contains("一時的に停止").contains("分後");
    assertThat(browser.has("signOut:signOutButton")).isFalse();
  }

  @Test
  void theLanguageCanBeSwitchedAndIsRemembered() {
    browser.open("login.xhtml");
    assertThat(browser.heading()).isEqualTo("ログイン");

    browser.click("lang:en");
    assertThat(browser.heading()).isEqualTo("Sign in");

    browser.driver().manage().deleteCookieNamed("JSESSIONID");
    browser.open("login.xhtml");
    assertThat(browser.heading()).isEqualTo("Sign in");

    browser.click("lang:ja");
    assertThat(browser.heading()).isEqualTo("ログイン");
  }

  @Test
  void aRemovedStaffMembersSessionEnds() {
    String staffEmail = email("leaver");
    browser.signIn("admin@sakura.example", DemoData.PASSWORD);
    String link = invite(browser, staffEmail, "AGENCY_STAFF");

    try (Browser staff = new Browser(base)) {
      staff.driver().get(link);
      staff
          .type("newAccount:displayName", "退職 予定")
          .type("newAccount:password", PASSWORD)
          .click("newAccount:accept");
      assertThat(staff.text("agencyName")).contains("株式会社さくらデザイン");

      browser.open("agency/admin/members.xhtml");
      String row =
          "//div[@id='members:staff']//tr[td[contains(., '" + staffEmail + "')]]//button";
      browser.driver().findElement(By.xpath(row)).click();
      browser.driver().findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
      browser.find("messages");
      assertThat(browser.text("members:staff")).doesNotContain(staffEmail);

      staff.open("agency/dashboard.xhtml");
      assertThat(staff.url()).contains("login.xhtml");
      assertThat(staff.has("endedNote")).isTrue();
      staff.signIn(staffEmail, PASSWORD);
      assertThat(staff.text("messages")).contains("アクセスできなくなっています");
    }
  }

  @Test
  void aSubcontractorsSessionEndsWhenTheEngagementItWorksInEnds() {
    String subEmail = email("ended");
    browser.signIn("admin@sakura.example", DemoData.PASSWORD);
    String link = invite(browser, subEmail, "SUBCONTRACTOR");

    try (Browser sub = new Browser(base)) {
      sub.driver().get(link);
      sub.type("newAccount:displayName", "終了 予定")
          .type("newAccount:password", PASSWORD)
          .click("newAccount:accept");
      assertThat(sub.text("currentAgency")).contains("株式会社さくらデザイン");

      browser.open("agency/admin/members.xhtml");
      String row =
          "//div[@id='members:subcontractors']//tr[td[contains(., '" + subEmail + "')]]//button";
      browser.driver().findElement(By.xpath(row)).click();
      browser.driver().findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
      browser.find("messages");
      assertThat(browser.text("members:subcontractors")).doesNotContain(subEmail);

      sub.open("sub/dashboard.xhtml");
      assertThat(sub.url()).contains("login.xhtml");
      assertThat(sub.has("endedNote")).isTrue();
      sub.signIn(subEmail, PASSWORD);
      assertThat(sub.text("noAgency")).contains("まだどの発注者とも取引がありません");
    }
  }

  @Test
  void theSessionCookieIsHttpOnlyAndStaysOnThisSite() throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve("login.xhtml")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(response.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
  }

  @Test
  void aPostWithAnExpiredViewShowsTheExpiredPage() {
    browser.open("login.xhtml").type("signIn:email", "admin@sakura.example");
    browser.driver().manage().deleteCookieNamed("JSESSIONID");
    browser.type("signIn:password", DemoData.PASSWORD).click("signIn:submit");

    assertThat(browser.heading()).isEqualTo("ページの有効期限が切れました");
    assertThat(browser.pageText()).doesNotContain("Exception");
  }

  @Test
  void anUnconfirmedAdminIsRefusedWithAnOfferToResendAndTheLinkWorksOnce() {
    String admin = email("confirm");
    submitSignUp(browser, "株式会社確認待ち", "確認 待子", admin);
    String first = mailedToken(admin);

    browser.signIn(admin, PASSWORD);
    assertThat(browser.text("messages")).contains("メールアドレスの確認が済んでいません");
    assertThat(browser.has("signOut:signOutButton")).isFalse();
    browser.click("resend:resendButton");
    assertThat(browser.text("messages")).contains("確認メールを再送しました");
    assertThat(mailedToken(admin)).isNotEqualTo(first);

    browser.open("verify-email.xhtml?token=" + first).click("verify:submit");
    assertThat(browser.text("messages")).contains("新しいリンクに置き換えられています");
    confirm(browser, admin);
    assertThat(browser.text("messages")).contains("メールアドレスを確認しました");
    confirm(browser, admin);
    assertThat(browser.text("messages")).contains("すでに使用された");

    browser.signIn(admin, PASSWORD);
    assertThat(browser.text("agencyName")).contains("株式会社確認待ち");
  }

  @Test
  void anInvitationForAnotherAddressCannotBeAcceptedByTheSignedInAccount() {
    browser.signIn("admin@sakura.example", DemoData.PASSWORD);
    String link = invite(browser, email("someone-else"), "SUBCONTRACTOR");
    browser.signOut();

    browser.signIn("tanaka@freelance.example", DemoData.PASSWORD);
    browser.driver().get(link);
    assertThat(browser.text("otherAddress")).contains("宛てです");
    assertThat(browser.has("signedIn:accept")).isFalse();
  }

  @Test
  void badSignUpInputIsExplainedAndNothingIsSaved() {
    String taken = "admin@sakura.example";
    submitSignUp(browser, "株式会社重複", "重複 花子", taken);
    assertThat(browser.text("messages")).contains("確認メールを送りました");
    assertThat(browser.pageText()).doesNotContain("すでに存在します");
    assertThat(browser.has("signUp:agencyName")).as("the same answer as for a new address").isFalse();

    browser
        .open("signup.xhtml")
        .type("signUp:agencyName", "株式会社重複")
        .type("signUp:displayName", "重複 花子");
    browser.type("signUp:email", email("short")).type("signUp:password", "short").click("signUp:submit");
    assertThat(browser.text("messages")).contains("12文字以上");

    browser
        .type("signUp:agencyName", "<script>alert(1)</script>")
        .type("signUp:email", "no-domain@localhost")
        .type("signUp:password", PASSWORD)
        .click("signUp:submit");
    assertThat(browser.text("messages")).contains("形式が正しくありません");
    assertThat(browser.find("signUp:agencyName").getDomProperty("value"))
        .isEqualTo("<script>alert(1)</script>");
  }
}
