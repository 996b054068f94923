package jp.ishibashi.agreement.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.AgreementSignature;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrder;
import org.omnifaces.util.Faces;

/**
 * What the agreement section of the work order page shows, from the versions its view loaded:
 * the version awaiting signatures, the latest signed one, and each version's signatures and PDF.
 */
@Named
@ApplicationScoped
public class AgreementPanel {

  /** The version awaiting signatures, if any: there is at most one. */
  public Agreement pending(List<Agreement> versions) {
    return versions.stream()
        .filter(a -> a.getState() == Agreement.State.AWAITING_SIGNATURES)
        .findFirst()
        .orElse(null);
  }

  /** The newest version both parties signed, if any. */
  public Agreement latestSigned(List<Agreement> versions) {
    return versions.stream()
        .filter(a -> a.getState() == Agreement.State.SIGNED)
        .findFirst()
        .orElse(null);
  }

  /** Whether the viewer's side still has to sign this version. */
  public boolean awaitsSignature(Agreement agreement, Party viewer) {
    return agreement != null
        && agreement.getState() == Agreement.State.AWAITING_SIGNATURES
        && agreement.signatureOf(viewer).isEmpty();
  }

  public AgreementSignature signatureOf(Agreement agreement, Party party) {
    return agreement.signatureOf(party).orElse(null);
  }

  /** The download address of a signed version's PDF (the REST API, with the same session). */
  public String downloadUrl(WorkOrder order, Agreement agreement) {
    return Faces.getRequestContextPath()
        + "/api/work-orders/"
        + order.getId()
        + "/agreements/"
        + agreement.getVersionNumber()
        + "/pdf";
  }
}
