#!/usr/bin/env bash
# Runs every test registered with CTest: unit, conformance, fuzzing (bounded) and the
# end-to-end tests with the real terraform. A missing terraform is a failure, not a skip.
#
# run-tests.sh --sanitizers BUILD_DIR [JOBS] (make asan) runs the tests of a sanitizer build
# (ORGIAM_SANITIZE, cmake/Sanitizers.cmake) but the end-to-end ones: the unit, conformance,
# HTTP client and sandbox tests, the provider and sandbox they start being sanitized too.
# It fails when a test fails or when any process wrote a sanitizer report to
# BUILD_DIR/sanitizer-logs (the provider's stderr is not the test's, so a report there would
# otherwise go unseen); the reports are printed.
set -euo pipefail

if [ "${1:-}" = "--sanitizers" ]; then
  shift
  build_dir=${1:-build-asan}
  jobs=${2:-2}
  if ! grep -Eq '^ORGIAM_SANITIZE:STRING=.+' "$build_dir/CMakeCache.txt" 2>/dev/null; then
    echo "orgiam: $build_dir is not a sanitizer build (configure it with -DORGIAM_SANITIZE=...)" >&2
    exit 1
  fi
  cd "$build_dir"
  logs=sanitizer-logs
  mkdir -p "$logs"
  find "$logs" -mindepth 1 -delete
  status=0
  started=$(date +%s)
  ctest --output-on-failure -j "$jobs" --timeout 1800 --no-tests=error -LE 'e2e|fuzz' || status=$?
  reports=$(find "$logs" -type f | sort)
  if [ -n "$reports" ]; then
    status=1
    for report in $reports; do
      echo "=== sanitizer report $build_dir/$report" >&2
      cat "$report" >&2
    done
    echo "orgiam: $(echo "$reports" | wc -l) sanitizer report(s) in $build_dir/$logs" >&2
  fi
  echo "orgiam: sanitizer tests took $(( $(date +%s) - started ))s" >&2
  exit "$status"
fi

build_dir=${1:-build}
jobs=${2:-2}
export CHECKPOINT_DISABLE=1
if ! command -v terraform >/dev/null 2>&1; then
  echo "orgiam: terraform is not on PATH; the end-to-end tests need Terraform 1.11+." >&2
  exit 1
fi
cd "$build_dir"
ctest --output-on-failure -j "$jobs" --timeout 1800
