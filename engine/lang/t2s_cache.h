/* t2s_cache.h — which CJK characters OpenCC's t2s changes, kept on disk between runs so that a drill whose
 * texts are all simplified never loads OpenCC; keyed by the library and dictionary files it was learnt from. */
#ifndef YQ_LANG_T2S_CACHE_H
#define YQ_LANG_T2S_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* Longest key and the bitmap's size (one bit per character U+3400..U+9FFF). */
#define LANG_T2S_KEY_MAX 1024
#define LANG_T2S_BITS_BYTES 3457

/* The identity of the OpenCC library and t2s dictionaries on this machine (soname, library file, and every
 * file of OpenCC's data folder: name, size, modification time). 0, or -1 when one cannot be read. */
int lang_t2s_cache_key(char *key, size_t n);
/* A cache file's bytes: 0 with the bitmap in bits when they are whole, of this format and of this key
 * (its checksum matches); -1 otherwise (bits untouched). */
int lang_t2s_cache_parse(const char *buf, size_t len, const char *key, uint8_t bits[LANG_T2S_BITS_BYTES]);
/* lang_t2s_cache_parse of the file at path. */
int lang_t2s_cache_read(const char *path, const char *key, uint8_t bits[LANG_T2S_BITS_BYTES]);
/* Write the bitmap and its key to path (through a temporary file renamed over it). 0, or -1. */
int lang_t2s_cache_write(const char *path, const char *key, const uint8_t bits[LANG_T2S_BITS_BYTES]);

#endif
