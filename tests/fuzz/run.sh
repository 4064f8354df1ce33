#!/usr/bin/env bash
# tests/fuzz/run.sh — runs every libFuzzer harness built in BUILD_DIR (a YQ_FUZZ=ON build) for SECONDS
# each on a scratch copy of its checked-in corpus; exits non-zero when any of them crashes, leaks or hangs.
set -uo pipefail

if [ $# -ne 2 ] || ! [[ $2 =~ ^[0-9]+$ ]]; then
    echo "usage: tests/fuzz/run.sh BUILD_DIR SECONDS" >&2
    exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "$1" && pwd) || exit 2
seconds=$2
artifacts="$build/fuzz-artifacts"
logs="$build/fuzz-logs"
mkdir -p "$artifacts" "$logs"

# Scratch corpora and the harnesses' temporary files go to memory when it can: the save harness syncs a
# database per input.
base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
scratch=$(mktemp -d "$base/yqfuzz-run.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT

if ! command -v llvm-symbolizer >/dev/null; then
    for s in /usr/lib/llvm-*/bin/llvm-symbolizer; do
        [ -x "$s" ] && export ASAN_SYMBOLIZER_PATH=$s
    done
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=()
ran=0
printf '%-16s %-8s %10s %8s %7s %7s %7s\n' harness result execs exec/s cov ft corpus > "$scratch/summary"
for src in "$here"/fuzz_*.c; do
    name=$(basename "$src" .c)
    short=${name#fuzz_}
    bin="$build/fuzz/$name"
    if [ ! -x "$bin" ]; then
        echo "fuzz: $name is not built in $build (skipped)"
        printf '%-16s %-8s\n' "$short" "not built" >> "$scratch/summary"
        continue
    fi
    corpus="$scratch/corpus-$short"
    mkdir -p "$corpus" "$artifacts/$short" "$scratch/tmp-$short"
    cp "$here/corpus/$short"/* "$corpus"/ 2>/dev/null
    opts=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1
          -artifact_prefix="$artifacts/$short/")
    [ -f "$here/$short.dict" ] && opts+=(-dict="$here/$short.dict")
    echo "fuzz: $name for ${seconds}s on $(ls "$corpus" | wc -l) seeds"
    TMPDIR="$scratch/tmp-$short" "$bin" "${opts[@]}" "$corpus" > "$logs/$short.log" 2>&1
    rc=$?
    ran=$((ran + 1))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$short.log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$short.log")
    last=$(grep -E '^#[0-9]+.*(cov|ft):' "$logs/$short.log" | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    units=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last")
    result=ok
    if [ $rc -ne 0 ]; then
        result="FAILED"
        failed+=("$short")
        echo "fuzz: $name exited $rc; from $logs/$short.log:"
        grep -E 'ERROR|SUMMARY|==[0-9]+==|runtime error|Test unit written|#[0-9]+ 0x' "$logs/$short.log" | head -40
        ls "$artifacts/$short"/ | sed 's/^/fuzz:   artifact /'
    fi
    printf '%-16s %-8s %10s %8s %7s %7s %7s\n' "$short" "$result" "${execs:--}" "${rate:--}" "${cov:--}" \
        "${ft:--}" "${units:--}" >> "$scratch/summary"
done
cat "$scratch/summary"
if [ $ran -eq 0 ]; then
    echo "fuzz: no harness is built in $build (configure with CC=clang -DYQ_FUZZ=ON, build target fuzz)" >&2
    exit 1
fi
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${#failed[@]} of $ran harnesses failed: ${failed[*]} (reproducers in $artifacts)" >&2
    exit 1
fi
echo "fuzz: $ran passed, 0 failed"
