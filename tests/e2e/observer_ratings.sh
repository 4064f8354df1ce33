# observer_ratings.sh — observers rate a saved session afterwards (`yqdrill rate`): by line and by action, one at
# a time and from a file; a later rating by the same observer replaces the earlier; bad grades, unknown lines
# and actions, and a file with one bad entry are refused with a clear message and write nothing; `rate --json`
# and the session report (JSON, PDF) show each observer beside the automatic grade with Krippendorff's alpha;
# the class summary flags the line where observers and the automatic score disagree.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/class.db"
count() { sqlite3 "$db" "SELECT count(*) FROM ratings"; }
for who in alice:reference bob:novice; do
    "$YQ" run city_video --headless --save "$db" --trainee "${who%:*}" \
        --responses "$SRC/scenarios/city_video/responses/${who#*:}.json" > /dev/null || fail "run ${who%:*}"
done
expect "rate --help answers" "$YQ" rate --help
empathy=$(sqlite3 "$db" "SELECT json_extract(value, '\$.points') || '/' || json_extract(value, '\$.max')
                         FROM sessions, json_each(scorecard, '\$.lines') WHERE sessions.id = 1
                         AND json_extract(value, '\$.id') = 'form.empathy'")
expect "alice's form.empathy line is at full marks ($empathy)" test "${empathy%/*}" = "${empathy#*/}"

# Two observers on alice's session (1): the empathy line (automatically P) and action 3.
expect "a line rated" "$YQ" rate 1 --save "$db" --by 王老师 --line form.empathy --grade U --comment "只有套话"
cat > "$SCRATCH/li.json" <<'EOF'
[{"line": "form.empathy", "grade": "M"}, {"action": 3, "grade": "S", "comment": "时机可以更早"},
 {"line": "form.contact", "grade": "P"}]
EOF
expect "a ratings file" "$YQ" rate 1 --save "$db" --by 李老师 --file "$SCRATCH/li.json"
expect "an action rated" "$YQ" rate 1 --save "$db" --by 王老师 --action 3 --grade S
expect "a contact rating" "$YQ" rate 1 --save "$db" --by 王老师 --line form.contact --grade S
expect "six ratings stored" test "$(count)" = 6
expect "the same observer again replaces" "$YQ" rate 1 --save "$db" --by 王老师 --line form.contact --grade P
expect "still six, the newest kept" test "$(count),$(sqlite3 "$db" "SELECT grade FROM ratings WHERE observer = '王老师' AND target = 'form.contact'")" = "6,P"

# Refused, nothing written.
refused() { # WHAT EXPECTED-MESSAGE ARGS...
    local what=$1 msg=$2; shift 2
    "$YQ" rate 1 --save "$db" "$@" > /dev/null 2> "$SCRATCH/err"
    local rc=$?
    if [ "$rc" = 1 ] && grep -q -- "$msg" "$SCRATCH/err" && [ "$(count)" = 6 ]; then ok; else
        fail "$what: exit $rc, [$(cat "$SCRATCH/err")], $(count) ratings"; fi
}
refused "a bad grade" "one of P, S, M, U" --by 王老师 --line form.empathy --grade X
refused "an unknown line" "has no line \"form.nope\"" --by 王老师 --line form.nope --grade P
refused "an action past the log" "no action 99" --by 王老师 --action 99 --grade P
refused "action 0" "by its number" --by 王老师 --action 0 --grade P
refused "no observer" "--by NAME is required" --line form.empathy --grade P
echo '[{"line": "form.empathy", "grade": "P"}, {"line": "form.contact", "grade": "Q"}]' > "$SCRATCH/bad.json"
refused "a file with one bad entry" "entry 2:" --by 赵老师 --file "$SCRATCH/bad.json"
echo '[{"line": "form.empathy", "grade": "P", "score": 3}]' > "$SCRATCH/bad2.json"
refused "an unknown key" "unknown key \"score\"" --by 赵老师 --file "$SCRATCH/bad2.json"

# Listed beside the automatic score, with the observers' agreement.
"$YQ" rate 1 --save "$db" --json > "$SCRATCH/r.json" || fail "rate --json"
python3 - "$SCRATCH/r.json" <<'EOF' || fail "rate --json content"
import json, sys
r = json.load(open(sys.argv[1]))["ratings"]
lines = {l["id"]: l for l in r["lines"]}
assert lines["form.empathy"]["auto"] == "P", lines
assert sorted(x["by"] for x in lines["form.empathy"]["ratings"]) == ["李老师", "王老师"], lines
assert [a["action"] for a in r["actions"]] == [3], r["actions"]
ag = r["agreement"]
# units: empathy (U, M), contact (P, P), action 3 (S, S); alpha computed and below 1
assert ag["observers"] == 2 and ag["units"] == 3 and ag["metric"] == "ordinal", ag
assert ag["alpha"] is not None and -1 <= ag["alpha"] < 1, ag
EOF
"$YQ" rate 1 --save "$db" > "$SCRATCH/r.txt" || fail "rate (text)"
expect "the text listing gives alpha and the automatic grade" grep -q "automatic P" "$SCRATCH/r.txt"
expect "bob's session has none yet" sh -c "'$YQ' rate 2 --save '$db' | grep -q 'not defined'"

"$YQ" report 1 --save "$db" -o "$SCRATCH/rep.json" > /dev/null || fail "report json"
expect "the report JSON carries the ratings" test "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["ratings"]; print(len(r["lines"]), r["agreement"]["units"])' "$SCRATCH/rep.json")" = "2 3"
"$YQ" report 1 --save "$db" -o "$SCRATCH/rep.pdf" > /dev/null || fail "report pdf"
pdftotext "$SCRATCH/rep.pdf" "$SCRATCH/rep.txt" || fail "pdftotext"
expect "the PDF has the observers' section with both names and alpha" \
    sh -c "grep -q 'HSEEP' '$SCRATCH/rep.txt' && grep -q '李老师' '$SCRATCH/rep.txt' && grep -q 'Krippendorff' '$SCRATCH/rep.txt'"

# The class summary: observers say U and M where the score says P (mean gap 2.5 grades): flagged.
"$YQ" class --save "$db" --json > "$SCRATCH/class.json" || fail "class --json"
expect "the class summary flags form.empathy" test "$(python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))
d = [x for grp in g["drills"] for x in grp["latest"]["observers_disagree"]]
print(",".join("%s:%s" % (x["id"], x["gap"]) for x in d))' "$SCRATCH/class.json")" = "form.empathy:2.5"
finish
