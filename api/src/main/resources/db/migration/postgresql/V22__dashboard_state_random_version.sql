-- The dashboard's readers cache what they computed from the whole history (time in status, cycle
-- times) under dashboard_state.status_time_version. Every new copy of the table (a blue/green rebuild
-- builds one from these migrations) starts at a random version, so a copy switched in never shows a
-- version a reader already holds a figure for, even when it counted as many changes as the old one.
update dashboard_state set status_time_version = floor(random() * 1000000000000)::bigint;
