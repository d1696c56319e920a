# Adopt an existing token by <username>/<token_id>. The secret cannot be read back, so `token`
# stays empty after import; omit `ttl` (MotherDuck does not report it).
import {
  to = orgiam_motherduck_access_token.legacy
  id = "legacy_loader/3f1c2a9e-0b7d-4c55-9e0a-2d1f6b8c4e21"
}

resource "orgiam_motherduck_access_token" "legacy" {
  username = "legacy_loader"
  name     = "nightly-load"
}
