# assessment-platform: build (imports, compile, synth, validate) and test.
# CRDS_DIR points at the real CRDs (see README "CRDs"); override it: make build CRDS_DIR=/path/to/crds
CRDS_DIR ?= ../shared/crds
export CRDS_DIR

NPM_STAMP := node_modules/.package-lock.json
GROUPED := .build/crds

.PHONY: all setup imports compile synth build test typecheck jest bench clean

all: build

# Install the pinned npm dependencies (skipped when package-lock.json has not changed).
setup: $(NPM_STAMP)
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

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

# The main job: imports, compile, synth, then every test (schema, patch paths, CEL, policy, freshness).
build: imports synth test

# Every test: type-check once, then jest (which only transpiles).
test: setup
	npx tsc -p tsconfig.json --noEmit
	npx jest --ci

bench: compile
	node lib/bench/synth-validate.js

clean:
	rm -rf lib .build dist/*.tmp
