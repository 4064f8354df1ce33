# live_observers.sh — two observers rate live during a headless class (`yqdrill join CODE --observer NAME`):
# lines and actions of a finished station, an action of a station still drilling; the host stores each
# rating in the class database as `yqdrill rate` does (a later rating of the same target by the same
# observer replaces the earlier), so `rate ID --json` shows both observers and their alpha. A malformed
# rating, one for no session, for a line the scorecard lacks or not graded yet, a station's, and one
# published on another's topic are refused (the last by the broker's ACL) and write nothing.
. "$(dirname "$0")/lib.sh"

count() { q "$cdb" "SELECT count(*) FROM ratings"; }
class_host

# alice plays to the end at once; bob plays slowly (his first response is at 300 s), drilling while rated.
ref="$SRC/scenarios/city_video/responses/reference.json"
for who in alice:max bob:1; do
    "$YQ" join "$code" --trainee "${who%:*}" --headless --scenario city_video --save "$SCRATCH/${who%:*}.db" \
        --speed "${who#*:}" --json --responses "$ref" > "$SCRATCH/${who%:*}.json" 2> "$SCRATCH/${who%:*}.err" &
    eval "pid_${who%:*}=$!"
done
wait_exit 60 "$pid_alice" "alice"
wait_for 20 'test "$(q "$cdb" "SELECT count(*) FROM sessions WHERE trainee = '"'alice'"' AND finished IS NOT NULL")" = 1' \
    || fail "alice not finished in the class database"
wait_for 20 'test "$(q "$cdb" "SELECT count(*) FROM sessions WHERE trainee = '"'bob'"'")" = 1' || fail "bob did not join"
alice=$(q "$cdb" "SELECT uuid FROM sessions WHERE trainee = 'alice'")
alice_id=$(q "$cdb" "SELECT id FROM sessions WHERE trainee = 'alice'")
bob=$(q "$cdb" "SELECT uuid FROM sessions WHERE trainee = 'bob'")
bob_id=$(q "$cdb" "SELECT id FROM sessions WHERE trainee = 'bob'")
echo "inject bob i_crowd" >&5
wait_for 20 'test "$(q "$cdb" "SELECT count(*) FROM actions WHERE session = '"$bob_id"'")" -ge 1' \
    || fail "bob's inject not in the class database"

# 王老师 from a file, 李老师 on stdin (her second contact rating replaces her first); both on alice's session.
printf '%s\n' "line form.empathy U 只有套话" "action 3 S 时机可以更早" "line form.contact S" > "$SCRATCH/wang.txt"
"$YQ" join "$code" --observer 王老师 --station "$alice" --file "$SCRATCH/wang.txt" > "$SCRATCH/wang.out" \
    2> "$SCRATCH/wang.err" || fail "observer 王老师: $(cat "$SCRATCH/wang.err")"
expect "王老师 sent three ratings" test "$(grep -c '^rating [123] sent' "$SCRATCH/wang.out")" = 3
printf '%s\n' "line form.empathy M" "" "action 3 S" "line form.contact S" "line form.contact P 补充到位" \
    | "$YQ" join "$code" --observer 李老师 --station "$alice" --json > "$SCRATCH/li.out" 2> "$SCRATCH/li.err" \
    || fail "observer 李老师: $(cat "$SCRATCH/li.err")"
expect "李老师's receipts name her lines" test "$(tail -n 1 "$SCRATCH/li.out")" = '{"rating": 3, "line": 5}'
# bob's action 1 (the instructor's inject) while he drills, his station named by its trainee.
echo "action 1 P" | "$YQ" join "$code" --observer 王老师 --station bob > /dev/null 2> "$SCRATCH/wang2.err" \
    || fail "observer on bob: $(cat "$SCRATCH/wang2.err")"
wait_for 20 'test "$(count)" = 7' || fail "ratings stored: $(count), host: $(cat "$SCRATCH/host.err")"
expect "李老师's later contact rating replaced her earlier" test \
    "$(q "$cdb" "SELECT grade || ':' || comment FROM ratings WHERE observer = '李老师' AND target = 'form.contact'")" = "P:补充到位"
