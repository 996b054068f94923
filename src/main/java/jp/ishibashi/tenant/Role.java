package jp.ishibashi.tenant;

/**
 * What a user may do inside one agency. The names are the Jakarta Security groups and roles.
 */
public enum Role {
  /** Agency staff who also manage members, invitations and agency settings. */
  AGENCY_ADMIN,
  /** Agency staff: work orders, signing, funding, acceptance. */
  AGENCY_STAFF,
  /** 受注者: works for the agencies that engaged it. */
  SUBCONTRACTOR,
  /**
   * The portal itself, acting on a deadline (a deemed acceptance). Never a user's role: no account
   * holds it, so no one can sign in with it.
   */
  SYSTEM;

  public boolean isAgencyMember() {
    return this == AGENCY_ADMIN || this == AGENCY_STAFF;
  }
}
