#!/usr/bin/env bash
# make demo: the quickstart against the local sandbox, start to finish.
set -euo pipefail
build_dir=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"

command -v terraform >/dev/null || { echo "orgiam: terraform 1.11+ must be on PATH" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/orgiam-demo-XXXXXX")
cleanup() { stop_sandbox; rm -rf "$work"; }
trap cleanup EXIT

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

start_sandbox "$build_dir"
install_provider "$build_dir" "$work"
cp -r "$root/examples/quickstart" "$work/quickstart"
cd "$work/quickstart"
cat >terraform.tfvars <<VARS
vultr_endpoint      = "$SANDBOX_URL"
vultr_api_key       = "sandbox-token"
zitadel_domain      = "$SANDBOX_URL"
zitadel_token       = "sandbox-token"
motherduck_endpoint = "$SANDBOX_URL"
motherduck_token    = "sandbox-token"
VARS
echo "Sandbox (an offline copy of the vendors' APIs) at $SANDBOX_URL"

step "terraform init (provider from a local filesystem mirror)"
terraform init -input=false -no-color >/dev/null && echo "initialised"

step "terraform apply"
terraform apply -auto-approve -input=false -no-color | grep -E "^(orgiam_|Apply complete)"

step "terraform plan -detailed-exitcode (expect: no changes)"
set +e
terraform plan -detailed-exitcode -input=false -no-color >/dev/null
code=$?
set -e
[ "$code" -eq 0 ] && echo "no changes (exit 0)" || { echo "unexpected plan exit $code"; exit 1; }

step "adopting a user created outside Terraform with an import block"
sandbox_call POST /v2/users \
  '{"name":"legacy-bot","email":"legacy-bot@example.com","password":"made-outside-terraform-1","service_user":true,"acls":["dns"]}' \
  >/dev/null
cat >import.tf <<'TF'
import {
  to = orgiam_vultr_service_user.legacy
  id = "legacy-bot@example.com"
}

resource "orgiam_vultr_service_user" "legacy" {
  name  = "legacy-bot"
  email = "legacy-bot@example.com"
  acls  = ["dns"]
}
TF
terraform apply -auto-approve -input=false -no-color | grep -E "(Importing|Import complete|Apply complete)"

step "what Terraform manages"
terraform state list
echo "ci_user_id = $(terraform output -raw ci_user_id)"
echo "ci_api_key = (sensitive; terraform output -raw ci_api_key)"
counts() {
  # The admin routes need the sandbox token, as the vendor APIs do.
  curl -s -H "Authorization: Bearer sandbox-token" "$SANDBOX_URL/_sandbox/state" | jq -r '"Vultr users: \(.vultr.users | length), ZITADEL users: \(.zitadel.users | length), MotherDuck accounts: \(.motherduck.users | length), MotherDuck tokens: \(.motherduck.tokens | length)"'
}
echo "in the sandbox: $(counts)"

step "terraform destroy"
terraform destroy -auto-approve -input=false -no-color | grep -E "Destroy complete"
echo "left in the sandbox: $(counts)"
printf '\nDemo finished: created, re-planned clean, imported and destroyed against the sandbox.\n'
