# A machine user for CI with a client secret for the client-credentials flow.
resource "orgiam_zitadel_machine_user" "ci" {
  user_name         = "ci-deployer"
  name              = "CI deployer"
  description       = "Deploys from the main branch"
  access_token_type = "ACCESS_TOKEN_TYPE_JWT"
  with_secret       = true # set to false to remove the secret
  # org_id = "123456789012345678" # defaults to the provider's org_id, else the token's own
}

output "ci_client_id" {
  value     = orgiam_zitadel_machine_user.ci.client_id
  sensitive = true
}

output "ci_client_secret" {
  value     = orgiam_zitadel_machine_user.ci.client_secret
  sensitive = true
}
