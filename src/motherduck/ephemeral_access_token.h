#ifndef ORGIAM_MOTHERDUCK_EPHEMERAL_ACCESS_TOKEN_H_
#define ORGIAM_MOTHERDUCK_EPHEMERAL_ACCESS_TOKEN_H_

#include <memory>

#include "framework/resource.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

// ephemeral "orgiam_motherduck_access_token"
std::unique_ptr<framework::EphemeralResource> MakeEphemeralAccessToken(const MotherduckSlot* api);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_EPHEMERAL_ACCESS_TOKEN_H_
