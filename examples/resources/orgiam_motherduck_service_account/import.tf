# Adopt an existing service account by its username.
import {
  to = orgiam_motherduck_service_account.legacy
  id = "legacy_loader"
}

resource "orgiam_motherduck_service_account" "legacy" {
  username = "legacy_loader"
  # deletion_protection defaults to true after import as well.
}
