package jp.ishibashi.agreement.pdf;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words and formats of one agreement PDF: labels from the bundle {@code agreement-pdf} in the
 * agreement's language, and amounts, quantities, dates and units as that language writes them.
 *
 * <p>One instance serves one render: the number formats inside are not thread-safe.
 */
final class Labels {

  private static final String BUNDLE = "jp.ishibashi.agreement.pdf.agreement-pdf";
  private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
  private static final DateTimeFormatter ENGLISH_DATE =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ResourceBundle bundle;
  private final DateTimeFormatter dates;
  private final ZoneId zone;
  private final NumberFormat money;
  private final int currencyDigits;
  private final DecimalFormat quantities;

  private Labels(ResourceBundle bundle, DateTimeFormatter dates, Currency currency, ZoneId zone) {
    this.bundle = bundle;
    this.dates = dates;
    this.zone = zone;
    // The symbol before the amount, as in English: ¥1,234,000 and $1,234.50 in either language.
    this.money = NumberFormat.getCurrencyInstance(Locale.US);
    this.money.setCurrency(currency);
    this.currencyDigits = Math.max(0, currency.getDefaultFractionDigits());
    this.quantities =
        new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.US));
  }

  /**
   * The labels for an agreement's language.
   *
   * @param language "ja" or "en"
   * @param currency the ISO 4217 code of the agreement's amounts
   * @param zone the time zone that local times are shown in
   * @throws IllegalArgumentException for any other language, or an unknown currency
   */
  static Labels of(String language, String currency, ZoneId zone) {
    DateTimeFormatter dates;
    if ("ja".equals(language)) {
      dates = JAPANESE_DATE;
    } else if ("en".equals(language)) {
      dates = ENGLISH_DATE;
    } else {
      throw new IllegalArgumentException("Agreements are written in ja or en, not " + language);
    }
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            Locale.forLanguageTag(language),
            Labels.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Labels(bundle, dates, Currency.getInstance(currency), zone);
  }

  /** The label for a key. */
  String text(String key) {
    return bundle.getString(key);
  }

  /** The label for a key, with {0}, {1}… replaced by the arguments. */
  String text(String key, Object... arguments) {
    // The bundle's locale, not the JVM's: numbers in labels are grouped the same on any server.
    return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
  }

  /** An amount with its currency's symbol, and its minor digits (more if it has finer ones). */
  String money(BigDecimal amount) {
    if (amount == null) {
      return none();
    }
    int digits = Math.max(currencyDigits, amount.stripTrailingZeros().scale());
    money.setMinimumFractionDigits(currencyDigits);
    money.setMaximumFractionDigits(digits);
    return money.format(amount);
  }

  /** A quantity without needless decimals: 2, 1.5, 1,200. */
  String quantity(BigDecimal quantity) {
    return quantity == null ? none() : quantities.format(quantity);
  }

  /** A rate as a percentage: 0.10 is 10%, 0.08 is 8%. */
  String percent(BigDecimal rate) {
    return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** A date as the language writes it: 2026年11月27日, 27 Nov 2026. */
  String date(LocalDate date) {
    return date == null ? none() : dates.format(date);
  }

  /** A moment as a date and time in the render's time zone. */
  String localTime(Instant instant) {
    var local = instant.atZone(zone);
    return dates.format(local) + " " + TIME.format(local);
  }

  /** The render's time zone, as shown beside local times. */
  String zoneName() {
    return zone.getId();
  }

  /** A unit code (HOUR, LUMP_SUM…) in words; an unknown code as it is. */
  String unit(String code) {
    if (code == null) {
      return "";
    }
    try {
      return bundle.getString("unit." + code);
    } catch (MissingResourceException e) {
      return code;
    }
  }

  /** What stands for a value that is not given. */
  String none() {
    return bundle.getString("none");
  }

  /** The value, or {@link #none()} when it is null or blank. */
  String orNone(String value) {
    return value == null || value.isBlank() ? none() : value;
  }
}
