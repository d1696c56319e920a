#!/usr/bin/env bash
# make bench: figures as ratios against baselines measured in the same run.
#   1. start-up: exec → handshake line (median of 100) against exec of /bin/true, the two
#      alternating; idle RSS.
#   2. 1,000 Vultr service users against the sandbox vs 1,000 terraform_data: plan, apply
#      and refresh-plan wall time (medians of ORGIAM_BENCH_RUNS rounds, default 3), and API
#      requests per resource from /_sandbox/stats.
set -euo pipefail
build_dir=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
count=${ORGIAM_BENCH_COUNT:-1000}

work=$(mktemp -d "${TMPDIR:-/tmp}/orgiam-bench-XXXXXX")
cleanup() { stop_sandbox; rm -rf "$work"; }
trap cleanup EXIT

echo "## start-up"
"$build_dir/bench/handshake_bench" --runs 100 --binary "$build_dir/terraform-provider-orgiam"

start_sandbox "$build_dir"
install_provider "$build_dir" "$work"

runs=${ORGIAM_BENCH_RUNS:-3}
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

baseline_config="resource \"terraform_data\" \"user\" {
  count = $count
  input = { name = \"svc-\${count.index}\", email = \"svc-\${count.index}@example.com\" }
}"
orgiam_config="terraform {
  required_providers {
    orgiam = { source = \"orgiam/orgiam\" }
  }
}
provider \"orgiam\" {
  vultr {
    api_key    = \"sandbox-token\"
    endpoint   = \"$SANDBOX_URL\"
    rate_limit = 1000
  }
}
resource \"orgiam_vultr_service_user\" \"user\" {
  count = $count
  name  = \"svc-\${count.index}\"
  email = \"svc-\${count.index}@example.com\"
}"

# run_case NAME CONFIG RUN → times plan (create), apply, plan (refresh) in a fresh directory and
# appends them to NAME_plan, NAME_apply and NAME_refresh.
run_case() {
  local name=$1 dir="$work/$1-$3"
  mkdir -p "$dir"
  printf '%s\n' "$2" >"$dir/main.tf"
  (cd "$dir" && terraform init -input=false -no-color >/dev/null)
  local t
  t=$(now); (cd "$dir" && terraform plan -input=false -no-color -out=plan.bin >/dev/null)
  eval "${name}_plan+=\" $(elapsed "$t")\""
  t=$(now); (cd "$dir" && terraform apply -input=false -no-color plan.bin >/dev/null)
  eval "${name}_apply+=\" $(elapsed "$t")\""
  t=$(now); (cd "$dir" && terraform plan -input=false -no-color -detailed-exitcode >/dev/null)
  eval "${name}_refresh+=\" $(elapsed "$t")\""
}

# Rounds alternate the two cases so that a slow spell of the machine hits both alike; the
# sandbox starts each orgiam round empty, and its request counts are the last round's.
for round in $(seq "$runs"); do
  run_case baseline "$baseline_config" "$round"
  # The admin routes need the sandbox token (the default one: no --token is given).
  curl -sf -X POST -H "Authorization: Bearer sandbox-token" "$SANDBOX_URL/_sandbox/reset" >/dev/null
  curl -sf -X DELETE -H "Authorization: Bearer sandbox-token" "$SANDBOX_URL/_sandbox/stats" \
    >/dev/null
  run_case orgiam "$orgiam_config" "$round"
done
stats=$(curl -s -H "Authorization: Bearer sandbox-token" "$SANDBOX_URL/_sandbox/stats")
posts=$(echo "$stats" | jq '.requests["POST /v2/users"] // 0')
gets=$(echo "$stats" | jq '.requests["GET /v2/users/{id}"] // 0')

ratio() { echo "scale=2; $1 / $2" | bc; }
echo
echo "## $count Vultr service users vs $count terraform_data (same machine, same run)"
echo "Median of $runs rounds."
printf '| phase | terraform_data | orgiam | ratio |\n|---|---|---|---|\n'
for phase in plan apply refresh; do
  # shellcheck disable=SC2046  # the lists are space-separated numbers
  b=$(median $(eval echo "\$baseline_$phase"))
  # shellcheck disable=SC2046
  o=$(median $(eval echo "\$orgiam_$phase"))
  printf '| %s | %.2f s | %.2f s | %s× |\n' "$phase" "$b" "$o" "$(ratio "$o" "$b")"
done
echo
seconds() { printf ' %.2f' "$@"; }
for phase in plan apply refresh; do
  # shellcheck disable=SC2046
  echo "rounds, $phase (s): terraform_data$(seconds $(eval echo "\$baseline_$phase"));" \
    "orgiam$(seconds $(eval echo "\$orgiam_$phase"))"
done
echo
echo "API requests per resource: create $(ratio "$posts" "$count") (POST /v2/users)," \
  "refresh $(ratio "$gets" "$count") (GET /v2/users/{id}, all phases after apply)"
