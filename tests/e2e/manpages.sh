#!/usr/bin/env bash
# tests/e2e/manpages.sh: the man pages the build writes (build/man/*.1) are
# what `baocao help --man` prints, render without a warning, have every
# section, list exactly the options --help lists, every exit code, and
# install under share/man/man1.
source "$(dirname "$0")/common.bash"
BUILD=$(cd "$(dirname "$BAOCAO")" && pwd)
MAN=$BUILD/man
PAGES=(baocao render preview check bulk db sign verify)
export LC_ALL=C.UTF-8 MANWIDTH=80
unset LANGUAGE

page_file() { if [ "$1" = baocao ]; then echo "$MAN/baocao.1"; else echo "$MAN/baocao-$1.1"; fi; }
page_arg() { [ "$1" = baocao ] || echo "$1"; }

# The options `baocao help CMD` lists, one --name a line, sorted.
help_options() {
  "$BAOCAO" help "$@" | sed -n 's/^  \(-[a-zA-Z0-9], \)\{0,1\}\(--[a-z0-9-]*\).*/\2/p' | sort -u
}

known_requests() {
  ! grep -E "^[.']" "$1" | grep -vE '^\.(TH|SH|SS|TP|PP|RS|RE|nf|fi|br|B|nh|ad|in|ti|\\") ?'
}
no_bare_hyphens() { # outside the first line's comment
  ! tail -n +2 "$1" | grep -E '\\fB-|(^| )--?[a-z]'
}

