#ifndef ORGIAM_VULTR_SERVICE_USER_RESOURCE_H_
#define ORGIAM_VULTR_SERVICE_USER_RESOURCE_H_

#include <memory>

#include "framework/resource.h"
#include "vultr/vultr_api.h"

namespace orgiam::vultr {

// orgiam_vultr_service_user
std::unique_ptr<framework::Resource> MakeServiceUserResource(const VultrSlot* api);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_SERVICE_USER_RESOURCE_H_
