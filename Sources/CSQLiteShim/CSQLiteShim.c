#include "CSQLiteShim.h"

#include <sqlite3.h>

int lanyard_sqlite_enable_triggers(void *connection, int enable, int *now) {
    return sqlite3_db_config((sqlite3 *)connection, SQLITE_DBCONFIG_ENABLE_TRIGGER, enable, now);
}
