#!/usr/bin/env bash
# Install the pinned Crossplane tools into bin/ with plain `go install`.
# The machine's Go proxy refuses github.com/crossplane/* modules; GOPROXY_DIR (default
# ../shared/goproxy) is a file:// module proxy that serves them byte for byte as upstream
# publishes them, put in front of the machine's own proxy. A tool whose pinned version is
# already in bin/ is skipped (bin/.versions/<tool> records the version it was built from).
#
# kube-apiserver and kube-controller-manager (the live control plane, test/live) are built with
# `go build` from the wrapper module in scripts/kube (k8s.io/kubernetes cannot be `go install`ed).
# Installing `crossplane` also copies Crossplane core's CRDs and webhook configuration from its
# module into bin/crossplane-cluster/, which the live control plane applies.
#
# usage: scripts/install-go-tools.sh [tool ...]   (default: crank and the three functions)
#        scripts/install-go-tools.sh live         (the live control plane: crossplane and the kube binaries)
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

# The Kubernetes binaries: version stamped into them, built from scripts/kube (go.mod pins it).
KUBE_VERSION=v1.34.4
KUBE_SPEC="k8s.io/kubernetes@$KUBE_VERSION $(sha256sum scripts/kube/go.sum | cut -c1-12)"

want=("$@")
if [ "${want[*]:-}" = live ]; then want=(crossplane kube-apiserver kube-controller-manager); fi
[ ${#want[@]} -gt 0 ] || want=(crank function-patch-and-transform function-cel-filter function-auto-ready)

command -v go >/dev/null || { echo "install-go-tools: Go 1.25+ is needed (see README, Prerequisites)" >&2; exit 1; }
[ -d "$GOPROXY_DIR" ] || { echo "install-go-tools: no Go module proxy folder at $GOPROXY_DIR (set GOPROXY_DIR)" >&2; exit 1; }

export GOPROXY="file://$(cd "$GOPROXY_DIR" && pwd),$(go env GOPROXY)"
# The checksum database has no entry for these versions; their hashes are in the proxy folder's
# h1-sums.txt and each tool's go.sum pins every dependency.
export GONOSUMDB=github.com/crossplane/crossplane/v2,github.com/crossplane-contrib/function-patch-and-transform,github.com/crossplane/function-auto-ready
export GOBIN="$BIN"
mkdir -p "$BIN/.versions"

build_kube() {
  local t=$1
  if [ -x "$BIN/$t" ] && [ "$(cat "$BIN/.versions/$t" 2>/dev/null)" = "$KUBE_SPEC" ]; then return; fi
  echo "install-go-tools: go build $t $KUBE_VERSION (scripts/kube; about 6 minutes cold)" >&2
  local v=k8s.io/component-base/version
  (cd scripts/kube && GOTOOLCHAIN=local CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X $v.gitVersion=$KUBE_VERSION -X $v.gitMajor=1 -X $v.gitMinor=34" -o "$BIN/$t" "./cmd/$t")
  echo "$KUBE_SPEC" > "$BIN/.versions/$t"
}

# Crossplane core's own CRDs and webhook configuration, from the module it was built from.
crossplane_cluster() {
  local spec=${TOOLS[crossplane]} dir
  [ "$(cat "$BIN/crossplane-cluster/.version" 2>/dev/null)" = "$spec" ] && return
  dir=$(go mod download -json "github.com/crossplane/crossplane/v2@${spec##*@}" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [ -d "$dir/cluster/crds" ] || { echo "install-go-tools: no cluster/crds in the crossplane module ($dir)" >&2; exit 1; }
  rm -rf "$BIN/crossplane-cluster" && mkdir -p "$BIN/crossplane-cluster"
  cp -r "$dir/cluster/crds" "$dir/cluster/webhookconfigurations" "$BIN/crossplane-cluster/"
  chmod -R u+w "$BIN/crossplane-cluster"
  echo "$spec" > "$BIN/crossplane-cluster/.version"
}

for t in "${want[@]}"; do
  case $t in kube-apiserver|kube-controller-manager) build_kube "$t"; continue ;; esac
  [ "$t" = crossplane ] && crossplane_cluster
  spec=${TOOLS[$t]:-}
  [ -n "$spec" ] || { echo "install-go-tools: unknown tool $t" >&2; exit 1; }
  if [ -x "$BIN/$t" ] && [ "$(cat "$BIN/.versions/$t" 2>/dev/null)" = "$spec" ]; then
    continue
  fi
  echo "install-go-tools: go install $spec" >&2
  go install "$spec"
  echo "$spec" > "$BIN/.versions/$t"
done
