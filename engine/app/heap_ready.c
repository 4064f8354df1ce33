/* heap_ready.c — the heap a drill builds its world in, grown and populated in one step before the build,
 * with large blocks kept in it once freed. */
/* Each page first touched costs a page fault: 10–20 µs on the virtual machines this runs on, against 1–2 µs
 * a page populated in one madvise(MADV_POPULATE_WRITE) call; building a 20,000-account drill faulted about
 * 1,000 times. Large blocks come from the heap and stay there once freed, so the graph builder's
 * temporaries serve the world's arrays next instead of fresh pages. */
#define _DEFAULT_SOURCE
#include "heap_ready.h"

#include <stdlib.h>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23   /* Linux 5.14; older kernels answer EINVAL and nothing is populated */
#endif

#define READY_BASE (1u << 20)         /* heap bytes of the plan, lexicon, phrases and texts */
#define READY_PER_ACCOUNT 200u        /* heap bytes a drill's world and its baseline use per account (130–200) */
#define READY_MAX (64u << 20)         /* no more than this made ready ahead */
#define KEEP_BELOW (32 << 20)         /* blocks below this come from the heap (glibc's largest threshold) */

void app_heap_ready(uint32_t accounts)
{
    if (!mallopt(M_MMAP_THRESHOLD, KEEP_BELOW) || !mallopt(M_TRIM_THRESHOLD, 2 * KEEP_BELOW))
        return;
    size_t bytes = READY_BASE + (size_t)accounts * READY_PER_ACCOUNT;
    bytes = bytes < READY_MAX ? bytes : READY_MAX;
    long page = sysconf(_SC_PAGESIZE);
    char *block = malloc(bytes);
    if (!block || page <= 0) {
        free(block);
        return;
    }
    uintptr_t a = ((uintptr_t)block + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
    uintptr_t b = ((uintptr_t)block + bytes) & ~((uintptr_t)page - 1);
    /* An older kernel refuses (EINVAL): the pages then fault in on first use, as without this call. */
    if (b > a)
        (void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
    free(block);
}
#else
void app_heap_ready(uint32_t accounts)
{
    (void)accounts;
}
#endif
