package jp.ishibashi.agreement;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.ishibashi.workorder.Party;

/**
 * The statement a signer confirms, in the language of the page that showed it. Its SHA-256 is
 * recorded with the signature, so the record proves which words the signer agreed to.
 */
public final class ConsentText {

  private static final String BUNDLE = "jp.ishibashi.web.messages";

  private ConsentText() {}

  public static String of(Locale locale, Agreement agreement, Party party, String signerName) {
    AgreementContent content = agreement.content();
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    String side =
        bundle.getString(party == Party.AGENCY ? "consent.side.agency" : "consent.side.subcontractor");
    String organisation = Agreements.organisation(content, party);
    return new MessageFormat(bundle.getString("consent.text"), locale)
        .format(
            new Object[] {
              signerName,
              organisation,
              side,
              content.orderNumber(),
              String.valueOf(content.version()),
              content.title(),
              agreement.getContentHash()
            });
  }
}
