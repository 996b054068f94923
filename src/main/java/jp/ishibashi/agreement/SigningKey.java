package jp.ishibashi.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A key the portal signs with, kept in the database so every node signs with the same one: the CA's
 * or a signer's, as PKCS#12 bytes whose key is encrypted with the configured keystore password.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  @Id
  @Column(length = 80)
  private String name;

  @Column(nullable = false)
  private byte[] pkcs12;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SigningKey() {}

  SigningKey(String name, byte[] pkcs12, Instant createdAt) {
    this.name = name;
    this.pkcs12 = pkcs12.clone();
    this.createdAt = createdAt;
  }

  byte[] pkcs12() {
    return pkcs12.clone();
  }
}
