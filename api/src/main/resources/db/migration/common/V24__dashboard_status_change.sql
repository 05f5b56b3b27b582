-- Time in status and cycle times need every value (exact medians and p90s), so readers keep sorted
-- tallies of them in memory. Before, every stay that ended made each instance read the whole of
-- dashboard_status_time again (the full history: ~0.2 s a read at 30,000 work orders). Now the
-- projection logs each value it changes, numbered by dashboard_state.status_time_version, and a reader
-- applies the numbers between its tallies' version and the one its transaction sees. scope: '' for
-- the overall time in status, a technician's user id, or '#cycle' for a cycle time (on_day: the day
-- of the completion it counts for). old_seconds leaves the tally, new_seconds comes in (either null).
-- The projection keeps the last 40,000 numbers.
create table dashboard_status_change (
    version     bigint       not null primary key,
    scope       varchar(200) not null,
    status      varchar(20)  not null,
    on_day      date,
    old_seconds bigint,
    new_seconds bigint
);
