# sheet_libreoffice.sh — a drill sheet opened and saved by a spreadsheet program still imports: the
# template sheet and every shipped drill's export go through LibreOffice (headless, CSV in and out,
# UTF-8), which writes times back as "12:30:00 AM" and booleans as FALSE; import-sheet (with the drill's
# triggers beside the sheet) must give the same scenario.lua as from the sheet before, and check must pass.
. "$(dirname "$0")/lib.sh"

command -v soffice > /dev/null || { fail "soffice is missing (Debian libreoffice-calc-nogui; ./setup.sh test installs it)"; finish; exit 1; }
mkdir -p "$SCRATCH/in" "$SCRATCH/saved" "$SCRATCH/before" "$SCRATCH/after"
cp "$SRC/scenarios/sheet-template.csv" "$SCRATCH/in/sheet_example.csv"
for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/scenario.lua" ] || continue
    id=$(basename "$dir")
    "$YQ" export-sheet "$id" -o "$SCRATCH/in/$id.csv" 2> "$SCRATCH/err" || fail "$id: export-sheet: $(cat "$SCRATCH/err")"
done
# One LibreOffice start for every sheet; its own profile in the scratch folder.
soffice -env:UserInstallation=file://"$SCRATCH/profile" --headless --infilter="CSV:44,34,76,1" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$SCRATCH/saved" "$SCRATCH"/in/*.csv \
    > "$SCRATCH/soffice.log" 2>&1 || fail "soffice failed: $(tail -3 "$SCRATCH/soffice.log")"
expect "LibreOffice rewrote times as a clock (the case the import must take)" grep -q ' AM,' "$SCRATCH/saved/sheet_example.csv"
for sheet in "$SCRATCH"/in/*.csv; do
    id=$(basename "$sheet" .csv)
    saved="$SCRATCH/saved/$id.csv"
    [ -f "$saved" ] || { fail "$id: LibreOffice wrote no $saved"; continue; }
    # A shipped drill's triggers travel beside its sheet (import-sheet --triggers), as in sheet.sh.
    triggers=()
    if [ -f "$SRC/scenarios/$id/scenario.lua" ]; then
        scenario_triggers "$SRC/scenarios/$id/scenario.lua" > "$SCRATCH/$id.triggers.lua"
        triggers=(--triggers "$SCRATCH/$id.triggers.lua")
    fi
    "$YQ" import-sheet "$sheet" -o "$SCRATCH/before/$id" "${triggers[@]}" > /dev/null 2> "$SCRATCH/err" ||
        fail "$id: import of the exported sheet: $(cat "$SCRATCH/err")"
    "$YQ" import-sheet "$saved" -o "$SCRATCH/after/$id" "${triggers[@]}" > /dev/null 2> "$SCRATCH/err" ||
        fail "$id: import after LibreOffice: $(cat "$SCRATCH/err")"
    expect "$id: the sheet saved by LibreOffice gives the same scenario.lua" \
        cmp -s "$SCRATCH/before/$id/scenario.lua" "$SCRATCH/after/$id/scenario.lua"
    expect "$id: and it passes check" "$YQ" check "$SCRATCH/after/$id"
done
finish
