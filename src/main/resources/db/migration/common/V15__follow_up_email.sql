-- The address a customer left to be answered by email (offered outside business hours), kept on the
-- conversation: the widget shows it as done after a reload, and the agents see it in the header. The
-- customer's own email (given at the start, or changed by a follow-up) stays on the customer.
alter table conversation add column follow_up_email varchar(320);

-- What a system notice offers the customer beyond its text (FOLLOW_UP_OFFER: the widget shows an email
-- form under it), and the language it is written in (the wait notices follow the customer's language).
alter table message add column kind varchar(32);
alter table message add column language varchar(8);
