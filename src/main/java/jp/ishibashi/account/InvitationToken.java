package jp.ishibashi.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in an invitation link: 32 random bytes, URL-safe. Only its SHA-256 is stored, so a
 * copy of the database does not give away working links.
 */
public record InvitationToken(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static InvitationToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new InvitationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The stored form: lower-case hex SHA-256 of the token text. */
  public String hash() {
    return sha256Hex(value);
  }

  static String sha256Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "InvitationToken[…]";
  }
}
