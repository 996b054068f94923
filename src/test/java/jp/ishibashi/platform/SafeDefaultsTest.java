package jp.ishibashi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeDefaultsTest {

  @Test
  void theShippedOrAnEmptyKeystorePasswordIsRefusedWithoutDemoData() {
    assertEquals(1, SafeDefaults.refusals(false, "ishibashi-ca").size());
    assertEquals(1, SafeDefaults.refusals(false, "").size());
    assertEquals(1, SafeDefaults.refusals(false, null).size());
    assertTrue(SafeDefaults.refusals(false, "ishibashi-ca").get(0).contains("keystore-password"));
  }

  @Test
  void aDemoPortalOrAPasswordOfOnesOwnStarts() {
    assertTrue(SafeDefaults.refusals(true, "ishibashi-ca").isEmpty());
    assertTrue(SafeDefaults.refusals(false, "a-long-secret-of-our-own").isEmpty());
  }
}
