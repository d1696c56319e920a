# Invite a person to the organization. Vultr cannot revoke invitations: destroying the resource
# only forgets it, and a pending invitation stays valid until its expiration_date (a warning
# says so). Once accepted, the member stays (remove the user to take away access).
resource "orgiam_vultr_organization_invitation" "alice" {
  email       = "alice@example.com"
  api_enabled = false

  # Default: an invitation still Pending past its expiry is resent in place on the next apply;
  # one Vultr reports as Expired is replaced by a new invitation.
  resend_when_expired = true
}

output "alice_invitation_status" {
  value = orgiam_vultr_organization_invitation.alice.invite_status # Pending, Accepted or Expired
}
