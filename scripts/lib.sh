# Shared by demo.sh and bench.sh: the sandbox and an offline provider installation.
# shellcheck shell=bash

# The provider's version, kept once in VERSION at the repository root (CMake reads it too).
ORGIAM_VERSION=$(<"$(dirname "${BASH_SOURCE[0]}")/../VERSION")

# start_sandbox BUILD_DIR → sets SANDBOX_URL and SANDBOX_PID.
start_sandbox() {
  local build_dir=$1 fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  "$build_dir/orgiam-sandbox" --port 0 >"$fifo" &
  SANDBOX_PID=$!
  read -r SANDBOX_URL <"$fifo"
  rm -f "$fifo"
  if [ -z "$SANDBOX_URL" ]; then
    echo "orgiam: the sandbox did not start" >&2
    return 1
  fi
}

stop_sandbox() {
  if [ -n "${SANDBOX_PID:-}" ]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
    SANDBOX_PID=
  fi
}

# install_provider BUILD_DIR WORK_DIR → a filesystem mirror and CLI config in WORK_DIR;
# exports TF_CLI_CONFIG_FILE so terraform installs orgiam/orgiam from it, never the network.
install_provider() {
  local build_dir=$1 work=$2
  local package="$work/mirror/registry.terraform.io/orgiam/orgiam/$ORGIAM_VERSION/linux_amd64"
  mkdir -p "$package"
  cp "$build_dir/terraform-provider-orgiam" "$package/terraform-provider-orgiam_v$ORGIAM_VERSION"
  cat >"$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["registry.terraform.io/orgiam/*"]
  }
  direct {
    exclude = ["registry.terraform.io/orgiam/*"]
  }
}
RC
  export TF_CLI_CONFIG_FILE="$work/terraformrc"
  export CHECKPOINT_DISABLE=1
  export TF_IN_AUTOMATION=1
}

# sandbox_call METHOD PATH [JSON] → prints the response body.
sandbox_call() {
  curl -sS --fail-with-body -X "$1" -H "Authorization: Bearer sandbox-token" -H "Content-Type: application/json" \
    ${3:+--data "$3"} "$SANDBOX_URL$2"
}
