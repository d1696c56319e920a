# A service user whose password never touches state (Terraform 1.11+ write-only argument).
variable "ci_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "orgiam_vultr_service_user" "ci" {
  name                = "ci-deployer"
  email               = "ci-deployer@example.com"
  acls                = ["dns", "loadbalancer"]
  password_wo         = var.ci_password
  password_wo_version = 1 # bump to send a new password
}

output "ci_api_key" {
  value     = orgiam_vultr_service_user.ci.api_key
  sensitive = true
}
