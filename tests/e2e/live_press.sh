# live_press.sh — the live press conference: a classmate joins `yqdrill host --headless` as a reporter and
# asks one station's spokesperson (a question, then a follow-up); the host checks each question's seat and
# sends it on; the station takes it as a live press question in its log (replayed exactly) and answers it
# from its response file ("answer" to "live-N"); the class database holds questions and answers; the
# scorecard grades each live question (evasive below factual); a second station killed after hearing the
# questions to all resumes with each asked once, its log replaying to its world; a malformed, oversized
# or misaddressed question, a renamed reporter's or one under the instructor's name is refused and counted; the instructor's typed ask is a
# question too (reporter: instructor). A follow-up is marked so in the ask action (station's log, class
# database, exported log), the replay's world hash still the station's.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$1" "$2" 2>/dev/null; }
class_host

# The spokesperson's response file answers the first live question with facts, the second evasively.
resp="$SCRATCH/responses.json"
python3 - "$SRC/scenarios/city_video/responses/reference.json" "$resp" <<'PY'
import json, sys
acts = json.load(open(sys.argv[1]))
acts += [{"t": 400, "type": "answer", "role": "spokesperson", "target": "live-1",
          "text": "摊贩目前在南城区人民医院接受治疗，生命体征平稳，网传死亡消息不实。"},
         {"t": 410, "type": "answer", "role": "spokesperson", "target": "live-2", "text": "关于执法记录仪视频，目前无可奉告，请以官方通报为准。"}]
json.dump(sorted(acts, key=lambda a: a["t"]), open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$YQ" join "$code" --trainee alice --headless --scenario city_video --save "$SCRATCH/alice.db" --speed 40 --json \
    --responses "$resp" > "$SCRATCH/alice.json" 2> "$SCRATCH/alice.err" &
alice=$!
# bob plays slowly: he hears the questions to all, is killed, and resumes.
ref="$SRC/scenarios/city_video/responses/reference.json"
"$YQ" join "$code" --trainee bob --headless --scenario city_video --save "$SCRATCH/bob.db" --speed 1 --json \
    --responses "$ref" > "$SCRATCH/bob.json" 2> "$SCRATCH/bob.err" &
bob=$!
wait_for 20 'test "$(q "$cdb" "SELECT count(*) FROM sessions")" = 2' || fail "the stations did not join"
uuid=$(q "$cdb" "SELECT uuid FROM sessions WHERE trainee = 'alice'")

printf '%s\n' "网传摊贩已经死亡，是真的吗？" "follow-up: 为什么不公布执法记录仪视频？" > "$SCRATCH/questions.txt"
"$YQ" join "$code" --reporter 李记者 --outlet 都市报 --station alice --file "$SCRATCH/questions.txt" \
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
fake2=11111111-2222-4333-8444-666666666666
pub "$fake2" -m '{"kind":"question","uuid":"'$fake2'","to":"all","reporter":"instructor","outlet":"","seq":0,"follow_up":false,"text":"冒充导调员"}'
wait_for 10 'test "$(grep -c "refused" "$SCRATCH/host.err")" -ge 5' || fail "host refusals: $(cat "$SCRATCH/host.err")"
expect "malformed refused" grep -q "not a valid question message" "$SCRATCH/host.err"
expect "oversized refused" grep -q "bytes, more than" "$SCRATCH/host.err"
expect "a question to no station refused" grep -q "赵): no such station" "$SCRATCH/host.err"
expect "a renamed reporter refused" grep -q "asks under another name" "$SCRATCH/host.err"
expect "a reporter under the instructor's name refused" grep -q "(instructor): that name is the instructor's" "$SCRATCH/host.err"

asks() { q "$SCRATCH/alice.db" "SELECT group_concat(x, '|') FROM (SELECT target || '/' || ifnull(channel, '') || ': ' || text AS x
                                   FROM actions WHERE type = 'ask' ORDER BY seq)"; }
has_ask() { case "$(asks)" in *"$1"*) return 0 ;; esac; return 1; }
wait_for 20 'test "$(q "$SCRATCH/alice.db" "SELECT count(*) FROM actions WHERE type = '"'ask'"'")" = 4' \
    || fail "the questions did not all reach the station: [$(asks)]"
expect "the reporter's question, then the follow-up, first in the log" test "$(asks | cut -d'|' -f1-2)" = \
    "李记者/都市报: 网传摊贩已经死亡，是真的吗？|李记者/都市报: 为什么不公布执法记录仪视频？"
expect "the instructor's question" has_ask "instructor/: 涉事城管是否已停职？"
expect "the follow-up is marked so in the station's log, and only it" test \
    "$(q "$SCRATCH/alice.db" "SELECT group_concat(seq || ':' || ifnull(follow_up, 0)) FROM (SELECT seq, follow_up
                               FROM actions WHERE type = 'ask' ORDER BY seq LIMIT 2)" | sed 's/^[0-9]*:/:/; s/,[0-9]*:/,:/')" = ":0,:1"
