-- Bucket4j's token buckets, shared by every instance (RateLimiter.inDatabase): one row per class of
-- request and client; state is Bucket4j's own serialised bucket, expires_at (epoch millis) when a
-- full bucket may be deleted (RateLimitFilter removes them every minute), explicit_lock the advisory
-- lock id of the row, which that removal takes so that it never deletes a bucket in use.
CREATE TABLE rate_limit_bucket (
    id            VARCHAR(512) PRIMARY KEY,
    state         BYTEA,
    expires_at    BIGINT,
    explicit_lock BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
