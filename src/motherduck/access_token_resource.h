#ifndef ORGIAM_MOTHERDUCK_ACCESS_TOKEN_RESOURCE_H_
#define ORGIAM_MOTHERDUCK_ACCESS_TOKEN_RESOURCE_H_

#include <memory>

#include "framework/resource.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

// orgiam_motherduck_access_token
std::unique_ptr<framework::Resource> MakeAccessTokenResource(const MotherduckSlot* api);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_ACCESS_TOKEN_RESOURCE_H_
