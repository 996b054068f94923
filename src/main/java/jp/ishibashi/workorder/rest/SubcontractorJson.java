package jp.ishibashi.workorder.rest;

/** A subcontractor an agency's work order may be addressed to. */
public record SubcontractorJson(long id, String name) {}
