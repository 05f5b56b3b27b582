-- Keycloak keeps its state in its own database on the same server, owned by POSTGRES_USER.
-- The postgres image runs this once, when the data volume is initialised for the first time.
CREATE DATABASE keycloak;
