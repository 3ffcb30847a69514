#!/usr/bin/env bash
# Build the Configuration package offline with crank: dist/crossplane.yaml with every XRD and
# Composition of dist/ (the install, GitOps, admission and example files excluded; the example
# claims go in as the package's examples).
#
# usage: scripts/build-package.sh [OUT.xpkg]   (default: .build/configuration-assessment-platform-<version>.xpkg)
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p "require('./package.json').version")
out=${1:-.build/configuration-assessment-platform-$version.xpkg}
[ -x bin/crank ] || { echo "build-package: bin/crank is missing: run make tools" >&2; exit 1; }
# The files of dist/ that are not part of the package: src/install/configuration-package.ts (NOT_IN_PACKAGE).
ignore=$(node -p "require('./lib/src/install/configuration-package').NOT_IN_PACKAGE.join(',')")
examples=$(mktemp -d)
trap 'rm -rf "$examples"' EXIT
cp dist/examples.yaml "$examples/"
mkdir -p "$(dirname "$out")"
rm -f "$out"
bin/crank xpkg build --package-root=dist --examples-root="$examples" --ignore="$ignore" --package-file="$out"
echo "$out"
