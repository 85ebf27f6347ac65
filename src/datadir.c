/* Finding the shipped data both installed and in a built source tree (see datadir.h). */
#define _POSIX_C_SOURCE 200809L
#include "datadir.h"

#include <limits.h>
#include <stdbool.h>
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

/*
 * The binary in its own build directory (where CMake put it) may read the source tree it was
 * built from: that is how a developer runs it. Anywhere else, installed or copied, it never
 * does, whatever paths were compiled in.
 */
static bool in_build_tree(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash, *build;
	bool yes;

	if (n <= 0)
		return false;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return false;
	*slash = '\0';
	build = realpath(SW_BUILD_DIR, NULL);
	yes = build && strcmp(build, exe) == 0;
	free(build);
	return yes;
}

char *datadir_find(const char *sub)
{
	const char *env = getenv("STRIDEWALK_DATADIR");
	char *dir;

	if (env && *env)
		return existing_dir(env, sub);
	if (in_build_tree() && (dir = existing_dir(SW_SOURCE_DIR, sub)))
		return dir;
	if ((dir = installed_beside(sub)))
		return dir;
	return existing_dir(SW_INSTALLED_DATADIR, sub);
}
