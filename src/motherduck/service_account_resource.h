#ifndef ORGIAM_MOTHERDUCK_SERVICE_ACCOUNT_RESOURCE_H_
#define ORGIAM_MOTHERDUCK_SERVICE_ACCOUNT_RESOURCE_H_

#include <memory>

#include "framework/resource.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

// orgiam_motherduck_service_account
std::unique_ptr<framework::Resource> MakeServiceAccountResource(const MotherduckSlot* api);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_SERVICE_ACCOUNT_RESOURCE_H_
