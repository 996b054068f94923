package jp.ishibashi.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

  private static MailSettings settings(String user, String password, Boolean required) {
    MailSettings settings = new MailSettings();
    settings.configuredEnabled = true;
    settings.configuredHost = Optional.of("smtp.example.jp");
    settings.configuredPort = 587;
    settings.user = Optional.ofNullable(user);
    settings.password = Optional.ofNullable(password);
    settings.from = Optional.empty();
    settings.starttls = true;
    settings.starttlsRequired = Optional.ofNullable(required);
    settings.publicUrl = Optional.empty();
    settings.baseUrl = "http://localhost:8080/";
    settings.init();
    return settings;
  }

  @Test
  void withCredentialsStarttlsIsRequiredByDefaultSoTheyNeverCrossInClearText() {
    var p = settings("portal", "secret", null).sessionProperties();
    assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
    assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
  }

  @Test
  void withoutCredentialsStarttlsIsTriedButNotRequiredUnlessConfigured() {
    assertEquals(
        "false", settings(null, null, null).sessionProperties().getProperty("mail.smtp.starttls.required"));
    assertEquals(
        "true", settings(null, null, true).sessionProperties().getProperty("mail.smtp.starttls.required"));
  }

  @Test
  void anOperatorMayTurnTheRequirementOffExplicitly() {
    assertEquals(
        "false",
        settings("portal", "secret", false).sessionProperties().getProperty("mail.smtp.starttls.required"));
  }
}
