#ifndef ORGIAM_MOTHERDUCK_SERVICE_ACCOUNT_RESOURCE_H_
#define ORGIAM_MOTHERDUCK_SERVICE_ACCOUNT_RESOURCE_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

// orgiam_motherduck_service_account
void RegisterServiceAccountResource(const MotherduckSlot* api, framework::Registry* registry);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_SERVICE_ACCOUNT_RESOURCE_H_
