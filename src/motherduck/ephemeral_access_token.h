#ifndef ORGIAM_MOTHERDUCK_EPHEMERAL_ACCESS_TOKEN_H_
#define ORGIAM_MOTHERDUCK_EPHEMERAL_ACCESS_TOKEN_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

// ephemeral "orgiam_motherduck_access_token"
void RegisterEphemeralAccessToken(const MotherduckSlot* api, framework::Registry* registry);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_EPHEMERAL_ACCESS_TOKEN_H_
