# sheet.sh — the drill sheet: every shipped scenario goes export-sheet -> import-sheet -> check with the
# same declarations (its export again is byte for byte the first), the template imports, and malformed
# sheets give FILE.csv:ROW:COLUMN messages and leave the folder as it was.
. "$(dirname "$0")/lib.sh"
SRC=$2

expect "import-sheet --help answers" "$YQ" import-sheet --help
expect "export-sheet --help answers" "$YQ" export-sheet --help

for id in city_video forged_notice kindergarten road_subsidence water_scare; do
    src=$SRC/scenarios/$id/scenario.lua
    "$YQ" export-sheet "$id" -o "$SCRATCH/$id.csv" || { fail "$id: export-sheet"; continue; }
    # The sheet holds declarations; the triggers (the code after them) travel beside it.
    scenario_triggers "$src" > "$SCRATCH/$id.triggers.lua"
    mkdir -p "$SCRATCH/rt/$id"
    "$YQ" import-sheet "$SCRATCH/$id.csv" -o "$SCRATCH/rt/$id" --triggers "$SCRATCH/$id.triggers.lua" \
        > "$SCRATCH/$id.import.out" 2>&1 || fail "$id: import-sheet: $(cat "$SCRATCH/$id.import.out")"
    expect "$id: the imported scenario passes check" "$YQ" check "$SCRATCH/rt/$id"
    "$YQ" export-sheet "$SCRATCH/rt/$id" -o "$SCRATCH/$id.again.csv" || fail "$id: export of the import"
    expect "$id: same declarations after the round trip" cmp -s "$SCRATCH/$id.csv" "$SCRATCH/$id.again.csv"
    # The sheet has a row for every declaration of the source, each kind counted apart.
    counts() { python3 - "$SCRATCH/$id.csv" "$src" <<'PY'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
src = open(sys.argv[2], encoding="utf-8").read()
for kind in ("platform", "fact", "inject", "rumour", "claim", "question", "template", "ending"):
    want = len(re.findall(r"^%s \{" % kind, src, re.M))
    got = sum(1 for r in rows if r["kind"] == kind)
    assert want == got and want > 0, (kind, want, got)
assert sum(1 for r in rows if r["kind"] == "scenario") == 1
PY
    }
    expect "$id: one row per declaration" counts
done

# The imported drill plays like the shipped one: same seed and responses, same score.
"$YQ" run city_video --headless --no-save --json --seed 3 --responses "$SRC/scenarios/city_video/responses/reference.json" \
    > "$SCRATCH/orig.json" 2>/dev/null || fail "run shipped city_video"
"$YQ" run "$SCRATCH/rt/city_video" --headless --no-save --json --seed 3 \
    --responses "$SRC/scenarios/city_video/responses/reference.json" > "$SCRATCH/rt.json" 2>/dev/null || fail "run imported"
expect "the imported city_video scores what the shipped one does" \
    test "$(json_total "$SCRATCH/orig.json")" = "$(json_total "$SCRATCH/rt.json")"

# The template sheet (with its explanation row and a byte-order mark) is a valid drill.
mkdir -p "$SCRATCH/sheet_example"
expect "the template sheet imports" "$YQ" import-sheet "$SRC/scenarios/sheet-template.csv" -o "$SCRATCH/sheet_example"
expect "its drill runs headless" sh -c '"$0" run "$1" --headless --no-save --speed max >/dev/null' "$YQ" "$SCRATCH/sheet_example"
"$YQ" import-sheet "$SRC/scenarios/sheet-template.csv" -o "$SCRATCH/sheet_example" >/dev/null 2>&1
expect "an existing scenario.lua is not replaced without --force" test $? -eq 1

# Commas, quotes and line breaks inside a quoted Chinese cell, no byte-order mark.
python3 - "$SRC/scenarios/sheet-template.csv" "$SCRATCH" <<'PY'
import copy, csv, io, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
C = rows[0].index
def save(name, rs):
    o = io.StringIO(); csv.writer(o).writerows(rs)
    open(sys.argv[2] + "/" + name, "w", encoding="utf-8").write(o.getvalue())
