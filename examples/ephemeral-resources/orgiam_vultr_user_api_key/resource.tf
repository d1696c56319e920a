# A short-lived API key, created when Terraform opens it and deleted when the run ends. It is
# never written to the state or plan files; Vultr also expires it after an hour as a safety net.
ephemeral "orgiam_vultr_user_api_key" "session" {
  user_id = "9f1c6a7e-5a1b-4c1e-9f55-0d6b2e0c1a11"
  # name defaults to "orgiam-ephemeral-<random>"
}

# Use it where ephemeral values are allowed: provider blocks, write-only arguments, other
# ephemeral resources. Here it configures a second provider instance for this run only.
# With a user_id known only after apply (the user is created in the same run), Terraform
# defers opening the key, and what uses the second provider, to the apply.
provider "orgiam" {
  alias = "session"
  vultr {
    api_key = ephemeral.orgiam_vultr_user_api_key.session.api_key
  }
}
