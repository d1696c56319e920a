#!/usr/bin/env bash
# Runs every test registered with CTest: unit, conformance, fuzzing (bounded) and the
# end-to-end tests with the real terraform. A missing terraform is a failure, not a skip.
set -euo pipefail
build_dir=${1:-build}
jobs=${2:-2}
export CHECKPOINT_DISABLE=1
if ! command -v terraform >/dev/null 2>&1; then
  echo "orgiam: terraform is not on PATH; the end-to-end tests need Terraform 1.11+." >&2
  exit 1
fi
cd "$build_dir"
ctest --output-on-failure -j "$jobs" --timeout 1800
