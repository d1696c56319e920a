# Adopt an existing user by email (or by its id).
import {
  to = orgiam_vultr_service_user.legacy
  id = "legacy-bot@example.com"
}

resource "orgiam_vultr_service_user" "legacy" {
  name  = "legacy-bot"
  email = "legacy-bot@example.com"
}
