-- Secrets every node shares (issue 14): the key that signs device cookies and binds CSRF
-- tokens to sessions, made at random by the first node that needs it unless the operator
-- gives one (`serve --secret-key`). A copy of the database can forge neither more than it
-- could already read.
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
