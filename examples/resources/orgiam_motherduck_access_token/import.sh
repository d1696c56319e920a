# By <username>/<token_id>:
terraform import orgiam_motherduck_access_token.legacy legacy_loader/3f1c2a9e-0b7d-4c55-9e0a-2d1f6b8c4e21
