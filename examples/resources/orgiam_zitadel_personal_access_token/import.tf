# Adopt an existing token by "user_id/token_id" ("org_id/user_id/token_id" for a user of
# another organization). ZITADEL never shows the token again, so token is empty in state after
# an import.
import {
  to = orgiam_zitadel_personal_access_token.legacy
  id = "259344123456789012/259344987654321098"
}

resource "orgiam_zitadel_personal_access_token" "legacy" {
  user_id = "259344123456789012"
}
