/* fuzz_sheet.c — libFuzzer harness for drill sheets (scn_sheet_parse, scn_sheet_lua): any bytes are read
 * as CSV without crash or leak, and a sheet that reads is turned into scenario.lua or into problems. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "script/sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    scn_sheet_problems probs = {0};
    scn_sheet *sh = NULL;
    if (scn_sheet_parse((const char *)data, size, &sh, &probs) == 0) {
        for (int r = 0; r < scn_sheet_rows(sh); r++)
            for (int c = 0; c < scn_sheet_cols(sh); c++)
                if (!scn_sheet_cell(sh, r, c))
                    abort();
        char *lua = NULL;
        scn_sheet_map *map = NULL;
        int rc = scn_sheet_lua(sh, &lua, &map, &probs);
        if ((rc == 0) != (lua != NULL && probs.count == 0))
            abort();
        free(lua);
        scn_sheet_map_free(map);
        scn_sheet_free(sh);
    } else if (sh || probs.count == 0) {
        abort();
    }
    scn_sheet_problems_free(&probs);
    return 0;
}
