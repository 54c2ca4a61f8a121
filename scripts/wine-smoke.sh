#!/usr/bin/env bash
# Smoke test of the Windows release binary under Wine: the whole demo job, an ingest from a
# Downloads path with spaces, a drive letter and a browser's "(3)", the pseudonym key's place
# under %APPDATA%, a Notepad-style (CRLF) rapor.yaml, Indonesian text with non-ASCII characters,
# and the message when two processes want the same database. Every step is compared with the
# Linux binary doing the same: the outputs must be the same apart from "\" for "/".
#
# Usage: scripts/wine-smoke.sh [DIST]   (DIST defaults to dist/, as scripts/release.sh leaves it)
# Needs: wine (apt-get install wine wine64), x86_64-w64-mingw32-gcc-posix (for the stand-in
# bcryptprimitives.dll Wine 8.0 lacks, see scripts/wine/bcryptprimitives.c), and both binaries.
# Runs in a new Wine prefix in a temporary directory; KEEP=1 keeps it and prints where.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
dist=$(cd "${1:-dist}" && pwd)
exe_src=$dist/rapor-windows-amd64.exe
linux=$dist/rapor-linux-amd64
cc=${WINDOWS_CC:-x86_64-w64-mingw32-gcc-posix}

for f in "$exe_src" "$linux"; do
  [ -x "$f" ] || [ -f "$f" ] || { echo "wine-smoke: $f missing (run make release)" >&2; exit 1; }
done
command -v wine >/dev/null 2>&1 || { echo "wine-smoke: wine is not installed (apt-get install wine wine64)" >&2; exit 1; }
command -v "$cc" >/dev/null 2>&1 || { echo "wine-smoke: $cc is not installed" >&2; exit 1; }

