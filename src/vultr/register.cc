#include "vultr/register.h"

#include "vultr/user_data_sources.h"

namespace orgiam::vultr {

void RegisterVultr(const VultrSlot* api, framework::Registry* registry) {
  registry->AddResource("orgiam_vultr_service_user", MakeServiceUserResource(api));
  registry->AddDataSource("orgiam_vultr_service_user", MakeServiceUserDataSource(api));
  registry->AddDataSource("orgiam_vultr_users", MakeUsersDataSource(api));
}

}  // namespace orgiam::vultr
