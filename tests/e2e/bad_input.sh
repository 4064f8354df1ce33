# bad_input.sh — bad input gets a one-line message and a documented exit code, and loses nothing:
# missing scenario, JSON syntax error (line:col), unknown rumour, action in the past, unwritable
# saves folder, corrupt or foreign database (reported and left byte-identical).
. "$(dirname "$0")/lib.sh"

ref="$SRC/scenarios/city_video/responses/reference.json"
run_expect() { # run_expect WHAT CODE PATTERN ARGS...
    local what=$1 code=$2 pattern=$3; shift 3
    "$YQ" "$@" > "$SCRATCH/out" 2> "$SCRATCH/err"; local rc=$?
    if [ $rc -ne "$code" ]; then fail "$what: exit $rc, wanted $code: $(head -c 300 "$SCRATCH/err")"; return; fi
    if ! grep -q -- "$pattern" "$SCRATCH/err"; then fail "$what: message lacks \"$pattern\": $(head -c 300 "$SCRATCH/err")"; return; fi
    ok
}

run_expect "missing scenario" 2 "no_such_drill" run no_such_drill --headless --no-save

printf '[\n  {"t": 60, "type": "report", "text": "x"},\n  {"t": 120 "type": "report"}\n]\n' > "$SCRATCH/syntax.json"
run_expect "JSON syntax error" 1 "syntax.json:3:" run city_video --headless --no-save --responses "$SCRATCH/syntax.json"

echo '[{"t": 60, "type": "rebut", "target": "r_nope", "text": "不实"}]' > "$SCRATCH/unknown.json"
run_expect "unknown rumour" 1 'unknown rumour "r_nope"' run city_video --headless --no-save --responses "$SCRATCH/unknown.json"

echo '[{"t": 60, "type": "press_release", "text": "x"}]' > "$SCRATCH/type.json"
run_expect "unknown action type" 1 "press_release" run city_video --headless --no-save --responses "$SCRATCH/type.json"

# Texts: a NUL character, invalid UTF-8 and a statement over the console's 2,000 characters are refused,
# naming the file and the place (line:column or action number).
printf '[{"t": 300, "type": "statement", "channel": "weibo", "text": "abc\\u0000def"}]' > "$SCRATCH/nul.json"
run_expect "NUL in a text" 1 'nul.json:1:.*NUL' run city_video --headless --no-save --responses "$SCRATCH/nul.json"
printf '[{"t": 300, "type": "statement", "channel": "weibo", "text": "ab\xff\xfecd"}]' > "$SCRATCH/utf8.json"
run_expect "invalid UTF-8 in a text" 1 'utf8.json: action 1: "text" is not valid UTF-8' run city_video --headless --no-save --responses "$SCRATCH/utf8.json"
python3 -c 'import json,sys; json.dump([{"t": 300, "type": "statement", "channel": "weibo", "text": "长" * 2001}], open(sys.argv[1], "w"), ensure_ascii=False)' "$SCRATCH/long.json"
run_expect "statement over 2000 characters" 1 'long.json: action 1: .*2001 characters (at most 2000)' run city_video --headless --no-save --responses "$SCRATCH/long.json"

# An action in the past: resume a session that reached 20 min with an action stamped at 1 min. At
# 500x the 4-hour drill needs almost 29 s, so it is still running when its first action is saved
# (2.4 s in) and killed, whatever the machine's load.
echo '[{"t": 1200, "type": "report", "text": "东风路视频"}]' > "$SCRATCH/one.json"
"$YQ" run city_video --headless --save "$SCRATCH/p.db" --responses "$SCRATCH/one.json" --speed 500 > /dev/null &
pid=$!
for _ in $(seq 1 400); do
    [ "$(sqlite3 "$SCRATCH/p.db" 'SELECT count(*) FROM actions' 2>/dev/null)" = 1 ] && break
    sleep 0.05
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
echo '[{"t": 60, "type": "report", "text": "迟到的报告"}]' > "$SCRATCH/past.json"
run_expect "action in the past" 1 "lies in the past" resume 1 --headless --save "$SCRATCH/p.db" --responses "$SCRATCH/past.json"

mkdir -p "$SCRATCH/ro"
chmod 500 "$SCRATCH/ro"
if [ "$(id -u)" -eq 0 ]; then
    # root ignores permissions; a path under a regular file can never be created.
    touch "$SCRATCH/file"
    run_expect "unwritable saves folder" 3 "cannot" run city_video --headless --save "$SCRATCH/file/x.db" --responses "$ref"
else
    run_expect "unwritable saves folder" 3 "cannot" run city_video --headless --save "$SCRATCH/ro/x.db" --responses "$ref"
fi

head -c 4096 /dev/urandom > "$SCRATCH/garbage.db"
cp "$SCRATCH/garbage.db" "$SCRATCH/garbage.orig"
run_expect "corrupt database" 3 "garbage.db" run city_video --headless --save "$SCRATCH/garbage.db" --responses "$ref"
expect "corrupt database left untouched" cmp -s "$SCRATCH/garbage.db" "$SCRATCH/garbage.orig"
expect "no WAL created beside it" test ! -e "$SCRATCH/garbage.db-wal"

sqlite3 "$SCRATCH/foreign.db" "CREATE TABLE invoices(id INTEGER, amount REAL); INSERT INTO invoices VALUES (1, 9.5);"
cp "$SCRATCH/foreign.db" "$SCRATCH/foreign.orig"
run_expect "foreign database" 3 "foreign.db" sessions --save "$SCRATCH/foreign.db"
expect "foreign database left untouched" cmp -s "$SCRATCH/foreign.db" "$SCRATCH/foreign.orig"
finish
