/* Where the shipped data (templates/, questionnaires/) lives: installed, or beside the build. */
#ifndef SW_DATADIR_H
#define SW_DATADIR_H

/*
 * Returns a new string naming the directory that holds `sub` ("templates" or "questionnaires"),
 * or NULL when none is found. Looks in $STRIDEWALK_DATADIR; then, only for the binary in the
 * build directory CMake made it in, in the source tree it was built from; then in
 * PREFIX/share/stridewalk beside an installed binary (PREFIX/bin), then in the data directory
 * recorded at build time. An installed or copied binary never reads the source tree. The caller
 * frees the result.
 */
char *datadir_find(const char *sub);

#endif
