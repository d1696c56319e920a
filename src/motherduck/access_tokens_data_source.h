#ifndef ORGIAM_MOTHERDUCK_ACCESS_TOKENS_DATA_SOURCE_H_
#define ORGIAM_MOTHERDUCK_ACCESS_TOKENS_DATA_SOURCE_H_

#include <memory>

#include "framework/resource.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

// data "orgiam_motherduck_access_tokens"
std::unique_ptr<framework::DataSource> MakeAccessTokensDataSource(const MotherduckSlot* api);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_ACCESS_TOKENS_DATA_SOURCE_H_
