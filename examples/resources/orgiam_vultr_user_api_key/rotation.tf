# Scheduled rotation: change rotation_id (e.g. from CI, once a month) and the key is replaced.
# The new key is created before the old one is deleted, so consumers can switch over.
variable "user_id" {
  type        = string
  description = "The Vultr user that owns the rotated key."
}

variable "rotation_id" {
  type        = string
  description = "Any value; changing it rotates the key (e.g. \"2026-11\")."
}

resource "terraform_data" "rotation" {
  input = var.rotation_id
}

resource "orgiam_vultr_user_api_key" "rotated" {
  user_id = var.user_id
  name    = "rotated-key"

  lifecycle {
    create_before_destroy = true
    replace_triggered_by  = [terraform_data.rotation]
  }
}

output "rotated_api_key" {
  value     = orgiam_vultr_user_api_key.rotated.api_key
  sensitive = true
}
