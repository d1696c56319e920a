#ifndef ORGIAM_SANDBOX_VULTR_API_KEYS_H_
#define ORGIAM_SANDBOX_VULTR_API_KEYS_H_

#include "app.h"
#include "http_util.h"
#include "router.h"
#include "store.h"

namespace orgiam::sandbox {

// /v2/users/{id}/apikeys and /v2/users/{id}/apikeys/{apikey_id}.
void RegisterVultrApiKeys(Router& router, App& app);

// A key as GET shows it: {id, name, api_key (masked), expire, date_created,
// date_expire}.
Json VultrApiKeyJson(const VultrApiKey& key);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_VULTR_API_KEYS_H_
