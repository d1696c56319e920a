#ifndef ORGIAM_VULTR_API_KEY_RESOURCE_H_
#define ORGIAM_VULTR_API_KEY_RESOURCE_H_

#include <memory>

#include "framework/resource.h"
#include "vultr/service_user_resource.h"

namespace orgiam::vultr {

// orgiam_vultr_user_api_key (managed)
std::unique_ptr<framework::Resource> MakeApiKeyResource(const VultrSlot* api);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_API_KEY_RESOURCE_H_
