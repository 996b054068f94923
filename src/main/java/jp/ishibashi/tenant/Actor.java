package jp.ishibashi.tenant;

import java.util.Objects;

/**
 * Who is acting, and in which tenant. Built only from the signed-in user (see {@code
 * CurrentUser}), never from request parameters, and handed to every application service.
 *
 * @param userId the signed-in account
 * @param tenantId the agency the user acts in; for a subcontractor, the agency it picked
 * @param role what the user may do in that agency
 */
public record Actor(long userId, long tenantId, Role role) {

  public Actor {
    Objects.requireNonNull(role, "role");
  }

  /** The id recorded as the actor of what the portal does by itself. */
  public static final long SYSTEM_USER_ID = 0;

  /** The portal acting in an agency on its own, for a deadline that passed. */
  public static Actor system(long tenantId) {
    return new Actor(SYSTEM_USER_ID, tenantId, Role.SYSTEM);
  }

  public boolean isSystem() {
    return role == Role.SYSTEM;
  }

  public boolean isAgencyAdmin() {
    return role == Role.AGENCY_ADMIN;
  }

  public boolean isAgencyMember() {
    return role.isAgencyMember();
  }

  public boolean isSubcontractor() {
    return role == Role.SUBCONTRACTOR;
  }
}
