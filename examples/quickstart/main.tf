# One robot identity per vendor, managed as code: a Vultr service user, a ZITADEL machine
# user with a client secret, and a MotherDuck service account with an access token.
#
# Against the real APIs: export VULTR_API_KEY, ZITADEL_TOKEN and MOTHERDUCK_TOKEN, and set
# zitadel_domain. Against the local sandbox (what `make demo` does): point the endpoints at the
# sandbox URL and use its token.

terraform {
  required_version = ">= 1.11"
  required_providers {
    orgiam = {
      source  = "orgiam/orgiam"
      version = "~> 0.1"
    }
  }
}

variable "vultr_endpoint" {
  type        = string
  default     = "https://api.vultr.com"
  description = "Base URL of the Vultr API (the sandbox URL for a local run)."
}

variable "vultr_api_key" {
  type        = string
  default     = null
  sensitive   = true
  description = "Vultr API key; when null the provider reads VULTR_API_KEY."
}

variable "zitadel_domain" {
  type        = string
  default     = "https://acme.zitadel.cloud"
  description = "Your ZITADEL instance (the sandbox URL for a local run)."
}

variable "zitadel_token" {
  type      = string
  default   = null
  sensitive = true
}

variable "motherduck_endpoint" {
  type    = string
  default = "https://api.motherduck.com"
}

variable "motherduck_token" {
  type      = string
  default   = null
  sensitive = true
}

provider "orgiam" {
  vultr {
    api_key  = var.vultr_api_key
    endpoint = var.vultr_endpoint
  }
  zitadel {
    domain = var.zitadel_domain
    token  = var.zitadel_token
  }
  motherduck {
    token    = var.motherduck_token
    endpoint = var.motherduck_endpoint
  }
}

resource "orgiam_vultr_service_user" "ci" {
  name  = "ci-deployer"
  email = "ci-deployer@example.com"
  acls  = ["dns", "loadbalancer"]
}

resource "orgiam_zitadel_machine_user" "ci" {
  user_name   = "ci-deployer"
  name        = "CI deployer"
  with_secret = true # client_id / client_secret for the client-credentials flow
}

resource "orgiam_motherduck_service_account" "ci" {
  username = "ci_deployer"
  # MotherDuck deletes every database an account owns when the account is deleted, so the
  # provider refuses to destroy it until this is false.
  deletion_protection = false
}

resource "orgiam_motherduck_access_token" "ci" {
  username = orgiam_motherduck_service_account.ci.username
  name     = "ci"
  ttl      = 86400
}

output "ci_user_id" {
  value = orgiam_vultr_service_user.ci.id
}

# The API key is sensitive: read it with `terraform output -raw ci_api_key` and store it in
# your CI's secret store.
output "ci_api_key" {
  value     = orgiam_vultr_service_user.ci.api_key
  sensitive = true
}