r = copy.deepcopy(rows); r[13][C("text_zh")] = '停水了, 真的\n没人管, "快来"'; save("quoted.csv", r)
r = copy.deepcopy(rows)
r[10][C("time")] = "00:10"        # row 11: platform has no time
r[11][C("value")] = "三百"        # row 12: not a number
r[14][0] = "rumor"                # row 15: unknown kind
save("malformed.csv", r)
r = copy.deepcopy(rows)
r[8][C("value")] = "-5"           # row 9: world.population out of range
r[11][C("time")] = "0:7x"         # row 12: a bad time
r[12][C("type")] = "tweet"        # row 13: unknown fact kind
save("invalid.csv", r)
PY
mkdir -p "$SCRATCH/q/sheet_example"
expect "quoted commas and line breaks import" "$YQ" import-sheet "$SCRATCH/quoted.csv" -o "$SCRATCH/q/sheet_example"
expect "the quoted text arrives whole" grep -qF '"停水了, 真的\n没人管, \"快来\""' "$SCRATCH/q/sheet_example/scenario.lua"

# import_fails NAME EXIT MESSAGE...: NAME.csv is refused with EXIT, each message is printed, nothing is written.
import_fails() {
    local name=$1 code=$2
    shift 2
    mkdir -p "$SCRATCH/$name/sheet_example"
    "$YQ" import-sheet "$SCRATCH/$name.csv" -o "$SCRATCH/$name/sheet_example" 2> "$SCRATCH/$name.err"
    expect "$name.csv exits $code" test $? -eq "$code"
    for want in "$@"; do
        expect "reported: $want" grep -qF "$want" "$SCRATCH/$name.err"
    done
    expect "nothing written for $name.csv" test ! -e "$SCRATCH/$name/sheet_example/scenario.lua"
}
import_fails malformed 1 "malformed.csv:11:3: column 'time' does not apply to kind 'platform'" \
    "malformed.csv:12:6: value: '三百' is not a number" \
    "malformed.csv:15:1: unknown kind 'rumor'"
import_fails invalid 2 "invalid.csv:9:6: scenario 'sheet_example': world: 'population' must be between" \
    "invalid.csv:12:3: fact 'f_pipe': 'verified_at' has a bad time" \
    "invalid.csv:13:9: fact 'f_homes': unknown kind 'tweet'"

printf 'kind,id\n"scenario,x\n' > "$SCRATCH/quote.csv"
"$YQ" import-sheet "$SCRATCH/quote.csv" -o "$SCRATCH/qq" 2> "$SCRATCH/quote.err"
expect "an unclosed quote is reported at its row" grep -qF "quote.csv:2:1: a quote is not closed" "$SCRATCH/quote.err"
printf 'kind,idd\nscenario,x\n' > "$SCRATCH/head.csv"
"$YQ" import-sheet "$SCRATCH/head.csv" -o "$SCRATCH/qq" 2> "$SCRATCH/head.err"
expect "an unknown column is reported in the header" grep -qF "head.csv:1:2: unknown column 'idd'" "$SCRATCH/head.err"
printf 'kind,id\nscenario,x\xff\n' > "$SCRATCH/latin.csv"
"$YQ" import-sheet "$SCRATCH/latin.csv" -o "$SCRATCH/qq" 2> "$SCRATCH/latin.err"
expect "a cell that is not UTF-8 is reported" grep -qF "latin.csv:2:2: this cell is not valid UTF-8" "$SCRATCH/latin.err"

# Without its triggers a sheet's endings are unreachable: refused, each ending named, with what to add.
mkdir -p "$SCRATCH/no_trig"
"$YQ" import-sheet "$SCRATCH/city_video.csv" -o "$SCRATCH/no_trig" > "$SCRATCH/no_trig.out" 2>&1
expect "a sheet with endings and no triggers is refused" test $? -eq 2
expect "the unreached ending is named" grep -q "ending 'e_calm': no trigger reaches it" "$SCRATCH/no_trig.out"
expect "the message says what to add" grep -q -- "pass --triggers FILE.lua .* w.ending" "$SCRATCH/no_trig.out"

finish
