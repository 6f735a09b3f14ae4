#!/bin/bash
# tests/golden/regen.sh: writes the page-model goldens (tests/golden/*.pages)
# again from the build in BUILD_DIR (default: build), after a layout
# change that is meant. Review `git diff tests/golden` before committing.
# Usage: tests/golden/regen.sh [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cmake --build "$build" --target baocao dump_pages >/dev/null
exec bash "$src/tests/golden/golden.sh" "$build/tests/dump_pages" \
  "$build/baocao" "$src" "$build/tests/golden_regen" --update
