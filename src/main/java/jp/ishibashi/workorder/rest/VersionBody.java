package jp.ishibashi.workorder.rest;

/** The version of the order or line that an action (send, accept, keep) is based on. */
public record VersionBody(Long version) {}
