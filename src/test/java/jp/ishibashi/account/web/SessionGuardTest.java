package jp.ishibashi.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionGuardTest {

  @Test
  void adminPagesAreForAgencyAdminsOnly() {
    assertThat(SessionGuard.mayOpen("/agency/admin/members.xhtml", true, true, false)).isTrue();
    assertThat(SessionGuard.mayOpen("/agency/admin/members.xhtml", false, true, false)).isFalse();
    assertThat(SessionGuard.mayOpen("/agency/admin/members.xhtml", false, false, true)).isFalse();
  }

  @Test
  void agencyPagesAreForAgencyStaff() {
    assertThat(SessionGuard.mayOpen("/agency/dashboard.xhtml", false, true, false)).isTrue();
    assertThat(SessionGuard.mayOpen("/agency/dashboard.xhtml", false, false, true)).isFalse();
  }

  @Test
  void subcontractorPagesAreForSubcontractors() {
    assertThat(SessionGuard.mayOpen("/sub/dashboard.xhtml", false, false, true)).isTrue();
    assertThat(SessionGuard.mayOpen("/sub/dashboard.xhtml", true, true, false)).isFalse();
  }

  @Test
  void sharedPagesAreForEverySignedInUser() {
    assertThat(SessionGuard.mayOpen("/orders/work-order.xhtml", false, false, true)).isTrue();
    assertThat(SessionGuard.mayOpen("/orders/work-order.xhtml", false, true, false)).isTrue();
    assertThat(SessionGuard.mayOpen("/index.xhtml", false, false, false)).isTrue();
  }
}