started=$SECONDS
tmp=$(mktemp -d)
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config # the Linux runs' key stays in here too
export WINEPREFIX=$tmp/wineprefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d" # no Mono/Gecko prompts
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$HOME"
reader=""
cleanup() {
  [ -n "$reader" ] && kill "$reader" 2>/dev/null || true # only the reader this script started
  wineserver -k 2>/dev/null || true
  if [ "${KEEP:-}" = 1 ]; then echo "wine-smoke: kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

passed=0
failed=0
step() { echo "$1   [$((SECONDS - started)) s]"; }
ok() { passed=$((passed + 1)); echo "  ok   $*"; }
bad() { failed=$((failed + 1)); echo "  FAIL $*"; }
check() { # description, then a command that must succeed
  local what=$1
  shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
same() { # description, Windows output file, Linux output file
  local w=$tmp/cmp.win l=$tmp/cmp.linux
  tr '\\' / <"$2" | sed "s#$win_work_fwd#WORK#g; s#$linux_work#WORK#g" >"$w"
  sed "s#$linux_work#WORK#g" <"$3" >"$l"
  if cmp -s "$w" "$l"; then ok "$1"; else bad "$1"; diff "$l" "$w" | head -20 | sed 's/^/       /'; fi
}

echo "wine-smoke: $(wine --version), prefix $WINEPREFIX"
t0=$SECONDS
wine wineboot --init >/dev/null 2>&1
wineserver -w
echo "wine-smoke: new Wine prefix in $((SECONDS - t0)) s"

# Go 1.22+ needs ProcessPrng from bcryptprimitives.dll, which Windows 8+ has and Wine 8.0 does not.
"$cc" -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -lbcrypt

# One cmd.exe for both: each Wine start costs a second or more.
dirs=$(wine cmd.exe /c 'echo %USERPROFILE%& echo %APPDATA%' 2>/dev/null | tr -d '\r')
profile=$(sed -n 1p <<<"$dirs")
appdata=$(sed -n 2p <<<"$dirs")
profile_u=$(winepath -u "$profile" 2>/dev/null)
appdata_u=$(winepath -u "$appdata" 2>/dev/null)
[ -d "$profile_u" ] || { echo "wine-smoke: no profile directory for $profile" >&2; exit 1; }

# The office layout: the program in C:\rapor, the work in Documents\Rapor HSU, exports as the
# browser saved them in Downloads.
mkdir -p "$WINEPREFIX/drive_c/rapor" "$profile_u/Documents/Rapor HSU" "$profile_u/Downloads"
cp "$exe_src" "$WINEPREFIX/drive_c/rapor/rapor.exe"
exe='C:\rapor\rapor.exe'
win_work="$profile\\Documents\\Rapor HSU"
win_work_fwd=$(printf '%s' "$win_work" | tr '\\' /)
work_u="$profile_u/Documents/Rapor HSU"
linux_work=$tmp/linux/Rapor-HSU
mkdir -p "$linux_work"

# rapor.exe and the Linux binary, run in their work directories; stdout, stderr, exit code to files.
W() { # name, args...
  local name=$1
  shift
  local rc=0
  (cd "$work_u" && timeout 120 wine "$exe" "$@" >"$tmp/$name.win.out" 2>"$tmp/$name.win.err") || rc=$?
  echo "$rc" >"$tmp/$name.win.rc"
}
L() {
  local name=$1
  shift
  local rc=0
  (cd "$linux_work" && "$linux" "$@" >"$tmp/$name.linux.out" 2>"$tmp/$name.linux.err") || rc=$?
  echo "$rc" >"$tmp/$name.linux.rc"
}
rc() { cat "$tmp/$1.rc"; }
has() { grep -qF -- "$2" "$tmp/$1"; }

step "1. rapor.exe version"
W version version
L version version
check "exit 0" [ "$(rc version.win)" = 0 ]
check "windows/amd64 build: $(cat "$tmp/version.win.out")" has version.win.out ", windows/amd64, DuckDB v"
check "same version and commit as the Linux binary" \
  [ "$(cut -d, -f1 "$tmp/version.win.out")" = "$(cut -d, -f1 "$tmp/version.linux.out")" ]

step "2. rapor.exe demo (the whole job) in \"$win_work\""
t0=$SECONDS
W demo demo --rows 500
echo "     ($((SECONDS - t0)) s under Wine)"
L demo demo --rows 500
check "exit 0" [ "$(rc demo.win)" = 0 ]
for f in rapor-2025-10.html rapor-2025-10.xlsx rapor-banding-2025-05-2025-10.html rapor-banding-2025-05-2025-10.xlsx; do
  check "wrote demo\\$f" [ -s "$work_u/demo/$f" ]
done
check "500 complaints ingested" has demo.win.out "   500 pengaduan terkini dari"
same "demo prints what the Linux binary prints (rows accepted, rejects, build, reports)" "$tmp/demo.win.out" "$tmp/demo.linux.out"
html=$work_u/demo/rapor-2025-10.html
check "the scorecard has ECharts inside and loads nothing from the network" \
  bash -c '[ "$(stat -c %s "$1")" -gt 1000000 ] && grep -q "echarts" "$1" && ! grep -qE "<script[^>]+src=\"https?:" "$1"' _ "$html"
check "the workbook is an XLSX (zip) file" bash -c '[ "$(head -c 2 "$1")" = PK ]' _ "$work_u/demo/rapor-2025-10.xlsx"
check "pseudonym key at %APPDATA%\\rapor\\secret.key ($appdata\\rapor\\secret.key)" \
  grep -qxE '[0-9a-f]{64}' "$appdata_u/rapor/secret.key"
check "no key beside the database" bash -c '! ls "$1"/demo/*.key "$1"/*.key >/dev/null 2>&1' _ "$work_u"

step "3. rapor.exe ingest \"$profile\\Downloads\\Laporan Ringkas (3).xlsx\""
fixture=""
for d in testdata/ringkas ingest/testdata/ringkas; do
  for f in "$d"/*hsu*.xlsx "$d"/*.xlsx; do # this regency's own export first
    [ -f "$f" ] && { fixture=$repo/$f; break 2; }
  done
done
want_rows=""
if [ -n "$fixture" ]; then
  echo "     (fixture ${fixture#"$repo"/})"
else
  # No Laporan Ringkas fixture yet: a generated layout-A export stands at the same path.
  fixture=$tmp/gen.xlsx
  want_rows=300
  "$linux" gen --rows "$want_rows" --seed 13 --out "$fixture" >/dev/null
  echo "     (no testdata/ringkas/*.xlsx yet: a layout-A export from rapor gen, $want_rows rows)"
fi
download="$profile_u/Downloads/Laporan Ringkas (3).xlsx"
cp "$fixture" "$download"
mkdir -p "$tmp/linux/Downloads"
cp "$fixture" "$tmp/linux/Downloads/Laporan Ringkas (3).xlsx"
# A configuration saved by Notepad: CRLF line ends.
printf 'regency: Hulu Sungai Utara\r\nmin_sample: 7\r\nlang: id\r\n' >"$work_u/rapor.yaml"
cp "$work_u/rapor.yaml" "$linux_work/rapor.yaml"
W config config
check "a CRLF rapor.yaml is read (min_sample: 7)" has config.win.out "min_sample: 7"
W ingest --db "$win_work\\rapor.duckdb" ingest "$profile\\Downloads\\Laporan Ringkas (3).xlsx"
L ingest --db "$linux_work/rapor.duckdb" ingest "$tmp/linux/Downloads/Laporan Ringkas (3).xlsx"
check "exit 0" [ "$(rc ingest.win)" = 0 ]
summary=$(grep -F 'Laporan Ringkas (3).xlsx: ' "$tmp/ingest.win.out" || true)
echo "     $summary"
accepted=$(sed -nE 's/.*: ([0-9]+) baris, ([0-9]+) diterima.*/\2/p' <<<"$summary")
check "rows accepted (${accepted:-none})" [ "${accepted:-0}" -gt 0 ]
[ -n "$want_rows" ] && check "all $want_rows rows accepted" [ "$accepted" = "$want_rows" ]
check "the summary names the file by its Windows path" has ingest.win.out "$profile\\Downloads\\Laporan Ringkas (3).xlsx: "
sed -E 's/^.*Laporan Ringkas \(3\)\.xlsx: /FILE: /' "$tmp/ingest.win.out" >"$tmp/ingest.win.cmp"
sed -E 's/^.*Laporan Ringkas \(3\)\.xlsx: /FILE: /' "$tmp/ingest.linux.out" >"$tmp/ingest.linux.cmp"
same "same counts as the Linux binary" "$tmp/ingest.win.cmp" "$tmp/ingest.linux.cmp"
check "the database is in the folder with a space" [ -s "$work_u/rapor.duckdb" ]
W again --db "$win_work\\rapor.duckdb" ingest "$profile\\Downloads\\Laporan Ringkas (3).xlsx"
check "the same download again changes nothing (exit 0, already ingested)" \
  bash -c '[ "$(cat "$1.rc")" = 0 ] && grep -q "sudah pernah dimuat" "$1.out"' _ "$tmp/again.win"

step "4. Text: LF line ends and Indonesian with non-ASCII characters"
W count --db "$win_work\\rapor.duckdb" sql --format csv "SELECT count(*) AS n FROM complaints"
L count --db "$linux_work/rapor.duckdb" sql --format csv "SELECT count(*) AS n FROM complaints"
check "sql exit 0" [ "$(rc count.win)" = 0 ]
same "CSV result equal to Linux's, byte for byte (no CR)" "$tmp/count.win.out" "$tmp/count.linux.out"
W refuse --db "$win_work\\rapor.duckdb" sql "COPY complaints TO 'x.csv'"
L refuse --db "$linux_work/rapor.duckdb" sql "COPY complaints TO 'x.csv'"
check "refused query: exit $(rc refuse.win), as on Linux ($(rc refuse.linux))" [ "$(rc refuse.win)" = "$(rc refuse.linux)" ]
check "the message is UTF-8 with its em dash (e2 80 94)" bash -c 'grep -q "ditolak: .* — kueri" "$1" && iconv -f UTF-8 -t UTF-8 "$1" >/dev/null' _ "$tmp/refuse.win.err"
same "the message equals Linux's" "$tmp/refuse.win.err" "$tmp/refuse.linux.err"

step "5. Two processes, one database"
db_w="$win_work\\rapor.duckdb"
"$linux" gen --rows 30 --seed 14 --out "$work_u/kedua.csv" >/dev/null
# A reader that keeps the database open: its output goes into a FIFO that is not read yet.
mkfifo "$tmp/reader.pipe"
(cd "$work_u" && exec wine "$exe" --db "$db_w" sql --wait 60s --format csv "SELECT * FROM range(400000)" >"$tmp/reader.pipe" 2>"$tmp/reader.err") &
reader=$!
exec 3<"$tmp/reader.pipe"
locked=""
for _ in $(seq 1 30); do
  W lock --db "$db_w" ingest kedua.csv
  if [ "$(rc lock.win)" != 0 ]; then locked=1; break; fi
  sleep 1
done
check "a second writer is refused while the reader has the database (exit $(rc lock.win))" [ -n "$locked" ]
check "with rapor's message: $(head -c 160 "$tmp/lock.win.err")" has lock.win.err "proses rapor lain sedang memegang basis data (hanya satu penulis sekaligus); tunggu sampai selesai atau pakai --wait"
rows=$(wc -l <&3)
exec 3<&-
rrc=0
wait "$reader" || rrc=$?
reader=""
check "the reader finishes its query (exit $rrc, $rows lines)" bash -c '[ "$1" = 0 ] && [ "$2" = 400001 ]' _ "$rrc" "$rows"
W after --db "$db_w" ingest --wait 60s kedua.csv
check "once the reader is gone the writer gets in (exit $(rc after.win))" [ "$(rc after.win)" = 0 ]

step "6. The README's monthly job: rapor-bulanan.cmd as Task Scheduler would start it"
# The batch file exactly as "Memasang rapor" prints it, saved with Windows line ends.
awk '/^```bat$/ {b = 1; buf = ""; next} b && /^```$/ {b = 0; if (buf ~ /^@echo off/) {printf "%s", buf; exit}} b {buf = buf $0 "\r\n"}' \
  README.md >"$WINEPREFIX/drive_c/rapor/rapor-bulanan.cmd"
check "README has the batch file" grep -q 'rapor.exe run --inbox inbox' "$WINEPREFIX/drive_c/rapor/rapor-bulanan.cmd"
mkdir -p "$work_u/inbox"
"$linux" gen --rows 40 --seed 15 --out "$work_u/inbox/lapor-baru.csv" >/dev/null
jrc=0
(cd "$tmp" && timeout 120 wine cmd.exe /c 'C:\rapor\rapor-bulanan.cmd' >/dev/null 2>&1) || jrc=$?
check "the job exits 0 ($jrc)" [ "$jrc" = 0 ]
check "the export moved to inbox\\processed" [ -f "$work_u/inbox/processed/lapor-baru.csv" ]
check "the scorecard is in laporan\\" bash -c 'ls "$1"/laporan/rapor-*.html >/dev/null 2>&1' _ "$work_u"
check "log\\rapor-run.log names the file it ingested" grep -q "lapor-baru.csv" "$work_u/log/rapor-run.log"

wineserver -k 2>/dev/null || true
echo "wine-smoke: finished in $((SECONDS - started)) s"
echo "wine-smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
