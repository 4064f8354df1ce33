# cli_numbers.sh — numbers and languages on the command line are checked where they are typed: a
# clear message and exit 1, never a raw storage error; a plan that is not a small regular file is refused.
. "$(dirname "$0")/lib.sh"

ref="$SRC/scenarios/city_video/responses/reference.json"
run_expect() { # run_expect WHAT CODE PATTERN ARGS...
    local what=$1 code=$2 pattern=$3; shift 3
    timeout 120 "$YQ" "$@" > "$SCRATCH/out" 2> "$SCRATCH/err"; local rc=$?
    if [ $rc -ne "$code" ]; then fail "$what: exit $rc, wanted $code: $(head -c 300 "$SCRATCH/err")"; return; fi
    if ! grep -q -- "$pattern" "$SCRATCH/err"; then fail "$what: message lacks \"$pattern\": $(head -c 300 "$SCRATCH/err")"; return; fi
    ok
}

run_expect "--lang xx" 1 '--lang is zh or en, not "xx"' run city_video --headless --no-save --lang xx
run_expect "--speed 1e308" 1 "--speed takes a number above 0 and up to" run city_video --headless --no-save --speed 1e308
run_expect "--speed nan" 1 "--speed takes" run city_video --headless --no-save --speed nan
run_expect "--scale 9" 1 "--scale takes a number from 0.5 to 4" run city_video --headless --no-save --scale 9
run_expect "--scale abc" 1 "--scale takes" review 1 --scale abc
run_expect "plan /dev/zero" 1 "/dev/zero: not a regular file" run city_video --headless --no-save --plan /dev/zero
head -c 2000000 /dev/zero | tr '\0' ' ' > "$SCRATCH/big.json"
run_expect "plan of 2 MB" 1 "big.json: larger than 1 MiB" run city_video --headless --no-save --plan "$SCRATCH/big.json"

"$YQ" run city_video --headless --save "$SCRATCH/s.db" --responses "$ref" > /dev/null 2>&1
expect "a saved session to mark" test -s "$SCRATCH/s.db"
run_expect "override nan" 1 "POINTS must be a number from 0 to 1000" override 1 total nan --by 李教官 --save "$SCRATCH/s.db"
run_expect "override 1e308" 1 "POINTS must be a number from 0 to 1000" override 1 total 1e308 --by 李教官 --save "$SCRATCH/s.db"
run_expect "note --at 1e300" 1 "--at takes the drill minute" note 1 "晚了" --at 1e300 --save "$SCRATCH/s.db"
run_expect "note --at -5" 1 "--at takes the drill minute" note 1 "晚了" --at -5 --save "$SCRATCH/s.db"
run_expect "report --lang fr" 1 '--lang is zh or en, not "fr"' report 1 -o "$SCRATCH/r.json" --lang fr --save "$SCRATCH/s.db"
finish