for p in "${PAGES[@]}"; do
  f=$(page_file "$p")
  # The build's page is the table's: the same text but for the date.
  check "$p: build/man page exists" test -s "$f"
  check "$p: the build's page is what baocao help --man prints" bash -c "
    diff <(grep -v '^\\.TH' '$f') <('$BAOCAO' help --man $(page_arg "$p") | grep -v '^\\.TH')"
  # No warning from groff (every warning on) nor from man.
  check "$p: groff -ww -z -man: no warning" bash -c "
    [ -z \"\$(groff -ww -z -man -Tutf8 '$f' 2>&1)\" ]"
  man --warnings -l "$f" > "$WORK/$p.txt" 2> "$WORK/$p.err"
  check "$p: man --warnings -l: no warning" bash -c "[ ! -s '$WORK/$p.err' ] || { cat '$WORK/$p.err'; false; }"
  check "$p: lines fit MANWIDTH=80" bash -c "[ \$(wc -L < '$WORK/$p.txt') -le 80 ]"
  for s in NAME SYNOPSIS DESCRIPTION OPTIONS 'EXIT STATUS' ENVIRONMENT FILES EXAMPLES 'SEE ALSO'; do
    grep -qx "$s" "$WORK/$p.txt" || fail "$p: no section $s"
  done
  # Every exit code 0..17 has its line in EXIT STATUS.
  sed -n '/^EXIT STATUS$/,/^ENVIRONMENT$/p' "$WORK/$p.txt" > "$WORK/$p.exit"
  for code in $(seq 0 17); do
    grep -qE "^       $code +[a-zA-Z]" "$WORK/$p.exit" || fail "$p: exit code $code missing"
  done
  for v in BAOCAO_FONT_DIR BAOCAO_TEMPLATE_DIR BAOCAO_TRUST SOURCE_DATE_EPOCH NO_COLOR \
           'LANGUAGE, LC_ALL, LC_MESSAGES, LANG'; do
    grep -qx "       $v" "$WORK/$p.txt" || fail "$p: environment variable $v missing"
  done
  # Only the requests the writer uses start a line: a dot or quote from
  # the text is escaped (\&), as is every backslash (\e).
  check "$p: no line starts with an unknown request" known_requests "$f"
  check "$p: option names are \\- (minus), never a bare hyphen" no_bare_hyphens "$f"
done

# The options: exactly those of --help, in the OPTIONS section of the page.
options_of_page() { # the --names of a page's OPTIONS section, sorted
  sed -n '/^OPTIONS$/,/^EXIT STATUS$/p' "$WORK/$1.txt" |
    sed -n 's/^       \(-[a-zA-Z0-9], \)\{0,1\}\(--[a-z0-9-]*\).*/\2/p' | sort -u
}
for p in render preview check bulk sign verify; do
  check "$p: the page's options are --help's" diff <(help_options "$p") <(options_of_page "$p")
  n=$(help_options "$p" | wc -l)
  check "$p: --help lists options ($n)" test "$n" -ge 3
done
# db: its page has each subcommand's options under its own heading.
for sub in init upgrade load import export import-pdf; do
  sed -n "/^   db $sub\$/,/^   db \\|^EXIT STATUS\$/p" "$WORK/db.txt" |
    sed -n 's/^       \(-[a-zA-Z0-9], \)\{0,1\}\(--[a-z0-9-]*\).*/\2/p' | sort -u > "$WORK/db-$sub.opts"
  check "db $sub: the page's options are --help's" diff <(help_options db "$sub") "$WORK/db-$sub.opts"
done
check "db import-pdf: its trust options are in the page" grep -q -- '--ocsp-timeout' "$WORK/db-import-pdf.opts"
# and `baocao CMD --help` is `baocao help CMD`
for p in render preview check bulk db sign verify; do
  check "baocao $p --help = baocao help $p" diff <("$BAOCAO" "$p" --help) <("$BAOCAO" help "$p")
done
check "baocao db import --help = baocao help db import" diff <("$BAOCAO" db import --help) <("$BAOCAO" help db import)
check "baocao db import-pdf --help = baocao help db import-pdf" \
  diff <("$BAOCAO" db import-pdf --help) <("$BAOCAO" help db import-pdf)

# The text itself: what man shows of one option, whole.
check "render page: --tone-style's help" bash -c "
  grep -A4 -- '^       --tone-style STYLE' '$WORK/render.txt' | tr -s ' \\n' ' ' |
    grep -qF -- 'moi (hòa), cu (hoà) or giu (as typed); default: the template'\\''s kieu_dau'"
check "baocao(1) lists every command with its page" bash -c "
  for c in render preview check bulk db sign verify; do grep -q \"baocao-\$c(1)\" '$WORK/baocao.txt' || exit 1; done"
# The examples: the same commands in --help and in the page, once their
# lines ending in a backslash are joined.
join_lines() { sed -e :a -e '/\\$/N; s/ *\\\n */ /; ta' | sed 's/^ *//'; }
help_examples() { "$BAOCAO" help "$1" | sed -n '/^Examples\{0,1\}:$/,$p' | tail -n +2 | join_lines; }
man_examples() {
  sed -n '/^EXAMPLES$/,/^SEE ALSO$/p' "$WORK/$1.txt" | grep '^           ' | join_lines
}
for p in render preview check bulk sign verify; do
  check "$p: the page's examples are --help's" diff <(help_examples "$p") <(man_examples "$p")
done
first_render_example() {
  [ "$(man_examples render | head -1)" = \
    'baocao render --db samples/baocao.db --agency STTTT-TV --period 2023-Q3 -o out/tra-vinh-2023-q3.pdf' ]
}
check "render page: the first example, whole" first_render_example
set +e
"$BAOCAO" help --man paint > /dev/null 2> "$WORK/stderr"; code=$?
set -e
check "help --man of an unknown command: exit 2" bash -c "[ $code -eq 2 ] &&
  [ \"\$(cat '$WORK/stderr')\" = \"baocao: no command 'paint'\" ]"

# cmake --install puts them under share/man/man1 (and DESTDIR stages).
if command -v cmake > /dev/null; then
  DESTDIR=$WORK/stage cmake --install "$BUILD" --prefix /usr > "$WORK/install.log" 2>&1 ||
    fail "cmake --install: $(tail -3 "$WORK/install.log")"
  for p in "${PAGES[@]}"; do
    f=$(basename "$(page_file "$p")")
    check "installed: /usr/share/man/man1/$f" cmp "$WORK/stage/usr/share/man/man1/$f" "$MAN/$f"
  done
  check "man finds the installed page by name" bash -c "
    MANPATH='$WORK/stage/usr/share/man' man baocao-db 2>/dev/null | grep -q '^       baocao-db - '"
fi

finish
