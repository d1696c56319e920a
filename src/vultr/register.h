#ifndef ORGIAM_VULTR_REGISTER_H_
#define ORGIAM_VULTR_REGISTER_H_

#include "framework/registry.h"
#include "vultr/service_user_resource.h"

namespace orgiam::vultr {

// Adds every Vultr resource, data source and ephemeral resource to `registry`.
void RegisterVultr(const VultrSlot* api, framework::Registry* registry);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_REGISTER_H_
