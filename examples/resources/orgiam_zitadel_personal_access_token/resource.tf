# A machine user for a deployment pipeline and a personal access token it sends as
# "Authorization: Bearer <token>" to ZITADEL's APIs.
resource "orgiam_zitadel_machine_user" "deployer" {
  user_name = "deployer"
  name      = "Deployer"
}

resource "orgiam_zitadel_personal_access_token" "deployer" {
  user_id         = orgiam_zitadel_machine_user.deployer.id
  expiration_date = "2027-06-30T00:00:00Z" # omit for a token that does not expire
}

output "deployer_token" {
  value     = orgiam_zitadel_personal_access_token.deployer.token
  sensitive = true
}
