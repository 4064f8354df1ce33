/* file_hash.h — a fingerprint of a file's bytes (FNV-1a 64), used to notice that a plan file changed
 * between the drill and a later re-grade. */
#ifndef YQ_APP_FILE_HASH_H
#define YQ_APP_FILE_HASH_H

#include <stdint.h>

/* FNV-1a 64 of the whole file; -1 with a one-line message when it cannot be read. */
int app_file_hash(const char *path, uint64_t *hash, char *err, int errlen);

#endif
