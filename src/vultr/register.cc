#include "vultr/register.h"

#include "vultr/api_key_ephemeral.h"
#include "vultr/api_key_resource.h"
#include "vultr/invitation_resource.h"
#include "vultr/user_data_sources.h"

namespace orgiam::vultr {

// One line per type; each Register... names its type once, in its own file.
void RegisterVultr(const VultrSlot* api, framework::Registry* registry) {
  RegisterServiceUserResource(api, registry);
  RegisterInvitationResource(api, registry);
  RegisterApiKeyResource(api, registry);
  RegisterApiKeyEphemeral(api, registry);
  RegisterServiceUserDataSource(api, registry);
  RegisterUsersDataSource(api, registry);
}

}  // namespace orgiam::vultr
