package jp.ishibashi.shared;

import java.util.regex.Pattern;

/**
 * A party's details named in its agreements: a postal address and a qualified invoice issuer
 * registration number (適格請求書発行事業者登録番号), both optional. The number is "T" followed by
 * 13 digits; it is accepted with spaces or hyphens and a lower-case or full-width letter, and
 * kept in its plain form.
 */
public record BusinessDetails(String address, String registrationNumber) {

  public static final int MAX_ADDRESS = 500;
  private static final Pattern NUMBER = Pattern.compile("T\\d{13}");

  public static BusinessDetails of(String address, String registrationNumber) {
    return new BusinessDetails(
        Texts.optional(address, "address", MAX_ADDRESS), registrationNumber(registrationNumber));
  }

  /** The number in its plain form (T1234567890123), null when blank; refused when malformed. */
  public static String registrationNumber(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String plain =
        java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC)
            .replaceAll("[\\s\\-]", "")
            .toUpperCase(java.util.Locale.ROOT);
    if (!NUMBER.matcher(plain).matches()) {
      throw DomainException.at("registrationNumber", "error.registrationNumber.format");
    }
    return plain;
  }
}
