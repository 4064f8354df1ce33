# cause_contradiction.sh — a changed cause is a contradiction as a changed figure is: city_video played
# by an office that first blames the vendor, one that gives only the found cause, and one that denies the blame.
. "$(dirname "$0")/lib.sh"

first='情况通报：今天上午东门菜市场外发生冲突，经初步了解，系摊贩先动手袭击执法队员，暴力抗法。'
denied='情况通报：今天上午东门菜市场外发生冲突，网传摊贩暴力抗法的说法没有依据，起因正在调查。'
found='情况通报（二）：经区纪检监察调查组初步查明，执法队员暂扣三轮车时未出示执法证件、沟通方式不当，引发拉扯。'
play() { # play NAME FIRST-TEXT: a statement at 00:30 (if any), the found cause at 02:35
    python3 -c 'import json, sys
acts = [{"t": 1800, "type": "statement", "role": "spokesperson", "channel": "weibo", "text": sys.argv[2]}] if sys.argv[2] else []
acts.append({"t": 9300, "type": "statement", "role": "spokesperson", "channel": "weibo", "text": sys.argv[3]})
json.dump(acts, open(sys.argv[1], "w"), ensure_ascii=False)' "$SCRATCH/$1.in.json" "$2" "$found"
    "$YQ" run city_video --headless --no-save --json --responses "$SCRATCH/$1.in.json" > "$SCRATCH/$1.json" ||
        fail "$1: run failed"
}
line() { # line NAME FIELD: a field of the accuracy.contradiction line
    python3 -c 'import json, sys
l = [l for l in json.load(open(sys.argv[1]))["lines"] if l["id"] == "accuracy.contradiction"][0]
print(l[sys.argv[2]])' "$SCRATCH/$1.json" "$2"
}
play careless "$first"
play honest ""
play clever "$denied"
for who in careless honest clever; do echo "$who: $(line $who points) — $(line $who why)"; done
expect "the changed cause is explained with both causes and times" \
    grep -q '起因先在30分钟说是「摊贩先动手袭击执法队员，暴力抗法」，后在155分钟说是「初步查明' <<< "$(line careless why)"
expect "the English explanation names both causes" \
    grep -q 'The cause was given as “The vendor attacked the officers first and resisted violently” at minute 30' <<< "$(line careless why_en)"
expect "giving only the found cause is consistent" grep -q '数字和起因口径一致' <<< "$(line honest why)"
expect "denying the blame and then giving the cause is consistent" grep -q '数字和起因口径一致' <<< "$(line clever why)"
expect "careless ($(line careless points)) < honest ($(line honest points)) on contradiction" \
    python3 -c "import sys; sys.exit(0 if $(line careless points) < $(line honest points) else 1)"
finish
