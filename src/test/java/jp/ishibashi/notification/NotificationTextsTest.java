package jp.ishibashi.notification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class NotificationTextsTest {

  private static final String[] ARGS = {"IW-0007", "ロゴ制作", "2"};

  @Test
  void everyKindHasATextInBothLanguagesNamingTheOrder() {
    for (NotificationKind kind : NotificationKind.values()) {
      for (Locale locale : new Locale[] {Locale.JAPANESE, Locale.ENGLISH}) {
        String pattern =
            ResourceBundle.getBundle(NotificationTexts.BUNDLE, locale).getString(kind.messageKey());
        assertFalse(pattern.contains("'"), "no MessageFormat quotes: " + pattern);
        String text = NotificationTexts.text(kind, ARGS, locale);
        assertTrue(text.startsWith("IW-0007 ロゴ制作: "), text);
        assertFalse(text.contains("{"), text);
      }
    }
  }

  @Test
  void theTextIsInTheReadersLanguage() {
    assertEquals(
        "IW-0007 ロゴ制作: 明細 2 に対案が出されました。",
        NotificationTexts.text(NotificationKind.LINE_COUNTERED, ARGS, Locale.JAPANESE));
    assertEquals(
        "IW-0007 ロゴ制作: line 2 has been countered.",
        NotificationTexts.text(NotificationKind.LINE_COUNTERED, ARGS, Locale.ENGLISH));
  }

  @Test
  void theMailIsJapaneseFirstWithTheEnglishBelowAndLinksTheOrder() {
    String link = "https://contracts.example.jp/orders/work-order.xhtml?id=42";
    MailText mail = NotificationTexts.mail(NotificationKind.FUNDED, ARGS, link);

    assertEquals("【石橋】IW-0007 ロゴ制作: 仮払いが完了しました。作業を開始できます。", mail.subject());
    String body = mail.body();
    int japanese = body.indexOf("仮払いが完了しました");
    int english = body.indexOf("the escrow is funded");
    assertTrue(japanese >= 0 && english > japanese, body);
    assertTrue(body.indexOf(link) > japanese && body.lastIndexOf(link) > english, body);
  }

  @Test
  void aMailAboutNoOrderHasNoLink() {
    MailText mail = NotificationTexts.mail(NotificationKind.FUNDED, ARGS, null);
    assertFalse(mail.body().contains("http"), mail.body());
  }

  @Test
  void argumentsRoundTripThroughTheirColumn() {
    assertArrayEquals(ARGS, NotificationParams.decode(NotificationParams.encode(ARGS)));
    assertArrayEquals(
        new String[] {"a b", "", "c"},
        NotificationParams.decode(NotificationParams.encode("a\u001Fb", null, "c")));
    assertNull(NotificationParams.encode());
    assertArrayEquals(new String[0], NotificationParams.decode(null));
  }
}
