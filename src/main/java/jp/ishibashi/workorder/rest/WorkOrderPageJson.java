package jp.ishibashi.workorder.rest;

import java.util.List;

/**
 * One page of the work order list.
 *
 * @param page the page number, from 0
 * @param total the number of orders on all pages
 */
public record WorkOrderPageJson(List<WorkOrderSummaryJson> items, int page, int size, long total) {}
