package jp.ishibashi.account.web;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/** The agency a subcontractor picked in the switcher, for this session. */
@SessionScoped
public class AgencySelection implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long tenantId;

  Long tenantId() {
    return tenantId;
  }

  void select(long tenantId) {
    this.tenantId = tenantId;
  }
}
