#ifndef ORGIAM_MOTHERDUCK_ACCESS_TOKEN_RESOURCE_H_
#define ORGIAM_MOTHERDUCK_ACCESS_TOKEN_RESOURCE_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

// orgiam_motherduck_access_token
void RegisterAccessTokenResource(const MotherduckSlot* api, framework::Registry* registry);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_ACCESS_TOKEN_RESOURCE_H_
