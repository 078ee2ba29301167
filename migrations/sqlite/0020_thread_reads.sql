-- When each account last read each conversation (issue 16): the header shows how many have
-- a message from the other side since. Goes with the account and with the thread.
CREATE TABLE thread_reads (
    thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (thread_id, user_id)
);
CREATE INDEX thread_reads_user ON thread_reads (user_id);
