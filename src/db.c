/* Opening a model file safely: checks before SQLite touches it, pragmas, and migrations. */
#define _POSIX_C_SOURCE 200809L
#include "db_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_schema.h"
#include "sbuf.h"
#include "xalloc.h"

/* "SWLK" in the SQLite header's application_id field marks a stridewalk model. */
#define SW_APPLICATION_ID 0x53574C4B

sqlite3_stmt *db_prepare(struct db *db, const char *sql, struct sw_error *err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(db, "cannot prepare a query", err);
		return NULL;
	}
	return st;
}

int db_fail(struct db *db, const char *what, struct sw_error *err)
{
	int code = sqlite3_extended_errcode(db->h);
	int sys = sqlite3_system_errno(db->h); /* EFBIG under a file size limit, EIO, ... */

	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return sw_error_at(err, db->path, 0, 0,
				   "%s: the model is locked by another stridewalk (tried for 5 "
				   "seconds); nothing was changed",
				   what);
	if ((code & 0xff) == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT)
		return sw_error_at(err, db->path, 0, 0, "%s: the disk is full; nothing was changed",
				   what);
	if ((code & 0xff) == SQLITE_IOERR && sys)
		return sw_error_at(err, db->path, 0, 0, "%s: %s (%s); nothing was changed", what,
				   sqlite3_errmsg(db->h), strerror(sys));
	if ((code & 0xff) == SQLITE_READONLY)
		return sw_error_at(err, db->path, 0, 0, "%s: the model is read-only", what);
	if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
		return sw_error_at(err, db->path, 0, 0, "%s: the model file is damaged (%s)", what,
				   sqlite3_errmsg(db->h));
	return sw_error_at(err, db->path, 0, 0, "%s: %s", what, sqlite3_errmsg(db->h));
}

int db_exec(struct db *db, const char *sql, struct sw_error *err)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, "database error", err);
	return 0;
}

static void set_readonly(struct db *db, const char *why)
{
	if (!db->readonly)
		db->readonly_why = why;
	db->readonly = true;
}

/* Runs a statement while opening; a failure says "cannot open the model: ...". */
static int open_exec(struct db *db, const char *sql, struct sw_error *err)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, "cannot open the model", err);
	return 0;
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void db_bind_kept(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

char *db_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? xstrdup((const char *)s) : NULL;
}

