/// A PostgreSQL client over libpq.
public enum Postgres {}
