package jp.ishibashi.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA512). Each stored hash records its own
 * parameters, so raising the iteration count later does not lock anyone out.
 */
@ApplicationScoped
public class Passwords {

  @Inject private Pbkdf2PasswordHash hash;

  @Inject
  @ConfigProperty(name = "portal.password.iterations")
  private int iterations;

  /** Compared against when the account does not exist, so both cases take the same time. */
  private String decoy;

  @PostConstruct
  void init() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    decoy = hash.generate("decoy-password-never-used".toCharArray());
  }

  /** Checks the policy and hashes a new password. */
  public String hashNew(String password) {
    PasswordPolicy.check(password);
    return hash.generate(password.toCharArray());
  }

  public boolean matches(String password, String storedHash) {
    return hash.verify(password.toCharArray(), storedHash);
  }

  /** Spends the time of one verification, for an unknown account. */
  public void verifyDecoy(String password) {
    hash.verify(password.toCharArray(), decoy);
  }
}
