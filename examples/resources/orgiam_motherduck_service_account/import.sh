# By username:
terraform import orgiam_motherduck_service_account.legacy legacy_loader
