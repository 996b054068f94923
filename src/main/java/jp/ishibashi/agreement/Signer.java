package jp.ishibashi.agreement;

import jp.ishibashi.workorder.Party;

/**
 * Who signs, as recorded with the signature: the person and the organisation they sign for, the
 * side of the order, and where the request came from.
 *
 * @param organisation the agency's name, or the subcontractor's own name for an individual
 */
public record Signer(
    Party party, long userId, String name, String organisation, String ip, String userAgent) {}
