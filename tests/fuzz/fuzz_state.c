/* fuzz_state.c — libFuzzer harness for the reader of a world's kept w.state (scn_state_decode): any bytes are
 * read without crash or leak, and what is accepted is canonical: written again, it gives the same bytes. */
#include <lauxlib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "script/scn_internal.h"

typedef struct input {
    const uint8_t *data;
    size_t size;
    int decoded;
} input;

static int decode_protected(lua_State *L)
{
    input *in = lua_touserdata(L, 1);
    in->decoded = scn_state_decode(L, in->data, in->size) == 0;
    return in->decoded;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lua_State *L = luaL_newstate();
    if (!L)
        return 0;
    input in = {data, size, 0};
    lua_pushcfunction(L, decode_protected);
    lua_pushlightuserdata(L, &in);
    if (lua_pcall(L, 1, 1, 0) == LUA_OK && in.decoded && size > 0) {
        uint8_t *again = NULL;
        size_t n = 0;
        char msg[400];
        if (scn_state_encode(L, -1, &again, &n, msg, sizeof msg) || n != size || memcmp(again, data, size) != 0)
            abort();
        free(again);
    }
    lua_close(L);
    return 0;
}
