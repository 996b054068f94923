package jp.ishibashi.web;

import static org.assertj.core.api.Assertions.assertThat;

import jp.ishibashi.web.FacesServletRegistration.UploadLimits;
import org.junit.jupiter.api.Test;

/** The upload limits follow the configured delivery limits. */
class FacesServletRegistrationTest {

  private static final long MB = 1024 * 1024;

  @Test
  void aFileMayBeAsLargeAsADeliveryFileAndARequestHoldAsManyAsADeliveryTakes() {
    UploadLimits limits = UploadLimits.of(50 * MB, 10, 20 * MB);

    assertThat(limits.maxFileBytes()).isEqualTo(50 * MB);
    assertThat(limits.maxRequestBytes())
        .isEqualTo(10 * 50 * MB + FacesServletRegistration.FORM_FIELDS_BYTES);
    assertThat(limits.maxFiles()).isEqualTo(10);
  }

  @Test
  void theVerifyPagesPdfStillFitsWhenDeliveryFilesAreSmaller() {
    assertThat(UploadLimits.of(5 * MB, 3, 20 * MB).maxFileBytes()).isEqualTo(20 * MB);
  }
}
