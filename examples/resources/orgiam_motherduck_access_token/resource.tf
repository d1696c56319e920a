resource "orgiam_motherduck_service_account" "ci" {
  username = "ci_pipeline"
}

# A read/write token valid for 90 days. The token is captured once at creation and kept as a
# sensitive value; when it expires (or is revoked), the next plan re-creates it.
resource "orgiam_motherduck_access_token" "ci" {
  username    = orgiam_motherduck_service_account.ci.username
  name        = "ci-deploy"
  description = "Used by the deploy pipeline"
  ttl         = 90 * 24 * 3600
}

output "ci_token" {
  value     = orgiam_motherduck_access_token.ci.token
  sensitive = true
}
