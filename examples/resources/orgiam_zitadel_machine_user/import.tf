# Adopt an existing machine user by user name (searched in the provider's organization),
# by user id, or by org_id/user_id.
import {
  to = orgiam_zitadel_machine_user.legacy
  id = "legacy-bot"
}

resource "orgiam_zitadel_machine_user" "legacy" {
  user_name = "legacy-bot"
  name      = "Legacy bot"
}
