package jp.ishibashi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void onlyAgencyRolesAreAgencyMembers() {
    assertThat(Role.AGENCY_ADMIN.isAgencyMember()).isTrue();
    assertThat(Role.AGENCY_STAFF.isAgencyMember()).isTrue();
    assertThat(Role.SUBCONTRACTOR.isAgencyMember()).isFalse();
  }

  @Test
  void anActorCarriesItsRole() {
    Actor admin = new Actor(1, 2, Role.AGENCY_ADMIN);
    assertThat(admin.isAgencyAdmin()).isTrue();
    assertThat(admin.isSubcontractor()).isFalse();
    assertThatThrownBy(() -> new Actor(1, 2, null)).isInstanceOf(NullPointerException.class);
  }
}
