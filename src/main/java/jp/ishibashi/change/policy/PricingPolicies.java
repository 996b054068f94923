package jp.ishibashi.change.policy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.change.pricing.PricingPolicy;
import jp.ishibashi.change.pricing.PricingPolicy.RushTier;
import jp.ishibashi.change.pricing.RateCard;
import jp.ishibashi.shared.ConflictException;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.Unit;

/**
 * Each agency's pricing settings for change requests: its policy (kill fees, rush tiers, daily
 * capacity, hourly estimates, quote validity), its terms for overdue work (grace and demand days)
 * and its rate card, and whether a subcontractor's fees are subject to withholding tax. Every party
 * of the agency may read them, since a change request from either side is priced with them; only
 * the agency's admins may change them, and anyone else is told they do not exist. Every change is
 * audited against the agency, as its last step.
 */
@Stateless
public class PricingPolicies {

  static final String SUBJECT = "Agency";

  /** The SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  @Inject private Tenancy tenancy;
  @Inject private AuditTrail audit;

  /**
   * The pricing of the actor's agency, for its staff and for the subcontractors it engaged; the
   * portal's defaults until an admin saves a policy.
   */
  public AgencyPricing forAgency(Actor actor) {
    EntityManager em = tenancy.em(actor);
    requireParty(em, actor);
    return read(em, stored(em, LockModeType.NONE));
  }

  /**
   * The agency's grace and demand days for non-performance (催告), for either party: those of {@link
   * #forAgency}, read without its tiers and rate card; the portal's defaults until an admin saves a
   * policy.
   */
  public NonPerformanceTerms nonPerformance(Actor actor) {
    EntityManager em = tenancy.em(actor);
    requireParty(em, actor);
    return stored(em, LockModeType.NONE)
        .map(StoredPricingPolicy::nonPerformance)
        .orElse(NonPerformanceTerms.defaults());
  }

  /**
   * Whether fees paid to this subcontractor are subject to withholding tax (源泉徴収): it said on its
   * profile that it is an individual. Always false for agency accounts.
   */
  public boolean withholdingApplies(long subcontractorUserId) {
    UserAccount account = tenancy.global().find(UserAccount.class, subcontractorUserId);
    if (account == null) {
      throw new NotFoundException();
    }
    return account.isWithholdingApplies();
  }

  /** The policy as its admin edits it, with the version to send back; for admins only. */
  public PolicyForm form(Actor actor) {
    requireAdmin(actor);
    EntityManager em = tenancy.em(actor);
    Optional<StoredPricingPolicy> stored = stored(em, LockModeType.NONE);
    return PolicyForm.of(read(em, stored), stored.map(StoredPricingPolicy::getVersion).orElse(0L));
  }

  /** The rate card's entries by unit, category and currency, each with its id; for admins only. */
  public List<RateCardEntry> rateCardEntries(Actor actor) {
    requireAdmin(actor);
    return entries(tenancy.em(actor));
  }

  /**
   * Saves the agency's policy from its admin's form. Refused at the first bad field with nothing
   * saved; a {@link ConflictException} when the policy changed since the admin loaded it.
   *
   * @return the agency's pricing as now saved
   */
  public AgencyPricing updatePolicy(Actor actor, PolicyForm form) {
    requireAdmin(actor);
    EntityManager em = tenancy.em(actor);
    AgencyPricing pricing = form.toPricing(rateCard(entries(em)));
    // Incremented on every save, also one that changes only tiers, so a stale form always fails.
    Optional<StoredPricingPolicy> stored = stored(em, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    if (stored.map(StoredPricingPolicy::getVersion).orElse(0L) != form.version()) {
      throw new ConflictException();
    }
    if (stored.isPresent()) {
      stored.get().set(pricing);
    } else {
      em.persist(new StoredPricingPolicy(pricing));
    }
    saveTiers(em, pricing.policy().rushTiers());
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConflictException();
    } catch (PersistenceException e) {
      // Another admin's first save of the agency's policy committed first.
      throw uniqueViolation(e) ? new ConflictException() : e;
    }
    audit.record(actor, "PRICING_POLICY_CHANGED", SUBJECT, actor.tenantId(), describe(pricing));
    return pricing;
  }

