#include "motherduck/register.h"

#include "motherduck/access_token_resource.h"
#include "motherduck/access_tokens_data_source.h"
#include "motherduck/ephemeral_access_token.h"
#include "motherduck/service_account_resource.h"

namespace orgiam::motherduck {

void RegisterMotherduck(const MotherduckSlot* api, framework::Registry* registry) {
  registry->AddResource("orgiam_motherduck_service_account", MakeServiceAccountResource(api));
  registry->AddResource("orgiam_motherduck_access_token", MakeAccessTokenResource(api));
  registry->AddDataSource("orgiam_motherduck_access_tokens", MakeAccessTokensDataSource(api));
  registry->AddEphemeral("orgiam_motherduck_access_token", MakeEphemeralAccessToken(api));
}

}  // namespace orgiam::motherduck
