#!/usr/bin/env bash
# regenerate.sh — rewrite the golden screenshots on purpose (after a deliberate change to the console):
# tests/ui/golden/regenerate.sh [BUILD_DIR]. Look at every PNG it writes before committing them.
set -eu
src=$(cd "$(dirname "$0")/../../.." && pwd)
YQ_GOLDEN_UPDATE=1 bash "$src/tests/ui/golden_screens.sh" "${1:-$src/build}/yqdrill" "$src"
