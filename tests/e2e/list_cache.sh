# list_cache.sh — `yqdrill list` keeps each scenario's line under saves/cache keyed by its content hash: the
# second listing prints the same lines from the cache without loading a scenario; a changed scenario file is
# loaded again (its new title shows); a corrupt cache is ignored and rewritten; a folder it cannot write
# leaves the listing unchanged.
. "$(dirname "$0")/lib.sh"

home="$SCRATCH/home"
mkdir -p "$home/saves"
cp -r "$SRC/scenarios" "$SRC/assets" "$home/" || fail "copy the data folder"
list() { YQ_HOME="$home" "$YQ" list "$@"; }

list > "$SCRATCH/first.txt" 2> "$SCRATCH/first.err" || fail "first list: $(cat "$SCRATCH/first.err")"
cache=$(ls "$home"/saves/cache/list-zh-*.tsv 2>/dev/null)
expect "the cache file was written" test -s "$cache"
expect "one cache line per scenario" test "$(wc -l < "$cache")" = "$(wc -l < "$SCRATCH/first.txt")"

# From the cache: byte for byte the same lines.
list > "$SCRATCH/second.txt" || fail "second list"
expect "the cached listing is the same" cmp -s "$SCRATCH/first.txt" "$SCRATCH/second.txt"

# A cache line whose text was tampered with but whose hash still matches is what list prints: proof that
# the line came from the cache and not from loading the scenario.
sed -i 's/城管执法视频引发舆情/CACHED-TITLE/' "$cache"
expect "a matching cache line is used as it is" grep -q "CACHED-TITLE" <(list)

# A changed scenario file: its hash changes, it is loaded again and its new title shows.
sed -i "s/zh = \"城管执法视频引发舆情\"/zh = \"城管执法视频引发舆情（改）\"/" "$home/scenarios/city_video/scenario.lua"
grep -q "城管执法视频引发舆情（改）" "$home/scenarios/city_video/scenario.lua" || fail "the title edit did not apply"
list > "$SCRATCH/third.txt" || fail "third list"
expect "the edited scenario is loaded again" grep -q "城管执法视频引发舆情（改）" "$SCRATCH/third.txt"
expect "the stale cache line is gone" sh -c "! grep -q CACHED-TITLE '$SCRATCH/third.txt'"

# A corrupt cache (binary junk, a truncated line) is ignored and rewritten.
head -c 3000 /dev/urandom > "$cache"
printf 'city_video\tnothex\tbroken' >> "$cache"
list > "$SCRATCH/fourth.txt" || fail "list over a corrupt cache"
expect "a corrupt cache changes nothing" cmp -s "$SCRATCH/third.txt" "$SCRATCH/fourth.txt"
expect "the corrupt cache is rewritten" test "$(wc -l < "$cache")" = "$(wc -l < "$SCRATCH/fourth.txt")"

# An English listing has its own cache.
list --lang en > "$SCRATCH/en.txt" || fail "list --lang en"
expect "English titles" grep -q "Enforcement video" "$SCRATCH/en.txt"
expect "an English cache beside the Chinese one" test -s "$(ls "$home"/saves/cache/list-en-*.tsv)"

# A saves folder that cannot be written: the listing is the same, nothing is cached.
rm -rf "$home/saves/cache"
chmod 555 "$home/saves"
list > "$SCRATCH/ro.txt" 2> "$SCRATCH/ro.err"
rc=$?
chmod 755 "$home/saves"
if [ "$(id -u)" != 0 ]; then   # root writes anywhere
    expect "nothing cached in a read-only folder" test ! -e "$home/saves/cache"
fi
expect "a read-only folder lists the same, silently" test "$rc" = 0 -a ! -s "$SCRATCH/ro.err"
expect "the same lines" cmp -s "$SCRATCH/third.txt" "$SCRATCH/ro.txt"
finish
