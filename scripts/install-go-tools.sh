#!/usr/bin/env bash
# Install the pinned Crossplane tools into bin/ with plain `go install`.
# The machine's Go proxy refuses github.com/crossplane/* modules; GOPROXY_DIR (default
# ../shared/goproxy) is a file:// module proxy that serves them byte for byte as upstream
# publishes them, put in front of the machine's own proxy. A tool whose pinned version is
# already in bin/ is skipped (bin/.versions/<tool> records the version it was built from).
#
# usage: scripts/install-go-tools.sh [tool ...]   (default: every tool in TOOLS below)
set -euo pipefail
cd "$(dirname "$0")/.."

GOPROXY_DIR=${GOPROXY_DIR:-../shared/goproxy}
BIN=${BIN:-$PWD/bin}

# name  module@version  (one source of truth: src/config.ts keeps the same versions; a test compares them)
declare -A TOOLS=(
  [crank]="github.com/crossplane/crossplane/v2/cmd/crank@v2.2.4"
  [crossplane]="github.com/crossplane/crossplane/v2/cmd/crossplane@v2.2.4"
  [function-patch-and-transform]="github.com/crossplane-contrib/function-patch-and-transform@v0.10.8"
  [function-cel-filter]="github.com/crossplane-contrib/function-cel-filter@v0.2.0"
  [function-auto-ready]="github.com/crossplane/function-auto-ready@v0.7.0"
)

want=("$@")
[ ${#want[@]} -gt 0 ] || want=(crank function-patch-and-transform function-cel-filter function-auto-ready)

command -v go >/dev/null || { echo "install-go-tools: Go 1.25+ is needed (see README, Prerequisites)" >&2; exit 1; }
[ -d "$GOPROXY_DIR" ] || { echo "install-go-tools: no Go module proxy folder at $GOPROXY_DIR (set GOPROXY_DIR)" >&2; exit 1; }

export GOPROXY="file://$(cd "$GOPROXY_DIR" && pwd),$(go env GOPROXY)"
# The checksum database has no entry for these versions; their hashes are in the proxy folder's
# h1-sums.txt and each tool's go.sum pins every dependency.
export GONOSUMDB=github.com/crossplane/crossplane/v2,github.com/crossplane-contrib/function-patch-and-transform,github.com/crossplane/function-auto-ready
export GOBIN="$BIN"
mkdir -p "$BIN/.versions"

for t in "${want[@]}"; do
  spec=${TOOLS[$t]:-}
  [ -n "$spec" ] || { echo "install-go-tools: unknown tool $t" >&2; exit 1; }
  if [ -x "$BIN/$t" ] && [ "$(cat "$BIN/.versions/$t" 2>/dev/null)" = "$spec" ]; then
    continue
  fi
  echo "install-go-tools: go install $spec" >&2
  go install "$spec"
  echo "$spec" > "$BIN/.versions/$t"
done
