package jp.ishibashi.agreement.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.AgreementSignature;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrder;
import org.omnifaces.util.Faces;

/**
 * The agreement section of the work order page: every version of the order's agreement with its
 * state and signatures, the way to sign the one awaiting signatures, and the signed PDFs.
 */
@Named
@ViewScoped
public class AgreementPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Agreements agreements;
  @Inject private CurrentUser currentUser;

  private Long loadedFor;
  private transient List<Agreement> versions;

  /** The order's agreement versions, newest first; loaded once per view and order. */
  public List<Agreement> versions(WorkOrder order) {
    if (versions == null || !Objects.equals(loadedFor, order.getId())) {
      versions = agreements.ofOrder(currentUser.actor(), order.getId());
      loadedFor = order.getId();
    }
    return versions;
  }

  /** Whether the viewer's side still has to sign this version. */
  public boolean awaitsSignature(Agreement agreement, Party viewer) {
    return agreement.getState() == Agreement.State.AWAITING_SIGNATURES
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
