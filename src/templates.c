/* Shipped templates by name (see templates.h). */
#define _POSIX_C_SOURCE 200809L
#include "templates.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int templates_names(struct strlist *out, struct sw_error *err)
{
	char *dir = datadir_find("templates");
	struct dirent *ent;
	size_t first = out->count;
	DIR *d;

	if (!dir)
		return sw_error(err, "cannot find the shipped templates (set STRIDEWALK_DATADIR)");
	d = opendir(dir);
	free(dir);
	if (!d)
		return sw_error(err, "cannot read the templates directory");
	while ((ent = readdir(d))) {
		size_t n = strlen(ent->d_name);
		if (ent->d_name[0] != '.' && str_ends_with(ent->d_name, ".yaml")) {
			char *name = xstrndup(ent->d_name, n - strlen(".yaml"));
			strlist_push(out, name);
			free(name);
		}
	}
	closedir(d);
	if (out->count > first)
		qsort(out->items + first, out->count - first, sizeof(char *), cmp_str);
	return 0;
}

int templates_resolve(const char *name_or_path, char **path, struct sw_error *err)
{
	struct strlist names = STRLIST_INIT;
	struct sbuf sb = SBUF_INIT;
	char *dir;
	size_t i;

	*path = NULL;
	if (strchr(name_or_path, '/') || str_ends_with(name_or_path, ".yaml")) {
		*path = xstrdup(name_or_path);
		return 0;
	}
	dir = datadir_find("templates");
	if (dir) {
		sbuf_addf(&sb, "%s/%s.yaml", dir, name_or_path);
		free(dir);
		if (slug_valid(name_or_path) && access(sb.buf, R_OK) == 0) {
			*path = sbuf_detach(&sb);
			return 0;
		}
	}
	sbuf_reset(&sb);
	if (templates_names(&names, NULL) == 0)
		for (i = 0; i < names.count; i++)
			sbuf_addf(&sb, "%s%s", i ? ", " : "", names.items[i]);
	sw_error(err, "no template '%s' (there are: %s)", name_or_path,
		 sb.len ? sbuf_str(&sb) : "none installed");
	sbuf_release(&sb);
	strlist_clear(&names);
	return -1;
}
