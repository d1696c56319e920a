# A service account for CI. Deleting a MotherDuck account deletes every database it owns, so
# deletion_protection (default true) makes `terraform destroy` fail until it is set to false
# and applied.
resource "orgiam_motherduck_service_account" "ci" {
  username = "ci_pipeline"
}
