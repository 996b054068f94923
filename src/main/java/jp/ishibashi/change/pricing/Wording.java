package jp.ishibashi.change.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Unit;

/**
 * How a quote writes amounts, rates, quantities and line names, the same way on every machine and
 * in both languages: ¥300,000, $1,234.50, -¥5,000, 25%, 10時間 / 10 hours.
 */
final class Wording {

  /** A text in both of the portal's languages. */
  record Bilingual(String ja, String en) {}

  private static final int MAX_QUOTED = 40;

  /** Looking a symbol up goes through the locale providers each time, so it is kept. */
  private static final Map<Currency, String> SYMBOLS = new ConcurrentHashMap<>();

  private Wording() {}

  static String money(Money money) {
    BigDecimal amount = money.amount();
    String symbol = SYMBOLS.computeIfAbsent(money.currency(), Wording::symbol);
    String digits = amount.abs().toPlainString();
    int point = digits.indexOf('.');
    String whole = point < 0 ? digits : digits.substring(0, point);
    String fraction = point < 0 ? "" : digits.substring(point);
    StringBuilder grouped = new StringBuilder(whole.length() + whole.length() / 3);
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(whole.charAt(i));
    }
    return (amount.signum() < 0 ? "-" : "") + symbol + grouped + fraction;
  }

  /** ¥, $, €; a currency with no symbol of its own by its code and a space ("CHF "). */
  private static String symbol(Currency currency) {
    String symbol = currency.getSymbol(Locale.US);
    return symbol.equals(currency.getCurrencyCode()) ? symbol + " " : symbol;
  }

  /** A rate as a percentage: 0.25 is 25%, 0.1021 is 10.21%. */
  static String percent(BigDecimal rate) {
    return plain(rate.movePointRight(2)) + "%";
  }

  static String plain(BigDecimal number) {
    return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
  }

  static Bilingual quantity(BigDecimal quantity, Unit unit) {
    String q = plain(quantity);
    boolean one = quantity.compareTo(BigDecimal.ONE) == 0;
    return switch (unit) {
      case HOUR -> new Bilingual(q + "時間", q + (one ? " hour" : " hours"));
      case DAY -> new Bilingual(q + "日", q + (one ? " day" : " days"));
      case PAGE -> new Bilingual(q + "ページ", q + (one ? " page" : " pages"));
      case SCREEN -> new Bilingual(q + "画面", q + (one ? " screen" : " screens"));
      case ITEM -> new Bilingual(q + "個", q + (one ? " item" : " items"));
      case LUMP_SUM -> new Bilingual(q + "式", q + " lump sum");
    };
  }

  static Bilingual hours(BigDecimal hours) {
    String h = plain(hours.setScale(2, RoundingMode.HALF_UP));
    return new Bilingual(h + "時間", h + (hours.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours"));
  }

  static Bilingual days(long days) {
    return new Bilingual(days + "日", days + (days == 1 ? " day" : " days"));
  }

  static Bilingual progress(Progress progress) {
    return switch (progress) {
      case NOT_STARTED -> new Bilingual("未着手", "not started");
      case IN_PROGRESS -> new Bilingual("作業中", "in progress");
      case DELIVERED -> new Bilingual("納品済み", "delivered");
    };
  }

  /** An agreed line ("明細3「設計」" / "line 3 "Design"") by its number and text. */
  static Bilingual agreedLine(int number, String text) {
    String quoted = quoted(text);
    return new Bilingual(
        "明細" + number + "「" + quoted + "」", "line " + number + " \"" + quoted + "\"");
  }

  /** A new line by its place among the added lines and its text. */
  static Bilingual newLine(int place, String text) {
    String quoted = quoted(text);
    return new Bilingual(
        "追加明細" + place + "「" + quoted + "」", "new line " + place + " \"" + quoted + "\"");
  }

  /** What "rounded down" means for this currency: to the yen, or to its minor unit. */
  static Bilingual roundedDown(Money money) {
    return money.currency().getCurrencyCode().equals("JPY")
        ? new Bilingual("1円未満切り捨て", "rounded down to the yen")
        : new Bilingual("最小通貨単位未満切り捨て", "rounded down to the minor unit");
  }

  static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** A line's text on one line, cut to a readable length for an explanation. */
  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder(Math.min(text.length(), MAX_QUOTED + 1));
    int count = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c)) {
        space = quoted.length() > 0;
        continue;
      }
      if (count == MAX_QUOTED) {
        return quoted.append('…').toString();
      }
      if (space) {
        quoted.append(' ');
        space = false;
        count++;
        if (count == MAX_QUOTED) {
          return quoted.append('…').toString();
        }
      }
      quoted.appendCodePoint(c);
      count++;
    }
    return quoted.toString();
  }
}
