# By id or by email. Only service users: a person's account (service_user = false) is refused.
terraform import orgiam_vultr_service_user.legacy 9f1c6a7e-5a1b-4c1e-9f55-0d6b2e0c1a11
terraform import orgiam_vultr_service_user.legacy legacy-bot@example.com