int db_step_done(struct db *db, sqlite3_stmt *st, const char *what, struct sw_error *err)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_fail(db, what, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

static long pragma_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long v = -1;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static unsigned long be32(const unsigned char *p)
{
	return ((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) |
	       ((unsigned long)p[2] << 8) | p[3];
}

static int err_newer(const char *path, long version, struct sw_error *err)
{
	return sw_error_at(err, path, 0, 0,
			   "was written by a newer stridewalk (model version %ld; this version "
			   "reads up to %d); upgrade stridewalk to open it",
			   version, db_schema_version());
}

/* Size of the file's companion (suffix "-wal" or "-journal"), or -1 when there is none. */
static long long companion_size(const char *path, const char *suffix)
{
	struct sbuf name = SBUF_INIT;
	struct stat st;
	long long size;

	sbuf_addf(&name, "%s%s", path, suffix);
	size = stat(name.buf, &st) == 0 ? (long long)st.st_size : -1;
	sbuf_release(&name);
	return size;
}

/*
 * The application_id as SQLite sees it, through a read-only connection (which never
 * checkpoints, so the file stays untouched). Needed when a model was created a moment ago by
 * another process, or by one that was killed, and its first page is still only in the -wal.
 */
static unsigned long app_id_from_sqlite(const char *path)
{
	sqlite3_stmt *st = NULL;
	sqlite3 *h = NULL;
	unsigned long app = 0;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		goto out;
	db_harden(h);
	if (sqlite3_busy_timeout(h, 5000) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, "PRAGMA application_id", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		app = (unsigned long)(unsigned int)sqlite3_column_int(st, 0);
out:
	sqlite3_finalize(st);
	sqlite3_close(h);
	return app;
}

/*
 * A file cut short (a failed copy, a full disk during a download) is refused outright: SQLite
 * would read the missing pages as zeros. The header's page count is only trusted when its
 * "valid for" counter matches the change counter, and only without a -wal or -journal file,
 * which may legitimately hold pages the main file has not got yet (or not any more).
 */
static int check_length(const char *path, const unsigned char *header, const struct stat *st,
			struct sw_error *err)
{
	unsigned long page = ((unsigned long)header[16] << 8) | header[17];
	unsigned long pages = be32(header + 28);

	if (page == 1)
		page = 65536;
	if (companion_size(path, "-wal") >= 0 || companion_size(path, "-journal") >= 0 ||
	    pages == 0 || be32(header + 24) != be32(header + 92))
		return 0;
	if ((unsigned long long)st->st_size < (unsigned long long)pages * page)
		return sw_error_at(err, path, 0, 0,
				   "is truncated (%lld bytes, the model needs %llu); the model "
				   "file is damaged",
				   (long long)st->st_size, (unsigned long long)pages * page);
	return 0;
}

/* Refuses anything that is not a stridewalk model before SQLite may write to it. */
static int check_existing(const char *path, const struct stat *st, struct sw_error *err)
{
	unsigned char header[100];
	unsigned long app;
	ssize_t n;
	int fd;

	if (S_ISDIR(st->st_mode))
		return sw_error_at(err, path, 0, 0, "is a directory, expected a model file");
	if (!S_ISREG(st->st_mode))
		return sw_error_at(err, path, 0, 0, "is not a regular file");
	if (st->st_size == 0)
		return sw_error_at(err, path, 0, 0, "is an empty file, not a stridewalk model");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return sw_error_at(err, path, 0, 0, "cannot open: %s", strerror(errno));
	n = read(fd, header, sizeof(header));
	close(fd);
	if (n < (ssize_t)sizeof(header) || memcmp(header, "SQLite format 3", 16) != 0)
		return sw_error_at(err, path, 0, 0,
				   "is not a stridewalk model (not a SQLite file)");
	app = be32(header + 68);
	if (app == 0 && companion_size(path, "-wal") > 0)
		app = app_id_from_sqlite(path); /* the header may still be in the -wal file only */
	if (app != SW_APPLICATION_ID)
		return sw_error_at(err, path, 0, 0,
				   "is a SQLite database but not a stridewalk model");
	/* user_version, read here so that SQLite never even opens a newer model for writing */
	if (be32(header + 60) > (unsigned long)db_schema_version())
		return err_newer(path, (long)be32(header + 60), err);
	return check_length(path, header, st, err);
}

static int create_file(const char *path, struct sw_error *err)
{
	int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);

	if (fd < 0) {
		char *copy = xstrdup(path);
		sw_error_at(err, path, 0, 0, "cannot create the model in '%s': %s", dirname(copy),
			    strerror(errno));
		free(copy);
		return -1;
	}
	fchmod(fd, 0600); /* whatever the umask: a threat model is a map of weaknesses */
	close(fd);
	return 0;
}

/* Copies the model aside before a migration rewrites it. */
static int write_backup(struct db *db, int from_version, struct sw_error *err)
{
	struct sbuf path = SBUF_INIT;
	sqlite3 *dest = NULL;
	sqlite3_backup *bk;
	int rc = -1;

	sbuf_addf(&path, "%s.v%d.bak", db->path, from_version);
	unlink(path.buf);
	if (create_file(path.buf, err))
		goto out;
	if (sqlite3_open(path.buf, &dest) != SQLITE_OK) {
		sw_error_at(err, path.buf, 0, 0, "cannot write the backup copy");
		goto out;
	}
	bk = sqlite3_backup_init(dest, "main", db->h, "main");
	if (!bk || sqlite3_backup_step(bk, -1) != SQLITE_DONE) {
		sqlite3_backup_finish(bk);
		sw_error_at(err, path.buf, 0, 0, "cannot write the backup copy: %s",
			    sqlite3_errmsg(dest));
		goto out;
	}
	sqlite3_backup_finish(bk);
	db->backup_path = sbuf_detach(&path);
	rc = 0;
out:
	sqlite3_close(dest);
	sbuf_release(&path);
	return rc;
}

static int migrate(struct db *db, long from, struct sw_error *err)
{
	struct sbuf sql = SBUF_INIT;
	int v, rc = -1;

	if (from > 0 && write_backup(db, (int)from, err))
		return -1;
	if (open_exec(db, "BEGIN IMMEDIATE", err))
		return -1;
	for (v = (int)from + 1; v <= db_schema_version(); v++)
		if (open_exec(db, db_schema_migration(v), err))
			goto out;
	sbuf_addf(&sql, "PRAGMA application_id = %d; PRAGMA user_version = %d;", SW_APPLICATION_ID,
		  db_schema_version());
	if (open_exec(db, sql.buf, err))
		goto out;
	rc = open_exec(db, "COMMIT", err);
	/*
	 * Moves the new header (application_id, user_version) from the -wal into the file itself,
	 * so that another process that opens the model now recognises it. Best effort.
	 */
	if (rc == 0)
		sqlite3_exec(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
out:
	if (rc)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	sbuf_release(&sql);
	return rc;
}

static int check_version(struct db *db, struct sw_error *err)
{
	long version = pragma_int(db, "PRAGMA user_version");

	if (version < 0)
		return db_fail(db, "cannot read the model", err);
	if (version > db_schema_version())
		return err_newer(db->path, version, err);
	if (db_verify_schema(db, version, err))
		return -1;
	if (version < db_schema_version()) {
		if (db->readonly)
			return sw_error_at(err, db->path, 0, 0,
					   "is an older model (version %ld) and must be upgraded, "
					   "but it is read-only",
					   version);
		return migrate(db, version, err);
	}
	return 0;
}

static bool dir_writable(const char *path)
{
	char *copy = xstrdup(path);
	bool ok = access(dirname(copy), W_OK) == 0;

	free(copy);
	return ok;
}

/* "file:" URI of a path, percent-encoding what a URI would read as syntax. */
static void path_uri(const char *path, struct sbuf *uri)
{
	const unsigned char *p;

	sbuf_addstr(uri, path[0] == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)path; *p; p++) {
		if (*p <= ' ' || *p >= 0x7f || strchr("%?#\"", *p))
			sbuf_addf(uri, "%%%02X", *p);
		else
			sbuf_addch(uri, (char)*p);
	}
	sbuf_addstr(uri, "?immutable=1");
}

/*
 * A read-only connection to a WAL model needs the -shm file, which it cannot create in a
 * directory it may not write (or that another user's read-only open left behind). When the
 * -wal file is missing or empty, the main file holds every committed change and nobody is
 * writing to it, so it is read as an immutable snapshot.
 */
static int reopen_as_snapshot(struct db *db, struct sw_error *err)
{
	struct sbuf uri = SBUF_INIT;
	int code = sqlite3_extended_errcode(db->h) & 0xff, rc = -1;

	if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) {
		db_fail(db, "cannot read the model", err);
		goto out;
	}
	if (companion_size(db->path, "-wal") > 0) {
		sw_error_at(err, db->path, 0, 0,
			    "cannot read the model: its -wal file holds changes not yet in the "
			    "model file, and the directory is read-only; open it once with write "
			    "permission");
		goto out;
	}
	sqlite3_close(db->h);
	path_uri(db->path, &uri);
	rc = sqlite3_open_v2(uri.buf, &db->h,
			     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		db_harden(db->h);
		rc = sqlite3_exec(db->h, "PRAGMA schema_version", NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK) {
		rc = -1;
		db_fail(db, "cannot read the model", err);
		goto out;
	}
	rc = 0;
out:
	sbuf_release(&uri);
	return rc;
}

static int open_connection(struct db *db, bool created, struct sw_error *err)
{
	int flags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;

	if (sqlite3_open_v2(db->path, &db->h, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return db_fail(db, "cannot open the model", err);
	db_harden(db->h);
	if (db->readonly &&
	    sqlite3_exec(db->h, "PRAGMA schema_version", NULL, NULL, NULL) != SQLITE_OK &&
	    reopen_as_snapshot(db, err))
		return -1;
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 5000);
	if (open_exec(db, "PRAGMA foreign_keys = ON", err))
		return -1;
	/* Refuse a newer model before anything (even the journal mode) writes to the file. */
	if (!created && check_version(db, err))
		return -1;
	if (!db->readonly && (open_exec(db, "PRAGMA journal_mode = WAL", err) ||
			      open_exec(db, "PRAGMA synchronous = FULL", err)))
		return -1;
	return created ? migrate(db, 0, err) : 0;
}

int db_open(const char *path, unsigned flags, struct db **out, struct sw_error *err)
{
	struct db *db = xcalloc(1, sizeof(*db));
	bool created = false;
	struct stat st;

	*out = NULL;
	db->path = xstrdup(path);
	if (flags & (DB_READONLY | DB_GATE_ONLY))
		set_readonly(db, "opened read-only");
	db->gate_only = (flags & DB_GATE_ONLY) != 0;
	if (stat(path, &st) == 0) {
		if (flags & DB_NEW) {
			sw_error_at(err, path, 0, 0, "already exists; choose another file name");
			goto fail;
		}
		if (check_existing(path, &st, err))
			goto fail;
		if (access(path, W_OK) != 0)
			set_readonly(db, "you may not write the file");
		else if (!dir_writable(path))
			set_readonly(db, "you may not write its directory");
	} else if (errno != ENOENT || !(flags & (DB_CREATE | DB_NEW))) {
		sw_error_at(err, path, 0, 0, "cannot open: %s", strerror(errno));
		goto fail;
	} else {
		if (db->readonly) {
			sw_error_at(err, path, 0, 0, "does not exist");
			goto fail;
		}
		if (create_file(path, err))
			goto fail;
		created = true;
	}
	if (open_connection(db, created, err))
		goto fail;
	*out = db;
	return 0;
fail:
	db_close(db);
	if (created) /* after closing, so SQLite does not recreate a journal behind us */
		db_remove_files(path);
	return -1;
}

void db_remove_files(const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		struct sbuf name = SBUF_INIT;
		sbuf_addf(&name, "%s%s", path, suffixes[i]);
		unlink(name.buf);
		sbuf_release(&name);
	}
}

sqlite3_stmt *db_cached(struct db *db, int slot, const char *sql, struct sw_error *err)
{
	if (!db->cache[slot])
		db->cache[slot] = db_prepare(db, sql, err);
	else {
		sqlite3_reset(db->cache[slot]);
		sqlite3_clear_bindings(db->cache[slot]);
	}
	return db->cache[slot];
}

void db_close(struct db *db)
{
	int i;

	if (!db)
		return;
	for (i = 0; i < DB_CACHE_SLOTS; i++)
		sqlite3_finalize(db->cache[i]);
	sqlite3_close(db->h);
	free(db->path);
	free(db->backup_path);
	free(db);
}

bool db_is_readonly(const struct db *db)
{
	return db->readonly;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

const char *db_backup_path(const struct db *db)
{
	return db->backup_path;
}

int db_begin(struct db *db, struct sw_error *err)
{
	if (db->readonly)
		return sw_error_at(err, db->path, 0, 0,
				   "the model is read-only (%s); nothing was changed",
				   db->readonly_why ? db->readonly_why : "opened read-only");
	/*
	 * The audit triggers go in before the first change rather than at open: a session that
	 * only reads (a report, the UI opened to look) does not pay for building them.
	 */
	if (!db->audit_installed) {
		if (db_audit_install(db, err))
			return -1;
		db->audit_installed = true;
	}
	/* IMMEDIATE: wait for the write lock (busy timeout) now, not at the first write */
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, "cannot save", err);
	return 0;
}

int db_commit(struct db *db, struct sw_error *err)
{
	db_audit_set(db, false);
	if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(db, "cannot save", err);
		db_rollback(db);
		return -1;
	}
	return 0;
}

void db_rollback(struct db *db)
{
	db_audit_set(db, false);
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

long db_data_version(struct db *db)
{
	return pragma_int(db, "PRAGMA data_version");
}
