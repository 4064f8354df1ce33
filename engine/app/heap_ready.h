/* heap_ready.h — the memory a drill is about to build its world in, made ready in one step (see
 * heap_ready.c for why and what it costs). */
#ifndef YQ_APP_HEAP_READY_H
#define YQ_APP_HEAP_READY_H

#include <stdint.h>

/* Make the heap ready for the world of a drill with `accounts` accounts. Best effort: where the C library
 * or the kernel cannot, pages are faulted in on first use as before; nothing else changes. */
void app_heap_ready(uint32_t accounts);

#endif
