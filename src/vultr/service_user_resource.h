#ifndef ORGIAM_VULTR_SERVICE_USER_RESOURCE_H_
#define ORGIAM_VULTR_SERVICE_USER_RESOURCE_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "vultr/vultr_api.h"

namespace orgiam::vultr {

// orgiam_vultr_service_user
void RegisterServiceUserResource(const VultrSlot* api, framework::Registry* registry);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_SERVICE_USER_RESOURCE_H_
