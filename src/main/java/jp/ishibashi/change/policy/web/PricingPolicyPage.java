package jp.ishibashi.change.policy.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.change.policy.Amounts;
import jp.ishibashi.change.policy.PolicyForm;
import jp.ishibashi.change.policy.PricingPolicies;
import jp.ishibashi.change.policy.RateCardEntry;
import jp.ishibashi.shared.ConflictException;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.web.Pages;
import jp.ishibashi.workorder.Unit;

/**
 * The admin's pricing policy page: kill fees, daily capacity, hourly estimates, quote validity, the
 * grace and demand days for overdue work and the rush tier table in one form saved at once, and
 * the rate card, whose prices are added and removed one by one. Rows of the tier table are added
 * and removed on the page only; nothing is stored until the form is saved.
 */
@Named
@ViewScoped
public class PricingPolicyPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private PricingPolicies policies;
  @Inject private CurrentUser currentUser;

  private BigDecimal killFeeDelivered;
  private BigDecimal killFeeInProgress;
  private BigDecimal dailyCapacityHours;
  private BigDecimal hourlyEstimateJpy;
  private BigDecimal hourlyEstimateUsd;
  private Integer quoteValidDays;
  private Integer graceDays;
  private Integer demandDays;
  private List<TierRow> tiers = new ArrayList<>();
  private long version;

  private transient List<RateCardEntry> entries = List.of();
  private Unit unit = Unit.HOUR;
  private String category;
  private BigDecimal price;
  private String currency = "JPY";

  /** One editable row of the rush tier table. */
  public static class TierRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private Integer minDaysLeft;
    private BigDecimal ratePercent;

    public Integer getMinDaysLeft() {
      return minDaysLeft;
    }

    public void setMinDaysLeft(Integer minDaysLeft) {
      this.minDaysLeft = minDaysLeft;
    }

    public BigDecimal getRatePercent() {
      return ratePercent;
    }

    public void setRatePercent(BigDecimal ratePercent) {
      this.ratePercent = ratePercent;
    }
  }

  public void load() {
    try {
      show(policies.form(currentUser.actor()));
      entries = policies.rateCardEntries(currentUser.actor());
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  public void save() {
    try {
      policies.updatePolicy(currentUser.actor(), form());
      Pages.info("pricing.saved");
      show(policies.form(currentUser.actor()));
    } catch (ConflictException e) {
      Pages.error(e);
      show(policies.form(currentUser.actor()));
    } catch (DomainException e) {
      Pages.errorAt("policy", e);
    }
  }

  public void addTier() {
    tiers.add(new TierRow());
  }

  public void removeTier(int index) {
    if (index >= 0 && index < tiers.size()) {
      tiers.remove(index);
    }
  }

  public void addEntry() {
    try {
      Money unitPrice =
          Amounts.positive(
              price,
              Amounts.currency(currency, "currency"),
              "price",
              "error.rateCard.pricePositive");
      policies.addRateCardEntry(currentUser.actor(), unit, category, unitPrice);
      Pages.info("pricing.rateCard.added");
      category = null;
      price = null;
    } catch (DomainException e) {
      Pages.errorAt("rateCard", e);
    }
    entries = policies.rateCardEntries(currentUser.actor());
  }

  public void removeEntry(long id) {
    try {
      policies.removeRateCardEntry(currentUser.actor(), id);
      Pages.info("pricing.rateCard.removed");
    } catch (DomainException e) {
      Pages.refused(e);
    }
    entries = policies.rateCardEntries(currentUser.actor());
  }

  private PolicyForm form() {
    return new PolicyForm(
        killFeeDelivered,
        killFeeInProgress,
        dailyCapacityHours,
        hourlyEstimateJpy,
        hourlyEstimateUsd,
        quoteValidDays,
        graceDays,
        demandDays,
        tiers.stream()
            .map(t -> new PolicyForm.Tier(t.getMinDaysLeft(), t.getRatePercent()))
            .toList(),
        version);
  }

  private void show(PolicyForm form) {
    killFeeDelivered = form.killFeeDelivered();
    killFeeInProgress = form.killFeeInProgress();
    dailyCapacityHours = form.dailyCapacityHours();
    hourlyEstimateJpy = form.hourlyEstimateJpy();
    hourlyEstimateUsd = form.hourlyEstimateUsd();
    quoteValidDays = form.quoteValidDays();
    graceDays = form.graceDays();
    demandDays = form.demandDays();
    tiers = new ArrayList<>();
    for (PolicyForm.Tier tier : form.rushTiers()) {
      TierRow row = new TierRow();
      row.setMinDaysLeft(tier.minDaysLeft());
      row.setRatePercent(tier.ratePercent());
      tiers.add(row);
    }
    version = form.version();
  }

  /** Whether the agency still prices with the portal's defaults (no policy saved yet). */
  public boolean isDefaults() {
    return version == 0;
  }

  public Unit[] getUnits() {
    return Unit.values();
  }

  public List<RateCardEntry> getEntries() {
    if (entries == null) { // a view restored on another node
      entries = policies.rateCardEntries(currentUser.actor());
    }
    return entries;
  }

  public List<TierRow> getTiers() {
    return tiers;
  }

  public BigDecimal getKillFeeDelivered() {
    return killFeeDelivered;
  }

  public void setKillFeeDelivered(BigDecimal killFeeDelivered) {
    this.killFeeDelivered = killFeeDelivered;
  }

  public BigDecimal getKillFeeInProgress() {
    return killFeeInProgress;
  }

  public void setKillFeeInProgress(BigDecimal killFeeInProgress) {
    this.killFeeInProgress = killFeeInProgress;
  }

  public BigDecimal getDailyCapacityHours() {
    return dailyCapacityHours;
  }

  public void setDailyCapacityHours(BigDecimal dailyCapacityHours) {
    this.dailyCapacityHours = dailyCapacityHours;
  }

  public BigDecimal getHourlyEstimateJpy() {
    return hourlyEstimateJpy;
  }

  public void setHourlyEstimateJpy(BigDecimal hourlyEstimateJpy) {
    this.hourlyEstimateJpy = hourlyEstimateJpy;
  }

  public BigDecimal getHourlyEstimateUsd() {
    return hourlyEstimateUsd;
  }

  public void setHourlyEstimateUsd(BigDecimal hourlyEstimateUsd) {
    this.hourlyEstimateUsd = hourlyEstimateUsd;
  }

  public Integer getQuoteValidDays() {
    return quoteValidDays;
  }

  public void setQuoteValidDays(Integer quoteValidDays) {
    this.quoteValidDays = quoteValidDays;
  }

  public Integer getGraceDays() {
    return graceDays;
  }

  public void setGraceDays(Integer graceDays) {
    this.graceDays = graceDays;
  }

  public Integer getDemandDays() {
    return demandDays;
  }

  public void setDemandDays(Integer demandDays) {
    this.demandDays = demandDays;
  }

  public Unit getUnit() {
    return unit;
  }

  public void setUnit(Unit unit) {
    this.unit = unit;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }
}
