-- A customer's work orders list kept the work order number in varchar(20), the work-order view and the
-- dashboard in varchar(30). A longer number (the dashboard benchmark's generated history has them) made
-- the customer projection's batch fail at commit, over and over: one width for the number everywhere.
alter table customer_work_order_view alter column number set data type varchar(30);
