#ifndef ORGIAM_VULTR_API_KEY_RESOURCE_H_
#define ORGIAM_VULTR_API_KEY_RESOURCE_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "vultr/service_user_resource.h"

namespace orgiam::vultr {

// orgiam_vultr_user_api_key (managed)
void RegisterApiKeyResource(const VultrSlot* api, framework::Registry* registry);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_API_KEY_RESOURCE_H_
