#ifndef ORGIAM_MOTHERDUCK_ACCESS_TOKENS_DATA_SOURCE_H_
#define ORGIAM_MOTHERDUCK_ACCESS_TOKENS_DATA_SOURCE_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

// data "orgiam_motherduck_access_tokens"
void RegisterAccessTokensDataSource(const MotherduckSlot* api, framework::Registry* registry);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_ACCESS_TOKENS_DATA_SOURCE_H_
