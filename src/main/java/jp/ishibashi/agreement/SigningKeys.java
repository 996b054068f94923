package jp.ishibashi.agreement;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import jp.ishibashi.tenant.Tenancy;

/**
 * The stored signing keys ({@link SigningKey}), each call a short transaction of its own. A key is
 * written once and never replaced: when two nodes create the same key at once, the database keeps
 * the first and the other's insert fails, and that node reads the first (see {@link
 * AgreementSealer}).
 */
@Stateless
public class SigningKeys {

  @Inject private Tenancy tenancy;

  /** The PKCS#12 bytes stored under {@code name}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<byte[]> find(String name) {
    return Optional.ofNullable(tenancy.global().find(SigningKey.class, name))
        .map(SigningKey::pkcs12);
  }

  /**
   * Stores a new key under {@code name}.
   *
   * @throws jakarta.ejb.EJBException if a key of that name exists (another node was first)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void add(String name, byte[] pkcs12, Instant now) {
    tenancy.global().persist(new SigningKey(name, pkcs12, now));
    tenancy.global().flush();
  }
}
