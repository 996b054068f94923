package jp.ishibashi.agreement.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;

/**
 * One private key and its certificate chain as PKCS#12 bytes, the form in which the portal keeps
 * its CA and its signers' keys in the database: the key is encrypted with a password from the
 * configuration ({@code portal.signing.keystore-password}), with this JDK's PKCS#12 default
 * (PBES2 with AES-256 and an HMAC-SHA256 integrity check).
 *
 * @param key the private key
 * @param chain its certificate first, then the issuers'
 */
record KeyEntry(PrivateKey key, X509Certificate[] chain) {

  private static final String ALIAS = "ishibashi";

  KeyEntry {
    Objects.requireNonNull(key, "key");
    if (chain == null || chain.length == 0) {
      throw new IllegalArgumentException("A key entry needs its certificate");
    }
  }

  static byte[] write(PrivateKey key, X509Certificate[] chain, char[] password) {
    Objects.requireNonNull(password, "password");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password, chain);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot write a PKCS#12 key entry", e);
    }
  }

  /**
   * The first key entry with a certificate in PKCS#12 bytes.
   *
   * @throws IllegalStateException if there is none, or the password does not open the bytes
   */
  static KeyEntry read(byte[] pkcs12, char[] password) {
    Objects.requireNonNull(pkcs12, "pkcs12");
    Objects.requireNonNull(password, "password");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(pkcs12), password);
      for (String alias : Collections.list(store.aliases())) {
        Certificate[] chain = store.getCertificateChain(alias);
        if (store.isKeyEntry(alias)
            && store.getKey(alias, password) instanceof PrivateKey key
            && chain != null
            && chain.length > 0) {
          return new KeyEntry(key, Arrays.copyOf(chain, chain.length, X509Certificate[].class));
        }
      }
      throw new IllegalStateException("The key store holds no key entry with a certificate");
    } catch (IOException | GeneralSecurityException | ArrayStoreException e) {
      throw new IllegalStateException("Cannot open the key store (wrong password?)", e);
    }
  }
}
