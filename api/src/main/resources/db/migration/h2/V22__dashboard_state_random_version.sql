-- As db/migration/postgresql/V22: every new copy of dashboard_state starts at a random version.
update dashboard_state set status_time_version = cast(floor(rand() * 1000000000000) as bigint);
