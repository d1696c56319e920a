# By user id, by org_id/user_id, or by user name (searched in the provider's organization).
# Only machine users can be imported; a human user is refused.
# with_secret is read as ZITADEL reports it. The client secret itself cannot be read back:
# keep with_secret = true (or leave it unset) and the secret stays as it is. To get
# client_id/client_secret into the state, rotate it (false, apply, true, apply).
terraform import orgiam_zitadel_machine_user.legacy 285093486126563331
terraform import orgiam_zitadel_machine_user.legacy 285093486126563329/285093486126563331
terraform import orgiam_zitadel_machine_user.legacy legacy-bot