expect "赵's question (his first, to all)" has_ask "赵/: 这次呢？"
expect "not the renamed reporter's" test -z "$(asks | grep 冒名)"
expect "not the false instructor's" test -z "$(asks | grep 冒充导调员)"
wait_for 30 'test "$(q "$SCRATCH/alice.db" "SELECT count(*) FROM actions WHERE type = '"'answer'"' AND target LIKE '"'live-%'"'")" = 2' \
    || fail "alice did not answer the live questions"

echo "end alice" >&5
wait_exit 30 "$alice" "alice after end alice"
# Finished in the class database only once every action of hers is there.
wait_for 10 'test "$(q "$cdb" "SELECT count(*) FROM sessions WHERE trainee = '"'alice'"' AND finished IS NOT NULL")" = 1' \
    || fail "alice: not finished in the class database"
exec 5>&-
kill -TERM "$host"
wait "$host" || fail "host exit status"
alice_asks() { q "$cdb" "SELECT count(*) FROM actions a JOIN sessions s ON s.id = a.session
                         WHERE a.type = 'ask' AND s.trainee = 'alice'"; }
expect "the class database holds alice's 4 questions" test "$(alice_asks)" = 4
expect "the class database holds the answers to the live questions" test \
    "$(q "$cdb" "SELECT group_concat(target) FROM (SELECT target FROM actions WHERE type = 'answer' AND target LIKE 'live-%' ORDER BY seq)")" = live-1,live-2
expect "alice: the replay's world hash is the station's" replays alice
expect "the exported log keeps the follow-up flag (one ask)" test \
    "$(grep -c '"follow_up": true' "$SCRATCH/alice.log.json")" = 1
expect "the class database keeps it too" test "$(q "$cdb" "SELECT count(*) FROM actions a JOIN sessions s ON s.id = a.session
    WHERE s.trainee = 'alice' AND a.type = 'ask' AND a.follow_up = 1 AND a.text = '为什么不公布执法记录仪视频？'")" = 1

# bob, killed after hearing the two questions to all, resumes with his own responses: each asked once.
wait_for 10 'test "$(q "$SCRATCH/bob.db" "SELECT count(*) FROM actions WHERE type = '"'ask'"'")" = 2' \
    || fail "bob did not hear the questions to all"
kill -KILL "$bob"; wait "$bob" 2>/dev/null
"$YQ" resume 1 --save "$SCRATCH/bob.db" --headless --responses "$ref" > /dev/null 2> "$SCRATCH/bob.resume.err" \
    || fail "resume bob: $(cat "$SCRATCH/bob.resume.err")"
expect "bob: the live questions kept, once each" test "$(q "$SCRATCH/bob.db" "SELECT count(*) FROM actions WHERE type = 'ask'")" = 2
expect "bob: every response taken besides" test "$(q "$SCRATCH/bob.db" "SELECT count(*) FROM actions")" = 19
expect "bob: the replay's world hash is the resumed session's" replays bob
# Graded: a scorecard line per live question, naming who asked; the evasive answer below the factual one.
line() { sqlite3 :memory: "SELECT json_extract(value, '\$.$2') FROM json_each(json_extract(readfile('$SCRATCH/card.json'),
                            '\$.lines')) WHERE json_extract(value, '\$.id') = 'media.answer.$1'"; }
q "$cdb" "SELECT scorecard FROM sessions WHERE trainee = 'alice'" > "$SCRATCH/card.json"
expect "a scorecard line per live question" test "$(sqlite3 :memory: "SELECT count(*) FROM json_each(json_extract(
    readfile('$SCRATCH/card.json'), '\$.lines')) WHERE json_extract(value, '\$.id') LIKE 'media.answer.live-%'")" = 4
expect "the factual answer scores ($(line live-1 points)) above the evasive one ($(line live-2 points))" \
    test "$(sqlite3 :memory: "SELECT $(line live-1 points) > $(line live-2 points)")" = 1
expect "the evasion is named" grep -q "无可奉告" <<< "$(line live-2 why)"
expect "the line names the reporter and outlet" grep -q "^这是李记者（都市报）在" <<< "$(line live-2 why)"
expect "in English too" grep -q "^A live question from 李记者 (都市报)" <<< "$(line live-1 why_en)"
expect "an unanswered live question earns nothing" test "$(line live-3 points)" = 0
expect "the host counts 3 reporters' questions and the refusals" \
    grep -q "3 reporters' questions; refused 1 oversized, 1 malformed, 3 foreign" "$SCRATCH/host.out"
finish
