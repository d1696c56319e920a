#ifndef ORGIAM_VULTR_API_KEY_EPHEMERAL_H_
#define ORGIAM_VULTR_API_KEY_EPHEMERAL_H_

#include <memory>

#include "framework/resource.h"
#include "vultr/service_user_resource.h"

namespace orgiam::vultr {

// ephemeral orgiam_vultr_user_api_key
std::unique_ptr<framework::EphemeralResource> MakeApiKeyEphemeral(const VultrSlot* api);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_API_KEY_EPHEMERAL_H_
