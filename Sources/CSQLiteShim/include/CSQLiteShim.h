#ifndef LANYARD_CSQLITESHIM_H
#define LANYARD_CSQLITESHIM_H

/// Typed wrappers over SQLite's variadic `sqlite3_db_config`, which Swift cannot call.
/// `connection` is a `sqlite3 *` (GRDB's `Database.sqliteConnection`).

/// Turns the connection's triggers on (1) or off (0) and returns SQLite's result code; `now`
/// receives the setting after the call. Prepared statements compiled under the other setting
/// are expired by SQLite and recompiled on their next use.
int lanyard_sqlite_enable_triggers(void *connection, int enable, int *now);

#endif
