#ifndef ORGIAM_VULTR_SERVICE_USER_RESOURCE_H_
#define ORGIAM_VULTR_SERVICE_USER_RESOURCE_H_

#include <memory>

#include "framework/api_slot.h"
#include "framework/resource.h"
#include "vultr/vultr_api.h"

namespace orgiam::vultr {

using VultrSlot = framework::ApiSlot<VultrApi>;

// orgiam_vultr_service_user
std::unique_ptr<framework::Resource> MakeServiceUserResource(const VultrSlot* api);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_SERVICE_USER_RESOURCE_H_
