# read_cli.sh — `yqdrill read`, the claims reader as authors and tools use it: the JSON shape the issue
# fixes, stance/number/status of real sentences, standard input, traditional characters, and bad usage.
. "$(dirname "$0")/lib.sh"

expect "read --help answers" "$YQ" read --help
TEXT='网传“城管把卖水果的大爷打死了”的说法不实。经医院确认，摊贩无生命危险，此次冲突共有2人受轻伤。对此我们高度重视。'
"$YQ" read city_video --at 01:00 --json "$TEXT" > "$SCRATCH/r.json" || fail "read --json"
check() { python3 - "$SCRATCH/r.json" "$@" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
claims = {(c["about"], c["id"], c["stance"]): c for c in d["claims"]}
for c in d["claims"]:
    assert set(("about", "id", "stance", "status", "span")) <= set(c), c
    assert isinstance(c["span"], list) and len(c["span"]) == 2, c
assert ("rumour", "r_dead", "denies") in claims, claims.keys()
assert claims[("rumour", "r_dead", "denies")]["status"] == "false"
assert ("fact", "f_vendor_safe", "asserts") in claims, claims.keys()
inj = claims[("fact", "f_injured", "asserts")]
assert inj["number"]["value"] == 2 and inj["number"]["unit"] == "人" and inj["status"] == "verified", inj
assert d["officialese"] and d["blame"] == [], d
EOF
}
expect "JSON claims: denial of the rumour, facts asserted, number bound, officialese found" check

# The span is in bytes of the original text.
python3 - "$SCRATCH/r.json" "$TEXT" <<'EOF' && ok || fail "spans are byte offsets into the original"
import json, sys
d = json.load(open(sys.argv[1])); raw = sys.argv[2].encode()
for c in d["claims"]:
    s, n = c["span"]
    assert raw[s:s + n].decode() == c["text"], c
EOF

# Standard input, traditional characters, the moment matters (verified later = unverified now).
printf '%s' '網傳城管把賣水果的大爺打死了，此說法不實。' | "$YQ" read city_video --at 01:00 --json - > "$SCRATCH/t.json" ||
    fail "read from standard input"
expect "traditional characters read like simplified" grep -q '"stance":"denies"' "$SCRATCH/t.json"
"$YQ" read city_video --at 00:20 --json "摊贩无生命危险" > "$SCRATCH/early.json" || fail "read early"
expect "a fact stated before it is verified is unverified then" grep -q '"status":"unverified"' "$SCRATCH/early.json"
"$YQ" read city_video --at 01:00 "是的，我们确认城管把卖水果的大爷打死了。" > "$SCRATCH/confirm.txt" || fail "read text"
expect "the line form names the stance and the effect" grep -q "asserts.*r_dead.*confirms" "$SCRATCH/confirm.txt"

"$YQ" read city_video --at 01:00 "摊贩的事要问公安，跟我们没有关系。" > "$SCRATCH/shift.txt" || fail "read buck-passing"
expect "passing the buck is blame" grep -q "blame: “跟我们没有关系”" "$SCRATCH/shift.txt"

"$YQ" read no_such_drill "x" 2> "$SCRATCH/err"
expect "unknown scenario exits 2" test $? -eq 2
"$YQ" read city_video --at 25 "x" 2> "$SCRATCH/err"
expect "a bad --at exits 1" test $? -eq 1
expect "a bad --at is explained" grep -q "HH:MM" "$SCRATCH/err"
finish