expect "bob's action rated while he drills" test \
    "$(q "$cdb" "SELECT count(*) FROM ratings r JOIN sessions s ON s.id = r.session
                 WHERE s.trainee = 'bob' AND s.finished IS NULL AND r.kind = 'action' AND r.target = '1'")" = 1

# Refused at the observer (named by line, the rest still sent): a bad grade, a bad form.
printf '%s\n' "line form.empathy X" "rate everything P" | "$YQ" join "$code" --observer 赵老师 --station "$alice" \
    > /dev/null 2> "$SCRATCH/zhao.err"
expect "the observer refuses bad lines, exit 1" test $? = 1
expect "a bad grade named by line" grep -q '^stdin:1: a grade is one of P, S, M, U' "$SCRATCH/zhao.err"
expect "a bad form named by line" grep -q '^stdin:2: a rating is "line ID GRADE' "$SCRATCH/zhao.err"

# Refused at the host: nothing written, each counted.
echo "line form.nope P" | "$YQ" join "$code" --observer 赵老师 --station "$alice" > /dev/null 2>&1
echo "line form.empathy P" | "$YQ" join "$code" --observer 赵老师 --station "$bob" > /dev/null 2>&1
fake=11111111-2222-4333-8444-555555555555
pub() { mosquitto_pub -h 127.0.0.1 -p "$port" -u station -P "$pass" -q 1 -i "$1" -t "yq/demo/st/$2/rating" -m "$3"; }
body() { echo '{"kind":"rating","uuid":"'"$1"'","to":"'"$2"'","observer":"钱","seq":0,'"$3"'}'; }
pub "$fake" "$fake" "$(body "$fake" "$alice" '"line":"form.empathy","grade":"X"')"
pub "$fake" "$fake" "$(body "$fake" "$alice" '"line":"form.empathy","action":2,"grade":"P"')"
pub "$fake" "$fake" "$(body "$fake" "$fake" '"line":"form.empathy","grade":"P"')"
pub "$alice" "$alice" "$(body "$alice" "$alice" '"line":"form.empathy","grade":"P"')"
pub "$fake" "$alice" "$(body "$alice" "$alice" '"line":"form.empathy","grade":"U"')"
wait_for 20 'test "$(grep -c "refused" "$SCRATCH/host.err")" -ge 6' || fail "host refusals: $(cat "$SCRATCH/host.err")"
expect "a line the scorecard lacks" grep -q "赵老师): session $alice_id's scorecard has no line \"form.nope\"" "$SCRATCH/host.err"
expect "a line of a session not graded yet" grep -q "赵老师): session $bob_id is not graded yet" "$SCRATCH/host.err"
expect "two malformed ratings" test "$(grep -c "not a valid rating message" "$SCRATCH/host.err")" = 2
expect "a rating for no session" grep -q "(钱): no such session in this class" "$SCRATCH/host.err"
expect "a station's rating" grep -q "(钱): a station does not rate" "$SCRATCH/host.err"
expect "nothing written by the refused" test "$(count)" = 7

# The ratings beside the automatic score, with the two observers' agreement.
"$YQ" rate "$alice_id" --save "$cdb" --json > "$SCRATCH/r.json" || fail "rate --json"
python3 - "$SCRATCH/r.json" <<'EOF' || fail "rate --json content"
import json, sys
r = json.load(open(sys.argv[1]))["ratings"]
lines = {l["id"]: l for l in r["lines"]}
assert sorted((x["by"], x["grade"]) for x in lines["form.empathy"]["ratings"]) == [("李老师", "M"), ("王老师", "U")], lines
assert lines["form.empathy"]["auto"] == "P", lines
assert [(a["action"], len(a["ratings"])) for a in r["actions"]] == [(3, 2)], r["actions"]
ag = r["agreement"]
assert ag["observers"] == 2 and ag["units"] == 3 and ag["alpha"] is not None and -1 <= ag["alpha"] < 1, ag
EOF

echo "end all" >&5
wait_exit 30 "$pid_bob" "bob after end all"
exec 5>&-
kill -TERM "$host"
wait "$host" || fail "host exit status"
expect "the host counts 8 ratings stored (one replacing another) and the refusals" \
    grep -q "refused 0 oversized, 2 malformed, 4 foreign; 8 observers' ratings stored" "$SCRATCH/host.out"
finish
