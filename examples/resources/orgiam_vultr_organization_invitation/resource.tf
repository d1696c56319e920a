# Invite a person to the organization. Destroying the resource revokes the invitation while
# it is pending; once accepted, the member stays (remove the user to take away access).
resource "orgiam_vultr_organization_invitation" "alice" {
  email       = "alice@example.com"
  api_enabled = false

  # Default: an invitation that expired unanswered is resent in place on the next apply.
  resend_when_expired = true
}

output "alice_invitation_status" {
  value = orgiam_vultr_organization_invitation.alice.invite_status # Pending, Accepted or Expired
}
