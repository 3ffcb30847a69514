#!/usr/bin/env bash
# Concatenate the upstream CRD files into one file per API group, so that `cdk8s import`
# writes one module per group (importing several files of one group under one name would
# make each overwrite the last). Usage: scripts/group-crds.sh CRDS_DIR OUT_DIR
set -euo pipefail
crds_dir=${1:?CRDS_DIR}
out_dir=${2:?OUT_DIR}
rm -rf "$out_dir"
mkdir -p "$out_dir"
find "$crds_dir" -name '*.yaml' ! -name 'SOURCES.md' | LC_ALL=C sort | while read -r f; do
  group=$(awk '/^spec:/{s=1} s && /^  group:/{print $2; exit}' "$f")
  [ -n "$group" ] || { echo "no spec.group in $f" >&2; exit 1; }
  { echo '---'; cat "$f"; echo; } >> "$out_dir/$group.yaml"
done
ls "$out_dir"
