# By user_id/key_id:
terraform import orgiam_vultr_user_api_key.legacy 9f1c6a7e-5a1b-4c1e-9f55-0d6b2e0c1a11/5d2b9c1e-8a4f-4f0e-b1c2-7e3a9d6f0b21
