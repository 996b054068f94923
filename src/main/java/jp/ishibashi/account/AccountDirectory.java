package jp.ishibashi.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;

/**
 * The only cross-tenant lookups in the portal: who an account is, and in which agencies it may
 * act. Everything else runs inside one tenant.
 */
@Stateless
public class AccountDirectory {

  @Inject private Tenancy tenancy;

  public Optional<UserAccount> accountByEmail(String email) {
    return tenancy
        .global()
        .createQuery("select u from UserAccount u where u.email = :email", UserAccount.class)
        .setParameter("email", email)
        .getResultStream()
        .findFirst();
  }

  /** The agencies the account may act in now, by agency name. */
  public List<Workplace> workplacesOf(long userId) {
    List<Workplace> staff =
        tenancy
            .global()
            .createQuery(
                "select new jp.ishibashi.account.Workplace(m.tenantId, a.name, m.role)"
                    + " from MembershipEntry m, Agency a"
                    + " where a.id = m.tenantId and m.userId = :user and m.endedAt is null"
                    + " order by a.name",
                Workplace.class)
            .setParameter("user", userId)
            .getResultList();
    if (!staff.isEmpty()) {
      return staff;
    }
    return tenancy
        .global()
        .createQuery(
            "select e.tenantId, a.name from EngagementEntry e, Agency a"
                + " where a.id = e.tenantId and e.subcontractorId = :user and e.endedAt is null"
                + " order by a.name, a.id",
            Object[].class)
        .setParameter("user", userId)
        .getResultStream()
        .map(row -> new Workplace((Long) row[0], (String) row[1], Role.SUBCONTRACTOR))
        .toList();
  }

  /** The display names of these accounts, by id; ids of no account are left out. */
  public Map<Long, String> displayNames(Collection<Long> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return tenancy
        .global()
        .createQuery(
            "select u.id, u.displayName from UserAccount u where u.id in :ids", Object[].class)
        .setParameter("ids", userIds)
        .getResultStream()
        .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
  }

  /** The tenant of the invitation whose token has this hash. */
  public Optional<Long> tenantOfInvitation(String tokenHash) {
    return tenancy
        .global()
        .createQuery(
            "select i.tenantId from InvitationEntry i where i.tokenHash = :hash", Long.class)
        .setParameter("hash", tokenHash)
        .getResultStream()
        .findFirst();
  }
}
