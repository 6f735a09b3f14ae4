#!/usr/bin/env bash
# po/update.sh: regenerates po/baocao.pot from the sources (xgettext) and merges it into
# each po/<lang>.po (msgmerge). With --check it changes nothing and fails when the
# template or a catalogue is out of date, or a catalogue has untranslated or fuzzy
# entries (docs/i18n.md).
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
case "${1:-}" in
  --check) check=true ;;
  '') ;;
  *) echo "usage: po/update.sh [--check]" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every function whose argument is a message: the library's error formats
# (bc_error_set and the helpers that format like it), the library's fixed
# texts (bc_tr, BC_N_), the command line's (_ , N_, ngettext).
keywords=(
  --keyword=_ --keyword=N_ --keyword=ngettext:1,2
  --keyword=bc_tr --keyword=BC_N_ --keyword=BC_NF_ --flag=BC_NF_:1:c-format
  --flag=bc_tr:1:pass-c-format
  --keyword=bc_error_set:3 --flag=bc_error_set:3:c-format
  --keyword=period_problem:4 --flag=period_problem:4:c-format
  --keyword=problem:5 --flag=problem:5:c-format
  --keyword=conflict:2 --flag=conflict:2:c-format
  --keyword=add_change:3 --flag=add_change:3:c-format
  --keyword=bad:2
  --keyword=cli_detail:3 --flag=cli_detail:3:c-format
)

# Sorted so that the template does not depend on the file system's order;
# locations name the file only, so that moving code does not change it.
mapfile -t sources < <(find src -name '*.c' | LC_ALL=C sort)
xgettext --language=C --from-code=UTF-8 "${keywords[@]}" \
  --add-comments=TRANSLATORS: --add-location=file --no-wrap \
  --package-name=baocao --msgid-bugs-address='the baocao issue tracker' \
  --copyright-holder= --foreign-user \
  -o "$tmp/baocao.pot" "${sources[@]}"
# The creation date changes on every run: keep the one already stored
# when nothing else changed.
strip_date() { grep -v '^"POT-Creation-Date:' "$1"; }

status=0
if $check; then
  if ! diff -q <(strip_date "$tmp/baocao.pot") <(strip_date po/baocao.pot) >/dev/null; then
    echo "po/baocao.pot is out of date: run po/update.sh" >&2
    diff -u <(strip_date po/baocao.pot) <(strip_date "$tmp/baocao.pot") | head -40 >&2 || true
    status=1
  fi
else
  if [ -f po/baocao.pot ] &&
    diff -q <(strip_date "$tmp/baocao.pot") <(strip_date po/baocao.pot) >/dev/null; then
    : # unchanged
  else
    cp "$tmp/baocao.pot" po/baocao.pot
  fi
fi

for po in po/*.po; do
  lang=$(basename "$po" .po)
  msgmerge --quiet --no-wrap --previous -o "$tmp/$lang.po" "$po" "$tmp/baocao.pot"
  if $check; then
    if ! diff -q <(strip_date "$tmp/$lang.po") <(strip_date "$po") >/dev/null; then
      echo "$po is out of date: run po/update.sh" >&2
      diff -u "$po" "$tmp/$lang.po" | head -40 >&2 || true
      status=1
    fi
    stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || {
      echo "$po: msgfmt --check fails: $stats" >&2
      status=1
    }
    case "$stats" in
      *untranslated*|*fuzzy*)
        echo "$po is not complete: $stats" >&2
        status=1 ;;
    esac
  else
    cp "$tmp/$lang.po" "$po"
    printf '%s: ' "$po"
    LC_ALL=C msgfmt --check --statistics -o /dev/null "$po"
  fi
done
exit $status
