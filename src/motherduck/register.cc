#include "motherduck/register.h"

#include "motherduck/access_token_resource.h"
#include "motherduck/access_tokens_data_source.h"
#include "motherduck/ephemeral_access_token.h"
#include "motherduck/service_account_resource.h"

namespace orgiam::motherduck {

// One line per type; each Register... names its type once, in its own file.
void RegisterMotherduck(const MotherduckSlot* api, framework::Registry* registry) {
  RegisterServiceAccountResource(api, registry);
  RegisterAccessTokenResource(api, registry);
  RegisterAccessTokensDataSource(api, registry);
  RegisterEphemeralAccessToken(api, registry);
}

}  // namespace orgiam::motherduck
