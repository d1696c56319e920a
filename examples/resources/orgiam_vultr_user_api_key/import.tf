# Adopt an existing key by "user_id/key_id". Vultr never shows the key again, so api_key is
# empty in state after an import.
import {
  to = orgiam_vultr_user_api_key.legacy
  id = "9f1c6a7e-5a1b-4c1e-9f55-0d6b2e0c1a11/5d2b9c1e-8a4f-4f0e-b1c2-7e3a9d6f0b21"
}

resource "orgiam_vultr_user_api_key" "legacy" {
  user_id = "9f1c6a7e-5a1b-4c1e-9f55-0d6b2e0c1a11"
  name    = "legacy-key"
}