  /**
   * Adds a price to the agency's rate card. Refused at the field when the unit is missing, the
   * category too long or the price not positive, and as a whole when the card already prices that
   * unit and category in that currency (remove that price first).
   */
  public RateCardEntry addRateCardEntry(Actor actor, Unit unit, String category, Money price) {
    requireAdmin(actor);
    EntityManager em = tenancy.em(actor);
    RateCardEntry entry = new RateCardEntry(unit, category, price);
    if (entries(em).stream()
        .anyMatch(e -> e.prices(entry.getUnit(), entry.getCategory(), entry.getCurrency()))) {
      throw new DomainException("error.rateCard.duplicate");
    }
    em.persist(entry);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // The same price added by another admin a moment earlier.
      throw uniqueViolation(e) ? new DomainException("error.rateCard.duplicate") : e;
    }
    audit.record(
        actor,
        "RATE_CARD_ENTRY_ADDED",
        SUBJECT,
        actor.tenantId(),
        "rate card entry " + entry.getId() + ": " + entry);
    return entry;
  }

  /** Removes a price from the agency's rate card; an id not on the card is not found. */
  public void removeRateCardEntry(Actor actor, long id) {
    requireAdmin(actor);
    EntityManager em = tenancy.em(actor);
    RateCardEntry entry = em.find(RateCardEntry.class, id);
    if (entry == null) {
      throw new NotFoundException();
    }
    em.remove(entry);
    em.flush();
    audit.record(
        actor,
        "RATE_CARD_ENTRY_REMOVED",
        SUBJECT,
        actor.tenantId(),
        "rate card entry " + id + ": " + entry);
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.isAgencyAdmin()) {
      throw new NotFoundException();
    }
  }

  /** Agency staff, or a subcontractor the agency engaged and has not let go. */
  private static void requireParty(EntityManager em, Actor actor) {
    if (actor.isAgencyMember()) {
      return;
    }
    if (actor.isSubcontractor()
        && em.createQuery(
                    "select count(e) from Engagement e"
                        + " where e.subcontractor.id = :user and e.endedAt is null",
                    Long.class)
                .setParameter("user", actor.userId())
                .getSingleResult()
            > 0) {
      return;
    }
    throw new NotFoundException();
  }

  private static Optional<StoredPricingPolicy> stored(EntityManager em, LockModeType lock) {
    return em.createQuery("select p from StoredPricingPolicy p", StoredPricingPolicy.class)
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  private static AgencyPricing read(EntityManager em, Optional<StoredPricingPolicy> stored) {
    RateCard card = rateCard(entries(em));
    return stored
        .map(p -> p.toPricing(tiers(em), card))
        .orElseGet(
            () ->
                new AgencyPricing(
                    PricingPolicy.defaults(),
                    card,
                    AgencyPricing.DEFAULT_QUOTE_VALID_DAYS,
                    NonPerformanceTerms.defaults()));
  }

  private static List<StoredRushTier> tiers(EntityManager em) {
    return em.createQuery("select t from StoredRushTier t", StoredRushTier.class).getResultList();
  }

  private static List<RateCardEntry> entries(EntityManager em) {
    return em.createQuery(
            "select e from RateCardEntry e order by e.unit, e.category, e.currency, e.id",
            RateCardEntry.class)
        .getResultList();
  }

  private static RateCard rateCard(List<RateCardEntry> entries) {
    Map<RateCard.Key, Money> prices = new HashMap<>();
    for (RateCardEntry e : entries) {
      prices.put(new RateCard.Key(e.getUnit(), e.getCategory(), e.getCurrency()), e.getPrice());
    }
    return new RateCard(prices);
  }

  /**
   * Keeps the rows of tiers whose start stays (with the new rate), adds new starts and removes the
   * rest, so that no two rows of one start exist at any point of the flush.
   */
  private static void saveTiers(EntityManager em, List<RushTier> wanted) {
    Map<Integer, StoredRushTier> old =
        tiers(em).stream()
            .collect(Collectors.toMap(StoredRushTier::getMinDaysLeft, t -> t, (a, b) -> a));
    for (RushTier tier : wanted) {
      StoredRushTier kept = old.remove(tier.minDaysLeft());
      if (kept != null) {
        kept.rate(tier);
      } else {
        em.persist(new StoredRushTier(tier));
      }
    }
    old.values().forEach(em::remove);
  }

  private static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The audit event's details: every setting saved, as an admin would read them. */
  static String describe(AgencyPricing pricing) {
    PricingPolicy p = pricing.policy();
    return "kill fees "
        + Amounts.percent(p.killFeeDelivered()).toPlainString()
        + "% delivered, "
        + Amounts.percent(p.killFeeInProgress()).toPlainString()
        + "% in progress; daily capacity "
        + Amounts.plain(p.dailyCapacityHours()).toPlainString()
        + " h; hourly estimates "
        + p.hourlyEstimates().values().stream()
            .map(Money::toString)
            .sorted()
            .collect(Collectors.joining(", "))
        + "; quotes valid "
        + pricing.quoteValidDays()
        + " days; demand for performance "
        + pricing.nonPerformance().graceDays()
        + " days after the due date, giving "
        + pricing.nonPerformance().demandDays()
        + " days; rush tiers "
        + p.rushTiers().stream()
            .map(t -> t.minDaysLeft() + "+ days " + Amounts.percent(t.rate()).toPlainString() + "%")
            .collect(Collectors.joining(", "));
  }
}
