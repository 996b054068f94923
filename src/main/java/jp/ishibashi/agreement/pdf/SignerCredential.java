package jp.ishibashi.agreement.pdf;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A key that can sign an agreement PDF, with its certificate chain.
 *
 * @param key the signer's private key
 * @param chain the signer's certificate first, then the certificate of the CA that issued it
 */
public record SignerCredential(PrivateKey key, X509Certificate[] chain) {

  public SignerCredential {
    Objects.requireNonNull(key, "key");
    if (chain == null || chain.length == 0) {
      throw new IllegalArgumentException("A signer needs at least its own certificate");
    }
    chain = chain.clone();
  }

  /** A copy of the chain, signer first. */
  @Override
  public X509Certificate[] chain() {
    return chain.clone();
  }

  /** This credential as PKCS#12 bytes, the key encrypted with the password ({@link KeyEntry}). */
  public byte[] toPkcs12(char[] password) {
    return KeyEntry.write(key, chain, password);
  }

  /** The credential that {@link #toPkcs12} wrote. */
  public static SignerCredential fromPkcs12(byte[] pkcs12, char[] password) {
    KeyEntry entry = KeyEntry.read(pkcs12, password);
    return new SignerCredential(entry.key(), entry.chain());
  }

  /** The signer's own certificate. */
  public X509Certificate certificate() {
    return chain[0];
  }
}
