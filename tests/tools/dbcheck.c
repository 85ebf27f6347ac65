/*
 * sw_dbcheck: a tiny SQLite client for the shell tests, so they need no sqlite3 shell.
 *   sw_dbcheck MODEL.db [SQL]...     runs each statement read-only (default: PRAGMA
 *                                    integrity_check) and prints its rows, columns joined by |
 *   sw_dbcheck --write MODEL.db SQL...
 *                                    runs the statements read-write, as any SQLite client could
 *                                    (foreign keys off): how the tests plant hostile content
 *   sw_dbcheck --hold-lock SECONDS MODEL.db
 *                                    takes the write lock (BEGIN IMMEDIATE), prints "locked",
 *                                    holds it for SECONDS and lets go without changing anything
 * Exit status: 0, or 1 with SQLite's message on stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int print_rows(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int rc, i;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "sw_dbcheck: %s: %s\n", sql, sqlite3_errmsg(db));
		return 1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *v = sqlite3_column_text(st, i);
			printf("%s%s", i ? "|" : "", v ? (const char *)v : "");
		}
		putchar('\n');
	}
	if (rc != SQLITE_DONE)
		fprintf(stderr, "sw_dbcheck: %s: %s\n", sql, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : 1;
}

static int hold_lock(const char *path, unsigned seconds)
{
	sqlite3 *db;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "sw_dbcheck: %s: %s\n", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	printf("locked\n");
	fflush(stdout);
	sleep(seconds);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	return 0;
}

static int write_sql(const char *path, int n, char **sql)
{
	sqlite3 *db;
	int i, rc = 0;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "sw_dbcheck: %s: %s\n", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	sqlite3_busy_timeout(db, 5000);
	for (i = 0; i < n && rc == 0; i++) {
		if (sqlite3_exec(db, sql[i], NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(stderr, "sw_dbcheck: %s: %s\n", sql[i], sqlite3_errmsg(db));
			rc = 1;
		}
	}
	sqlite3_close(db);
	return rc;
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	int i, rc = 0;

	if (argc == 4 && strcmp(argv[1], "--hold-lock") == 0)
		return hold_lock(argv[3], (unsigned)atoi(argv[2]));
	if (argc >= 4 && strcmp(argv[1], "--write") == 0)
		return write_sql(argv[2], argc - 3, argv + 3);
	if (argc < 2) {
		fprintf(stderr, "usage: sw_dbcheck MODEL.db [SQL]... | --write MODEL.db SQL... | "
				"--hold-lock SECONDS MODEL.db\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "sw_dbcheck: %s: %s\n", argv[1], sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	sqlite3_busy_timeout(db, 5000);
	if (argc == 2)
		rc = print_rows(db, "PRAGMA integrity_check");
	for (i = 2; i < argc && rc == 0; i++)
		rc = print_rows(db, argv[i]);
	sqlite3_close(db);
	return rc;
}
