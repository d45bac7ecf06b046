#!/usr/bin/env bash
# Smoke test of a standalone build: does the built app work on a machine without Python?
#
#     packaging/smoke_test.sh [APP_FOLDER]        (default dist/vaerdidialog; `make dist-smoke`)
#
# The app folder is first copied to a temporary place, so it cannot lean on the source tree,
# and every run below gets an empty environment: no virtual environment, no PYTHONPATH, a
# fresh HOME and a fresh data folder. Then, with the built program only:
#   1. --version prints the app's name and version;
#   2. `demo` creates the demo workshop, `list` shows it;
#   3. `export --pdf` writes a PDF that holds the three values (read back with pdftotext);
#   4. `export --docx` writes a Word file, and a workshop file moves the workshop into a
#      second data folder with `import` (when this version of the app has those commands);
#   5. the window starts offscreen with --smoke-test (leaderapp/gui/smoke.py): it opens the
#      workshop, exports a PDF through the window's own export code and quits with 0.
# Needs: bash, pdftotext (poppler-utils). Exit code 0 when all of it passed.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
source_dir="${1:-$here/dist/vaerdidialog}"
[ -d "$source_dir" ] || { echo "smoke: no app folder at $source_dir (run make dist)" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "smoke: pdftotext is missing (poppler-utils)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/vaerdidialog-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -a "$source_dir" "$work/app"
mkdir -p "$work/home" "$work/data" "$work/out"

program="$work/app/vaerdidialog"
[ -x "$program" ] || program="$work/app/vaerdidialog-cli.exe"  # a Windows build (Git Bash)
[ -x "$program" ] || { echo "smoke: no program in $source_dir" >&2; exit 1; }

run() {
  # Only what a bare laptop has: system tools on PATH, no Python of ours anywhere.
  env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    TMPDIR="$work" "$program" "$@"
}

passed=0
ok() { passed=$((passed + 1)); echo "smoke: ok: $*"; }
# The last line is a plain count, which CI reads like a test runner's summary.
fail() { echo "smoke: FAILED: $*" >&2; echo "smoke: $passed passed, 1 failed"; exit 1; }

pdf_has_values() {
  local text
  text="$(pdftotext -enc UTF-8 "$1" -)" || fail "pdftotext cannot read $1"
  for value in Dialog Dygtighed Dristighed; do
    grep -q "$value" <<<"$text" || fail "$1 does not mention $value"
  done
}

version="$(run --version)" || fail "--version"
[[ "$version" == "Værdidialog "* ]] || fail "--version printed: $version"
ok "$version"

demo="$(run demo --data-dir "$work/data")" || fail "demo"
workshop_id="${demo%%$'\t'*}"
ok "demo workshop ${demo#*$'\t'}"
listing="$(run list --data-dir "$work/data")" || fail "list"
grep -q "^$workshop_id" <<<"$listing" || fail "list does not show the demo"
ok "list"

run export "$workshop_id" --data-dir "$work/data" --pdf "$work/out/cli.pdf" >/dev/null \
  || fail "export"
pdf_has_values "$work/out/cli.pdf"
ok "export --pdf holds the three values"

# Word export and workshop files, where this version has them: python-docx's templates,
# lxml and the workshop-file schema are data files a build can easily lose.
export_help="$(run export --help)" || fail "export --help"
if grep -q -- "--docx" <<<"$export_help"; then
  run export "$workshop_id" --data-dir "$work/data" --docx "$work/out/grundlag.docx" >/dev/null \
    || fail "export --docx"
  [ "$(head -c 2 "$work/out/grundlag.docx")" = "PK" ] || fail "the .docx is not a Word file"
  ok "export --docx"
fi
if grep -q -- "--workshop-file" <<<"$export_help"; then
  file="$work/out/demo.vaerdidialog.json"
  run export "$workshop_id" --data-dir "$work/data" --workshop-file "$file" >/dev/null \
    || fail "export --workshop-file"
  run import "$file" --data-dir "$work/other" >/dev/null || fail "import"
  listing="$(run list --data-dir "$work/other")" || fail "list after import"
  grep -q "^$workshop_id" <<<"$listing" || fail "the imported workshop is not listed"
  ok "workshop file exported and imported into another data folder"
fi

run --data-dir "$work/data" --smoke-test "$work/out/window.pdf" || fail "the window's smoke test"
pdf_has_values "$work/out/window.pdf"
ok "the window exported a PDF that holds the three values"

echo "smoke: the app folder is $(du -sh "$work/app" | cut -f1)"
echo "smoke: $passed passed, 0 failed"
