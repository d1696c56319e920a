# Adopt an invitation that was sent outside Terraform, by invited email (or by its id).
import {
  to = orgiam_vultr_organization_invitation.bob
  id = "bob@example.com"
}

resource "orgiam_vultr_organization_invitation" "bob" {
  email = "bob@example.com"
}
