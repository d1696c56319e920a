# By user id, by org_id/user_id, or by user name (searched in the provider's organization).
# The client secret cannot be read back: set with_secret = false, or keep true and rotate it
# (false, apply, true, apply) to get client_id/client_secret into state.
terraform import orgiam_zitadel_machine_user.legacy 285093486126563331
terraform import orgiam_zitadel_machine_user.legacy 285093486126563329/285093486126563331
terraform import orgiam_zitadel_machine_user.legacy legacy-bot
