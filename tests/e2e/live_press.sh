# live_press.sh — the live press conference: a classmate joins `yqdrill host --headless` as a reporter and
# asks one station's spokesperson (a question, then a follow-up); the host checks each question's seat and
# sends it on; a malformed, oversized or misaddressed question or a renamed reporter's is refused and counted; the instructor's typed
# ask is a question too (reporter: instructor).
. "$(dirname "$0")/lib.sh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$SCRATCH/class.db"
q() { sqlite3 "$1" "$2" 2>/dev/null; }

mkfifo "$SCRATCH/console"
TMPDIR=$SCRATCH "$YQ" host --headless --class demo --port "$port" --db "$cdb" < "$SCRATCH/console" \
    > "$SCRATCH/host.out" 2> "$SCRATCH/host.err" &
host=$!
exec 5> "$SCRATCH/console"
wait_for 10 'grep -q "^join code" "$SCRATCH/host.out"' || fail "host printed no join code: $(cat "$SCRATCH/host.err")"
code=$(sed -n 's/^join code: //p' "$SCRATCH/host.out")
pass=${code##*/}

resp="$SRC/scenarios/city_video/responses/reference.json"
"$YQ" join "$code" --trainee alice --headless --scenario city_video --save "$SCRATCH/alice.db" --speed 2 --json \
    --responses "$resp" > "$SCRATCH/alice.json" 2> "$SCRATCH/alice.err" &
alice=$!
wait_for 20 'test "$(q "$cdb" "SELECT count(*) FROM sessions")" = 1' || fail "the station did not join"
uuid=$(q "$cdb" "SELECT uuid FROM sessions")

printf '%s\n' "网传摊贩已经死亡，是真的吗？" "follow-up: 为什么不公布执法记录仪视频？" > "$SCRATCH/questions.txt"
"$YQ" join "$code" --reporter 李记者 --outlet 都市报 --station "$uuid" --file "$SCRATCH/questions.txt" \
    > "$SCRATCH/reporter.out" 2> "$SCRATCH/reporter.err" || fail "reporter: $(cat "$SCRATCH/reporter.err")"
expect "the reporter sent both questions" test "$(grep -c '^question [12] sent' "$SCRATCH/reporter.out")" = 2
echo 'ask all "涉事城管是否已停职？"' >&5

# Refused at the reporter: a follow-up with nothing before it, a question longer than the cap.
long=$(python3 -c 'print("问" * 5000)')
printf '%s\n' "follow-up: 还有呢？" "$long" | "$YQ" join "$code" --reporter 王记者 --all > /dev/null \
    2> "$SCRATCH/reporter2.err"
expect "the reporter refuses bad lines, exit 1" test $? = 1
expect "a follow-up first is named by line" grep -q "^stdin:1: a follow-up needs" "$SCRATCH/reporter2.err"
expect "an oversized line is named by line" grep -q "^stdin:2: a question is 1 to" "$SCRATCH/reporter2.err"

# Refused at the host: malformed, oversized, to no station, a reporter renamed (the broker's ACL keeps a
# reporter off a station's topics).
fake=11111111-2222-4333-8444-555555555555
pub() { mosquitto_pub -h 127.0.0.1 -p "$port" -u station -P "$pass" -q 1 -i "$1" -t "yq/demo/st/$1/question" "${@:2}"; }
pub "$fake" -m '{"kind":"question","uuid":"'$fake'","to":"all","reporter":"","outlet":"","seq":0,"follow_up":false,"text":"q"}'
python3 -c 'print("x" * 300000)' > "$SCRATCH/big.txt"
pub "$fake" -f "$SCRATCH/big.txt"
pub "$fake" -m '{"kind":"question","uuid":"'$fake'","to":"'$fake'","reporter":"赵","outlet":"","seq":0,"follow_up":false,"text":"q"}'
pub "$fake" -m '{"kind":"question","uuid":"'$fake'","to":"all","reporter":"赵","outlet":"","seq":0,"follow_up":false,"text":"这次呢？"}'
pub "$fake" -m '{"kind":"question","uuid":"'$fake'","to":"all","reporter":"钱","outlet":"","seq":1,"follow_up":false,"text":"冒名"}'
wait_for 10 'test "$(grep -c "refused" "$SCRATCH/host.err")" -ge 4' || fail "host refusals: $(cat "$SCRATCH/host.err")"
expect "malformed refused" grep -q "not a valid question message" "$SCRATCH/host.err"
expect "oversized refused" grep -q "bytes, more than" "$SCRATCH/host.err"
expect "a question to no station refused" grep -q "赵): no such station" "$SCRATCH/host.err"
expect "a renamed reporter refused" grep -q "asks under another name" "$SCRATCH/host.err"

notes() { q "$SCRATCH/alice.db" "SELECT group_concat(text, '|') FROM (SELECT text FROM notes ORDER BY id)"; }
has_note() { case "$(notes)" in *"$1"*) return 0 ;; esac; return 1; }
wait_for 20 'test "$(q "$SCRATCH/alice.db" "SELECT count(*) FROM notes WHERE text LIKE '"'class control: ask%'"'")" = 4' \
    || fail "the questions did not all reach the station: [$(notes)]"
expect "the reporter's question, then the follow-up" test "$(notes | cut -d'|' -f1-2)" = \
"class control: ask from 李记者 (都市报): 网传摊贩已经死亡，是真的吗？|class control: ask (follow-up) from 李记者 (都市报): 为什么不公布执法记录仪视频？"
expect "the instructor's question" has_note "|class control: ask: 涉事城管是否已停职？"
expect "赵's question (his first, to all)" has_note "|class control: ask from 赵: 这次呢？"
expect "not the renamed reporter's" test -z "$(notes | grep 冒名)"

echo "end all" >&5
wait_exit 30 "$alice" "alice after end all"
exec 5>&-
kill -TERM "$host"
wait "$host" || fail "host exit status"
expect "the host counts 3 reporters' questions and the refusals" \
    grep -q "3 reporters' questions; refused 1 oversized, 1 malformed, 2 foreign" "$SCRATCH/host.out"
finish
