# data_safety.sh — saves and reports survive copies, full disks and hostile files: `backup` copies a
# database in use, `sessions` warns about a copy missing its -wal, a read-only save can be listed and
# reported, a report that cannot be written leaves the previous one intact, and an imported database
# cannot point report/grade outside scenarios/ or swell them with huge names and texts.
. "$(dirname "$0")/lib.sh"

ref="$SRC/scenarios/city_video/responses/reference.json"
db="$SCRATCH/a.db"
"$YQ" run city_video --headless --seed 3 --save "$db" --trainee 张三 --responses "$ref" > /dev/null || fail "drill"

# a plain copy taken while a drill holds the database: the data is still in the -wal
python3 - "$db" "$SCRATCH/copy.db" "$SCRATCH/backup.db" "$YQ" <<'PY' || fail "copy during a drill"
import shutil, sqlite3, subprocess, sys
db, copy, backup, yq = sys.argv[1:5]
c = sqlite3.connect(db)
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("INSERT INTO notes (session, t, author, text, at) VALUES (1, 60, 'x', 'during', '2024-01-01T00:00:00Z')")
c.commit()
shutil.copy(db, copy)
subprocess.run([yq, "backup", db, backup], check=True, stdout=subprocess.DEVNULL)
c.close()
PY
# a database written for the first time during a drill: everything, even its tables, is in the -wal
python3 - "$SCRATCH/fresh.db" "$SCRATCH/fresh_copy.db" <<'PY' || fail "copy of a fresh database"
import shutil, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA journal_mode = WAL")
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("PRAGMA application_id = 1498498130")
c.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY)")
c.commit()
shutil.copy(sys.argv[1], sys.argv[2])
c.close()
PY
"$YQ" sessions --save "$SCRATCH/fresh_copy.db" > /dev/null 2> "$SCRATCH/copy.err"
expect "sessions on a copy missing its -wal fails" test $? -ne 0
expect "sessions says the copy misses its -wal" grep -q -- "-wal" "$SCRATCH/copy.err"
expect "the backup holds the session" test "$(sqlite3 "$SCRATCH/backup.db" "SELECT count(*) FROM sessions")" -eq 1
expect "the backup holds what was in the -wal" \
    test "$(sqlite3 "$SCRATCH/backup.db" "SELECT count(*) FROM notes WHERE text = 'during'")" -eq 1
expect "the backup is a self-contained file" test ! -e "$SCRATCH/backup.db-wal"
"$YQ" sessions --save "$SCRATCH/backup.db" | grep -q 张三
expect "the backup lists like the original" test $? -eq 0
"$YQ" sessions --save "$SCRATCH/none.db" > /dev/null 2>&1
expect "sessions on a missing file fails" test $? -ne 0
expect "sessions creates no file" test ! -e "$SCRATCH/none.db"

# the database is checkpointed on close: a plain copy afterwards holds everything
cp "$db" "$SCRATCH/after.db"
expect "a copy after close holds the session" test "$(sqlite3 "$SCRATCH/after.db" "SELECT count(*) FROM sessions")" -eq 1

# a report that cannot be written (file size limit) leaves the previous report as it was
"$YQ" report 1 --save "$db" -o "$SCRATCH/r.pdf" > /dev/null || fail "first report"
cp "$SCRATCH/r.pdf" "$SCRATCH/r.orig"
(trap '' XFSZ; ulimit -f 64; exec "$YQ" report 1 --save "$db" -o "$SCRATCH/r.pdf") > /dev/null 2> "$SCRATCH/full.err"
rc=$?
expect "a failed write exits 3, not by a signal" test $rc -eq 3
expect "a failed write says so" grep -q "cannot write" "$SCRATCH/full.err"
expect "the previous report is intact" cmp -s "$SCRATCH/r.pdf" "$SCRATCH/r.orig"
(ulimit -f 64; exec "$YQ" report 1 --save "$db" -o "$SCRATCH/r.pdf") > /dev/null 2>&1
expect "a report killed while writing leaves the previous one intact" cmp -s "$SCRATCH/r.pdf" "$SCRATCH/r.orig"

# an imported database cannot name a scenario outside scenarios/ nor carry huge names or texts
cp "$db" "$SCRATCH/evil.db"
mkdir -p "$SCRATCH/somewhere/h"
printf 'error("ran a scenario from outside scenarios/")\n' > "$SCRATCH/somewhere/h/scenario.lua"
sqlite3 "$SCRATCH/evil.db" "UPDATE sessions SET scenario = '../../../../../../../../..$SCRATCH/somewhere/h'"
sqlite3 "$SCRATCH/evil.db" "INSERT INTO sessions (uuid, trainee, scenario, content_hash, seed, started)
    VALUES ('0f0f0f0f-0000-4000-8000-000000000001', 'big', 'city_video', '0', '1', '2024-01-01T00:00:00Z');
    INSERT INTO actions (session, seq, t, type, role, text) VALUES (2, 0, 60, 'report', 'monitor', printf('%.*c', 100000, 'x'));
    INSERT INTO sessions (uuid, trainee, scenario, content_hash, seed, started)
    VALUES ('0f0f0f0f-0000-4000-8000-000000000002', printf('%.*c', 100000, 'n'), 'city_video', '0', '1', '2024-01-01T00:00:00Z');"
"$YQ" import "$SCRATCH/evil.db" --save "$SCRATCH/b.db" > /dev/null 2> "$SCRATCH/import.err" || fail "import"
expect "the bad sessions are refused with a warning" grep -q "3 sessions .* not imported" "$SCRATCH/import.err"
expect "no bad session was imported" test "$(sqlite3 "$SCRATCH/b.db" "SELECT count(*) FROM sessions")" -eq 0
"$YQ" report 1 --save "$SCRATCH/evil.db" -o "$SCRATCH/evil.json" > /dev/null 2> "$SCRATCH/evil.err"
expect "report refuses a stored scenario id that is a path" test $? -eq 1
expect "the refusal says the id is not plain" grep -q "not a plain id" "$SCRATCH/evil.err"
"$YQ" report 2 --save "$SCRATCH/evil.db" -o "$SCRATCH/big.json" > /dev/null 2>&1
expect "report refuses a stored action text over the limit" test $? -ne 0

# a read-only mount: sessions, report and grade still work (needs a user namespace or root to mount)
ro="$SCRATCH/ro"
mkdir -p "$ro"
cp "$db" "$ro/s.db"
if unshare -rm true 2> /dev/null; then
    unshare -rm sh -c "mount --bind '$ro' '$ro' && mount -o remount,ro,bind '$ro' &&
        '$YQ' sessions --save '$ro/s.db' > '$SCRATCH/ro.out' && '$YQ' grade 1 --save '$ro/s.db' > /dev/null &&
        '$YQ' report 1 --save '$ro/s.db' -o '$SCRATCH/ro.json' > /dev/null" 2> "$SCRATCH/ro.err"
    expect "a read-only save lists, grades and reports" test $? -eq 0
    expect "the read-only listing shows the session" grep -q 张三 "$SCRATCH/ro.out"
else
    echo "skipped: read-only mount (no user namespaces here)"
fi
finish
