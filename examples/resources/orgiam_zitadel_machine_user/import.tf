# Adopt an existing machine user by user name (searched in the provider's organization),
# by user id, or by org_id/user_id.
import {
  to = orgiam_zitadel_machine_user.legacy
  id = "legacy-bot"
}

resource "orgiam_zitadel_machine_user" "legacy" {
  user_name = "legacy-bot"
  name      = "Legacy bot"
  # As the user is: true when it has a client secret (left unset, it keeps what it has).
  # false would remove the secret.
  with_secret = true
}
