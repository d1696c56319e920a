# An additional API key for a service user. The key is shown by Vultr only at creation; it is
# kept in state as a sensitive value.
resource "orgiam_vultr_service_user" "deployer" {
  name  = "deployer"
  email = "deployer@example.com"
  acls  = ["dns"]
}

resource "orgiam_vultr_user_api_key" "ci" {
  user_id     = orgiam_vultr_service_user.deployer.id
  name        = "ci-pipeline"
  date_expire = "2030-01-01T00:00:00Z" # optional; without it the key does not expire
}

output "ci_api_key" {
  value     = orgiam_vultr_user_api_key.ci.api_key
  sensitive = true
}
