#!/usr/bin/env bash
# tests/e2e/includes.sh: the two include rules of docs/architecture.md,
# checked on every #include of src/: a module includes only headers of its
# own and of modules to its left in the pipeline (pdf, raster and
# office side by side), and each third-party library is included by the module that owns
# it (raster may use FreeType too).
source "$(dirname "$0")/common.bash"
order=(common model data template markup text layout "pdf raster office" sign render bulk exchange cli)
declare -A rank
for i in "${!order[@]}"; do for m in ${order[$i]}; do rank[$m]=$i; done; done
# header pattern -> the modules that may include it
declare -A owner=(
  ['sqlite3.h']=data ['cmark-gfm']=markup ['hb']=text ['hb-subset']=text
  ['ft2build.h']="text raster" ['freetype/']="text raster" ['fontconfig/']=text
  ['hpdf']=pdf
  ['qpdf/']=pdf ['zlib.h']=pdf ['libdeflate.h']=pdf ['openssl/']=sign ['libp11.h']=sign ['png.h']=raster
  ['utf8proc.h']=common ['cJSON.h']=common ['nettle/']=common
  [zip.h]=office
)
# file -> a header it may include beside the owners above
declare -A also=()
bad=0
while IFS=: read -r file _ line; do
  mod=${file#"$SRC"/src/}; mod=${mod%%/*}
  inc=$(sed -n 's/^#include [<"]\([^">]*\)[">].*/\1/p' <<< "$line")
  [ -n "$inc" ] || continue
  dep=${inc%%/*}
  if [ "$dep" != "$inc" ] && [ -n "${rank[$dep]:-}" ] && [ "$dep" != "$mod" ]; then
    if [ "${rank[$dep]}" -ge "${rank[$mod]}" ]; then
      echo "upward include: $file includes $inc"; bad=1
    fi
  fi
  for pat in "${!owner[@]}"; do
    case "$inc" in
      "$pat"*)
        [ "${also[${file#"$SRC"/src/}]:-}" = "$inc" ] && continue
        ok=0; for o in ${owner[$pat]}; do [ "$o" = "$mod" ] && ok=1; done
        [ $ok -eq 1 ] || { echo "$file includes $inc, which only ${owner[$pat]} may"; bad=1; } ;;
    esac
  done
  case "$inc" in *_int.h) [ "$dep" = "$mod" ] || { echo "$file includes another module's $inc"; bad=1; } ;; esac
done < <(grep -rn '^#include' "$SRC"/src --include='*.c' --include='*.h')
check "every include follows the module order and the library owners" test $bad -eq 0
finish
