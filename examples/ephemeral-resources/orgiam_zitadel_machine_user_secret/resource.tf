# A fresh client secret for a machine user, generated when Terraform opens the resource and
# removed again when it closes. It never reaches state or plan files: pass it on to
# write-only arguments, provider blocks or other ephemeral resources.
# Each open rotates the user's secret, so use it for users that need no standing secret.
resource "orgiam_zitadel_machine_user" "job" {
  user_name = "nightly-job"
  name      = "Nightly job"
}

ephemeral "orgiam_zitadel_machine_user_secret" "job" {
  user_id = orgiam_zitadel_machine_user.job.id
  org_id  = orgiam_zitadel_machine_user.job.org_id
}

# For example, a provider that logs in with the client-credentials flow:
# provider "example" {
#   client_id     = ephemeral.orgiam_zitadel_machine_user_secret.job.client_id
#   client_secret = ephemeral.orgiam_zitadel_machine_user_secret.job.client_secret
# }
