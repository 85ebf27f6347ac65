/* Where the shipped data (templates/, questionnaires/) lives: installed, or beside the build. */
#ifndef SW_DATADIR_H
#define SW_DATADIR_H

/*
 * Returns a new string naming the directory that holds `sub` ("templates" or "questionnaires"),
 * or NULL when none is found. Looks in $STRIDEWALK_DATADIR, then in the source tree the running
 * binary was built from (walking up from the executable), then in PREFIX/share/stridewalk beside
 * an installed binary, then in the data directory and source directory recorded at build time. The caller frees the result.
 */
char *datadir_find(const char *sub);

#endif
