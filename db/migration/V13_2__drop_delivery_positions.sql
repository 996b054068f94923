-- Deliveries name their lines by id in delivery_line (filled from these columns by
-- jp.ishibashi.platform.V13_1__DeliveryLinesById): the positions are no longer read.
alter table delivery drop column delivered_lines;
alter table delivery drop column rejected_lines;
