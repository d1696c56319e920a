#ifndef ORGIAM_VULTR_API_KEY_EPHEMERAL_H_
#define ORGIAM_VULTR_API_KEY_EPHEMERAL_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "vultr/service_user_resource.h"

namespace orgiam::vultr {

// ephemeral orgiam_vultr_user_api_key
void RegisterApiKeyEphemeral(const VultrSlot* api, framework::Registry* registry);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_API_KEY_EPHEMERAL_H_
