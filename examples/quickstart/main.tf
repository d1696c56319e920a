# A service user for a CI pipeline, managed as code.
#
# Against the real Vultr API: export VULTR_API_KEY and leave vultr_endpoint at its default.
# Against the local sandbox (what `make demo` does): set vultr_endpoint to the sandbox URL.

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

provider "orgiam" {
  vultr {
    api_key  = var.vultr_api_key
    endpoint = var.vultr_endpoint
  }
}

resource "orgiam_vultr_service_user" "ci" {
  name  = "ci-deployer"
  email = "ci-deployer@example.com"
  acls  = ["dns", "loadbalancer"]
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
