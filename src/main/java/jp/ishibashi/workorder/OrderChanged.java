package jp.ishibashi.workorder;

import jp.ishibashi.tenant.Actor;

/**
 * A work order changed before signing, or was cancelled: fired synchronously inside the change's
 * transaction, so that observers (the pending agreement, frozen or voided) commit with it or not at
 * all. It keeps the work order package free of what observes it.
 */
public record OrderChanged(Actor actor, WorkOrder order) {}
