/* The model file's schema as numbered migrations (PRAGMA user_version = last one applied). */
#ifndef SW_DB_SCHEMA_H
#define SW_DB_SCHEMA_H

/* The schema version this build writes. */
int db_schema_version(void);

/* SQL that brings a model from version-1 to version; NULL when out of range. Borrowed. */
const char *db_schema_migration(int version);

#endif
