# assessment-platform: build (tools, imports, compile, synth, validate) and test.
# CRDS_DIR points at the real CRDs (see README "CRDs"); override it: make build CRDS_DIR=/path/to/crds
# GOPROXY_DIR is the Go module proxy folder that serves the Crossplane modules (see README).
CRDS_DIR ?= ../shared/crds
GOPROXY_DIR ?= ../shared/goproxy
export CRDS_DIR GOPROXY_DIR

NPM_STAMP := node_modules/.package-lock.json
GROUPED := .build/crds

.PHONY: all setup tools tools-live imports compile synth build test test-live golden typecheck jest bench bench-cli package clean

all: build

# Install the pinned npm dependencies (skipped when package-lock.json has not changed).
setup: $(NPM_STAMP)
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The real engines the tests run, pinned, built with `go install` into bin/ (a tool whose pinned
# version is already there is skipped): crank v2.2.4 and the three pipeline functions.
tools:
	scripts/install-go-tools.sh

# The live control plane's binaries (test/live): Crossplane core v2.2.4 and its CRDs, and
# kube-apiserver and kube-controller-manager v1.34.4 from the wrapper module in scripts/kube.
# etcd comes from the machine (Debian: apt-get install -y etcd-server).
tools-live:
	scripts/install-go-tools.sh live

# Regenerate imports/ from the CRDs: one module per API group (see scripts/group-crds.sh).
imports: setup
	scripts/group-crds.sh "$(CRDS_DIR)" $(GROUPED) >/dev/null
	rm -rf imports
	npx cdk8s import --check-upgrade false -l typescript -o imports >/dev/null

# Type-check and compile everything (src, imports, tests) into lib/.
compile: setup
	npx tsc -p tsconfig.json

# Synthesize dist/ from the compiled code (no type-check of imports here).
synth: compile
	rm -rf dist
	npx cdk8s synth --check-upgrade false >/dev/null
	@ls dist

# The main job: tools, imports, compile, synth, then every test.
build: tools imports synth test

# Every test: the tools, a type-check once (compiling into lib/), then jest (which only transpiles)
# and the live suite. jest's global setup starts the pipeline functions for the run; the render
# and validate tests use crank.
test: setup tools tools-live compile
	npx jest --ci
	$(MAKE) --no-print-directory test-live

# The live suite (test/live): a real API server with Crossplane core on loopback reconciles every
# example claim. Node's test runner on the compiled suite (the Kubernetes client is an ES module).
test-live: setup tools tools-live compile
	node --test-reporter=spec lib/test/live/live-suite.js

# Rewrite the golden renders of the example claims (test/golden/), then review their diff.
golden: setup tools
	UPDATE_GOLDEN=1 npx jest --ci test/render.test.ts

# The Configuration package (XRDs and Compositions, pinned dependencies), built offline with crank
# into .build/ (docs/operations.md says how to push and install it).
package: compile tools
	scripts/build-package.sh

bench: compile tools
	node lib/bench/synth-validate.js

# apctl status and drift on the live control plane with 10 Ready claims (about 15 minutes).
bench-cli: setup tools tools-live compile
	node lib/bench/cli-status.js

clean:
	rm -rf lib .build dist/*.tmp
