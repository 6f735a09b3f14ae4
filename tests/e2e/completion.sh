#!/usr/bin/env bash
# tests/e2e/completion.sh: the completion scripts the build writes
# (build/completions) are what `baocao help --completion` prints, and they
# complete: bash (the function called with COMP_WORDS), fish (complete -C)
# and zsh (an interactive zsh under zpty, with compinit, recording what
# the completion offers). Commands, each command's options (exactly those
# of its --help), db's subcommands, fixed values and files.
source "$(dirname "$0")/common.bash"
BUILD=$(cd "$(dirname "$BAOCAO")" && pwd)
COMP=$BUILD/completions
export LC_ALL=C.UTF-8
unset LANGUAGE

COMMANDS="render preview check bulk db sign verify"
SUBS="init upgrade load import export import-pdf"

for pair in bash:baocao zsh:_baocao fish:baocao.fish; do
  shell=${pair%%:*} file=${pair#*:}
  check "$shell: build/completions/$file is what baocao help --completion $shell prints" \
    cmp "$COMP/$file" <("$BAOCAO" help --completion "$shell")
done
set +e
"$BAOCAO" help --completion tcsh > /dev/null 2> "$WORK/stderr"; code=$?
set -e
check "help --completion tcsh: exit 2" bash -c "[ $code -eq 2 ] &&
  [ \"\$(cat '$WORK/stderr')\" = \"baocao: no completion for 'tcsh': bash, zsh or fish\" ]"

# The options `baocao help CMD` lists (short and long), sorted.
help_options() {
  "$BAOCAO" help "$@" |
    sed -n 's/^  \(-[a-zA-Z0-9]\)\{0,1\}\(, \)\{0,1\}\(--[a-z0-9-]*\).*/\1 \3/p' |
    tr ' ' '\n' | sed '/^$/d' | sort -u
}

# A directory with files to complete.
mkdir -p "$WORK/files/sub dir"
touch "$WORK/files/report.pdf" "$WORK/files/report.docx" "$WORK/files/other.db"

# --- bash --------------------------------------------------------------------
# bash_complete WORD...: COMPREPLY for the command line WORD... (the last
# being the word under the cursor), one a line, sorted.
bash_complete() {
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _baocao baocao "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$COMP/baocao" "$@" | sed '/^$/d' | sort
}
# bash_is EXPECTED WORD...: the completions are exactly EXPECTED (words
# separated by spaces).
bash_is() {
  local expected=$1; shift
  local got
  got=$(bash_complete "$@" | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" = "$(tr ' ' '\n' <<< "$expected" | sort | tr '\n' ' ' | sed 's/ $//')" ]; then
    pass "bash: ${*} -> $expected"
  else
    fail "bash: ${*} -> '$got', expected '$expected'"
  fi
}
check "bash: the script is registered for baocao" bash --norc -c "
  source '$COMP/baocao'; complete -p baocao | grep -qx 'complete -F _baocao baocao'"
bash_is "render" baocao re
bash_is "$COMMANDS help" baocao ""
bash_is "--help --version" baocao --
bash_is "--agency" baocao render --ag
bash_is "--agency" baocao preview --db x.db --ag
bash_is "pdf docx odt" baocao render --format ""
bash_is "docx" baocao render --format = d
bash_is "png docx odt" baocao preview --format ""
bash_is "a-3b none" baocao bulk --pdf-standard ""
bash_is "moi cu giu" baocao render --tone-style ""
bash_is "auto kitty sixel blocks" baocao preview --graphics ""
bash_is "auto always never" baocao preview --color ""
bash_is "ky_nguoi_co_tham_quyen ky_co_quan" baocao sign --field ky_
bash_is "$SUBS" baocao db ""
bash_is "import import-pdf" baocao db imp
bash_is "--accept-unsigned --accept-untrusted" baocao db import-pdf --acc
bash_is "--agency --period --table --json --quiet --verbose --help -h -q -v" baocao db import -
bash_is "$COMMANDS" baocao help ""
bash_is "$SUBS" baocao help db ""
bash_is "$WORK/files/report.docx $WORK/files/report.pdf" baocao verify "$WORK/files/rep"
bash_is "$WORK/files/report.docx $WORK/files/report.pdf" baocao render -o "$WORK/files/rep"
bash_is "$WORK/files/other.db" baocao db init "$WORK/files/ot"
bash_is "$WORK/files/sub dir" baocao bulk --out-dir "$WORK/files/s"
bash_is "" baocao render --agency ST
# Every command's options are exactly its --help's.
for c in $COMMANDS; do
  check "bash: the options of $c are those of its --help" \
    diff <(help_options "$c") <(bash_complete baocao "$c" -)
done
for s in $SUBS; do
  check "bash: the options of db $s are those of its --help" \
    diff <(help_options db "$s") <(bash_complete baocao db "$s" -)
done

# --- fish --------------------------------------------------------------------
fish_complete() { # the candidates fish offers for the line $1, sorted
  fish --no-config -c "source '$COMP/baocao.fish'; complete -C '$1'" | cut -f1 | sort
}
fish_is() {
  local expected got
  expected=$(tr ' ' '\n' <<< "$2" | sort | tr '\n' ' ' | sed 's/ $//')
  got=$(fish_complete "$1" | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" = "$expected" ]; then pass "fish: $1 -> $2"; else fail "fish: $1 -> '$got', expected '$expected'"; fi
}
fish_is "baocao re" "render"
fish_is "baocao render --ag" "--agency"
fish_is "baocao render --format " "pdf docx odt"
fish_is "baocao preview --format " "png docx odt"
fish_is "baocao render --pdf-standard " "a-3b none"
fish_is "baocao db " "$SUBS"
fish_is "baocao db import-pdf --acc" "--accept-unsigned --accept-untrusted"
fish_is "baocao help " "$COMMANDS"
fish_is "baocao verify $WORK/files/rep" "$WORK/files/report.docx $WORK/files/report.pdf"
fish_is "baocao render --db $WORK/files/ot" "$WORK/files/other.db"
check "fish: an option comes with its help" bash -c "
  fish --no-config -c \"source '$COMP/baocao.fish'; complete -C 'baocao render --ag'\" |
    grep -qx -- \$'--agency\\tagency code, e.g. STTTT-TV'"
for c in $COMMANDS; do
  check "fish: the long options of $c are those of its --help" \
    diff <(help_options "$c" | grep -- '^--') <(fish_complete "baocao $c --")
done

# --- zsh ---------------------------------------------------------------------
# Each line is typed with a tab into a new interactive zsh -f under zpty,
# after compinit with build/completions in fpath; compadd is wrapped to
# write what the completion offers into a file.
zsh_complete() { # zsh_complete LINE: the candidates, sorted
  local out=$WORK/zsh.out
  rm -f "$out" "$out.ready"
  # in $WORK/files, for the file names
  (cd "$WORK/files" && timeout 60 zsh -f -c '
    zmodload zsh/zpty || exit 3
    dir=$1 out=$2 line=$3
    zpty z zsh -f -i
    zpty -w z "PS1=\"> \"; fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -D"
    zpty -w z "compadd() { local -a h; builtin compadd -A h \"\$@\"; print -rl -- \$h >> $out; builtin compadd \"\$@\"; }"
    zpty -w z "print ready > $out.ready"
    for i in {1..300}; do [[ -f $out.ready ]] && break; sleep 0.1; done
    rm -f $out.ready
    zpty -wn z "$line"$'"'"'\t'"'"'
    zpty -w z $'"'"'\C-u'"'"'
    zpty -w z "print done > $out.ready"
    for i in {1..300}; do [[ -f $out.ready ]] && break; sleep 0.1; done
    zpty -d z' _ "$COMP" "$out" "$1") || return 1
  [ -f "$out" ] && sed '/^$/d' "$out" | sort -u
}
zsh_is() {
  local expected got
  expected=$(tr ' ' '\n' <<< "$2" | sort | tr '\n' ' ' | sed 's/ $//')
  got=$(zsh_complete "$1" | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" = "$expected" ]; then pass "zsh: $1 -> $2"; else fail "zsh: $1 -> '$got', expected '$expected'"; fi
}
zsh_is "baocao re" "render"
zsh_is "baocao render --ag" "--agency"
zsh_is "baocao render --format " "pdf docx odt"
zsh_is "baocao db " "$SUBS"
zsh_is "baocao db import-pdf --acc" "--accept-unsigned --accept-untrusted"
zsh_is "baocao verify report.p" "report.pdf"
zsh_is "baocao render -o report." "report.docx report.pdf"

# --- installed ---------------------------------------------------------------
if command -v cmake > /dev/null; then
  DESTDIR=$WORK/stage cmake --install "$BUILD" --prefix /usr > "$WORK/install.log" 2>&1 ||
    fail "cmake --install: $(tail -3 "$WORK/install.log")"
  check "installed: bash-completion/completions/baocao" \
    cmp "$WORK/stage/usr/share/bash-completion/completions/baocao" "$COMP/baocao"
  check "installed: zsh/vendor-completions/_baocao" \
    cmp "$WORK/stage/usr/share/zsh/vendor-completions/_baocao" "$COMP/_baocao"
  check "installed: fish/vendor_completions.d/baocao.fish" \
    cmp "$WORK/stage/usr/share/fish/vendor_completions.d/baocao.fish" "$COMP/baocao.fish"
fi

finish
