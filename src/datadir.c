/* Finding the shipped data both installed and in a built source tree (see datadir.h). */
#define _POSIX_C_SOURCE 200809L
#include "datadir.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sbuf.h"
#include "xalloc.h"

static char *existing_dir(const char *base, const char *sub)
{
	struct sbuf sb = SBUF_INIT;
	struct stat st;

	sbuf_addf(&sb, "%s/%s", base, sub);
	if (stat(sb.buf, &st) == 0 && S_ISDIR(st.st_mode))
		return sbuf_detach(&sb);
	sbuf_release(&sb);
	return NULL;
}

/* An installed binary in PREFIX/bin finds its data in PREFIX/share/stridewalk. */
static char *installed_beside(const char *sub)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct sbuf base = SBUF_INIT;
	char *slash, *found;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return NULL;
	*slash = '\0';
	sbuf_addf(&base, "%s/../share/stridewalk", exe);
	found = existing_dir(base.buf, sub);
	sbuf_release(&base);
	return found;
}

/* Walks up from the executable's directory; a build tree sits inside the source tree. */
static char *beside_executable(const char *sub)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash, *found = NULL;
	int up;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (up = 0; up < 4 && !found; up++) {
		slash = strrchr(exe, '/');
		if (!slash || slash == exe)
			break;
		*slash = '\0';
		/* Only a directory with our CMakeLists.txt counts, not any "templates" folder. */
		if (up > 0) {
			struct sbuf marker = SBUF_INIT;
			sbuf_addf(&marker, "%s/src/stride.c", exe);
			if (access(marker.buf, R_OK) == 0)
				found = existing_dir(exe, sub);
			sbuf_release(&marker);
		}
	}
	return found;
}

char *datadir_find(const char *sub)
{
	const char *env = getenv("STRIDEWALK_DATADIR");
	char *dir;

	if (env && *env)
		return existing_dir(env, sub);
	if ((dir = beside_executable(sub)) || (dir = installed_beside(sub)))
		return dir;
	if ((dir = existing_dir(SW_INSTALLED_DATADIR, sub)))
		return dir;
	return existing_dir(SW_SOURCE_DIR, sub);
}
