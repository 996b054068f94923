package jp.ishibashi.change.pricing;

import java.util.Objects;

/**
 * A remark of a quote that has no amount: a changed text or due date, a price compared with the
 * rate card, or a warning of a practice the Freelance Act prohibits.
 *
 * @param lineRef as in {@link BreakdownLine#lineRef()}; null when about the whole change
 */
public record Note(Severity severity, String lineRef, String textJa, String textEn) {

  /** INFO states a fact; WARNING asks a person to look before accepting. */
  public enum Severity {
    INFO,
    WARNING
  }

  public Note {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(textJa, "textJa");
    Objects.requireNonNull(textEn, "textEn");
  }
}
