# By id or by invited email:
terraform import orgiam_vultr_organization_invitation.bob 3c2f8a41-7d0e-4b8e-a0b9-1f6c2d9e5a10
terraform import orgiam_vultr_organization_invitation.bob bob@example.com
