#ifndef ORGIAM_SANDBOX_MOTHERDUCK_TOKENS_H_
#define ORGIAM_SANDBOX_MOTHERDUCK_TOKENS_H_

#include <cstdint>

#include "app.h"
#include "http_util.h"
#include "router.h"
#include "store.h"

namespace orgiam::sandbox {

// /v1/users/{username}/tokens and /v1/users/{username}/tokens/{token_id}.
void RegisterMotherDuckTokens(Router& router, App& app);

// A token as the list shows it (no secret): {id, name, description?, expire_at
// (or null), created_ts, read_only, token_type}.
Json MotherDuckTokenJson(const MotherDuckToken& token);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_MOTHERDUCK_TOKENS_H_
