// data "orgiam_motherduck_access_tokens": the unexpired tokens of one user, without secrets.

#include "motherduck/access_tokens_data_source.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::motherduck {
namespace {

constexpr char kTypeName[] = "orgiam_motherduck_access_tokens";

cty::Value ReadAccessTokens(MotherduckApi& api, const cty::Value& config,
                            framework::Diagnostics* diagnostics) {
  const std::string username = framework::GetString(config, "username");
  absl::StatusOr<std::vector<Token>> tokens = api.ListTokens(username);
  if (!tokens.ok()) {
    diagnostics->AddStatus(tokens.status(),
                           absl::StrCat("Could not list the access tokens of \"", username, "\""),
                           cty::Path().Attr("username"));
    return cty::Value();
  }
  return framework::ObjectBuilder(framework::DataSourceSchema(kTypeName))
      .SetString("username", username)
      .SetObjectList("tokens", *tokens,
                     [](const Token& token, framework::ObjectBuilder& element) {
                       element.SetString("id", token.id)
                           .SetString("name", token.name)
                           .SetString("expire_at", token.expire_at)
                           .SetString("created_ts", token.created_ts)
                           .SetBool("read_only", token.read_only)
                           .SetString("token_type", token.token_type);
                       if (token.description) element.SetString("description", *token.description);
                     })
      .Build();
}

}  // namespace

void RegisterAccessTokensDataSource(const MotherduckSlot* api, framework::Registry* registry) {
  registry->AddDataSource(kTypeName, framework::VendorDataSource(api, &ReadAccessTokens));
}

}  // namespace orgiam::motherduck
