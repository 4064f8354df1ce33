/* list.c — finding the scenarios under a root folder: every sub-folder holding a scenario.lua,
 * sorted by name so menus and listings never depend on directory order. */
#include "scn_internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int scn_list(const char *root, char ***ids, int *n)
{
    *ids = NULL;
    *n = 0;
    DIR *d = opendir(root);
    if (!d)
        return -1;
    char **list = NULL;
    int count = 0, cap = 0, rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(root) + strlen(e->d_name) + 16;
        char *path = malloc(len);
        if (!path) {
            rc = -1;
            break;
        }
        snprintf(path, len, "%s/%s/scenario.lua", root, e->d_name);
        struct stat st;
        int found = stat(path, &st) == 0 && S_ISREG(st.st_mode);
        free(path);
        if (!found)
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 8;
            char **grown = realloc(list, (size_t)cap * sizeof *grown);
            if (!grown) {
                rc = -1;
                break;
            }
            list = grown;
        }
        if (!(list[count] = scn_strdup(e->d_name))) {
            rc = -1;
            break;
        }
        count++;
    }
    closedir(d);
    if (rc) {
        scn_list_free(list, count);
        return -1;
    }
    if (count > 1)
        qsort(list, (size_t)count, sizeof *list, by_name);
    *ids = list;
    *n = count;
    return 0;
}

void scn_list_free(char **ids, int n)
{
    for (int i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}
