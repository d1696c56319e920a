# A short-lived token minted for this Terraform run only: created when Terraform opens the
# ephemeral resource, revoked when it closes it, never written to state or plan files. Pass it
# on to write-only arguments, provider blocks or other ephemeral resources.
resource "orgiam_motherduck_service_account" "ci" {
  username = "ci_pipeline"
}

ephemeral "orgiam_motherduck_access_token" "run" {
  # .id is unknown until the account exists, so on a first apply Terraform opens this after
  # creating the account (with .username it would try at plan time, before the account exists).
  # A provider block needs the token at plan time: create the account in an earlier apply.
  username = orgiam_motherduck_service_account.ci.id
  ttl      = 900 # seconds; defaults to 3600
  # name defaults to "orgiam-ephemeral-<random>"
}

# For example, a provider that connects to MotherDuck:
# provider "example" {
#   motherduck_token = ephemeral.orgiam_motherduck_access_token.run.token
# }
