#include "vultr/register.h"

#include "vultr/api_key_ephemeral.h"
#include "vultr/api_key_resource.h"
#include "vultr/invitation_resource.h"
#include "vultr/user_data_sources.h"

namespace orgiam::vultr {

void RegisterVultr(const VultrSlot* api, framework::Registry* registry) {
  registry->AddResource("orgiam_vultr_service_user", MakeServiceUserResource(api));
  registry->AddResource("orgiam_vultr_organization_invitation", MakeInvitationResource(api));
  registry->AddResource("orgiam_vultr_user_api_key", MakeApiKeyResource(api));
  registry->AddEphemeral("orgiam_vultr_user_api_key", MakeApiKeyEphemeral(api));
  registry->AddDataSource("orgiam_vultr_service_user", MakeServiceUserDataSource(api));
  registry->AddDataSource("orgiam_vultr_users", MakeUsersDataSource(api));
}

}  // namespace orgiam::vultr
