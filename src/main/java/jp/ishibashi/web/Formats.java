package jp.ishibashi.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.context.FacesContext;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import jp.ishibashi.shared.Money;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Dates and times as pages show them: in the portal's time zone (Japan by default). */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject
  @ConfigProperty(name = "portal.time-zone")
  private String zone;

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.withZone(ZoneId.of(zone)).format(instant);
  }

  /** A moment to the second, for records such as the audit trail. */
  public String timestamp(Instant instant) {
    return instant == null ? "" : TIMESTAMP.withZone(ZoneId.of(zone)).format(instant);
  }

  public String date(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  /** An amount with its currency's symbol and minor digits, in the view's language. */
  public String money(Money money) {
    if (money == null) {
      return "";
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(money.currency());
    format.setMinimumFractionDigits(money.amount().scale());
    format.setMaximumFractionDigits(money.amount().scale());
    return format.format(money.amount());
  }

  /** A quantity without needless decimals: 2, 1.5. */
  public String quantity(BigDecimal quantity) {
    return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
  }
}
