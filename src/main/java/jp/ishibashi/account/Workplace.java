package jp.ishibashi.account;

import jp.ishibashi.tenant.Role;

/**
 * An agency a user may act in, and as what: the one agency of a staff member, or each agency
 * that engaged a subcontractor.
 */
public record Workplace(long tenantId, String agencyName, Role role) {}
