package jp.ishibashi.agreement;

import jp.ishibashi.tenant.Actor;
import jp.ishibashi.workorder.WorkOrder;

/**
 * Both parties signed a version and its PDF is sealed: fired synchronously in the second
 * signature's transaction, so what follows from it (an agreed ending) commits with the signature.
 */
public record AgreementSealed(Actor actor, WorkOrder order, int version) {}
