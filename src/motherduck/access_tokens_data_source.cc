// data "orgiam_motherduck_access_tokens": the unexpired tokens of one user, without secrets.

#include "motherduck/access_tokens_data_source.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::motherduck {
namespace {

constexpr char kTypeName[] = "orgiam_motherduck_access_tokens";

class AccessTokensDataSource : public framework::VendorDataSource<MotherduckApi> {
 public:
  using VendorDataSource::VendorDataSource;

  cty::Value ReadWith(MotherduckApi& api, const cty::Value& config,
                      framework::Diagnostics* diagnostics) override {
    const framework::Schema& schema = framework::DataSourceSchema(kTypeName);
    const std::string username = framework::GetString(config, "username");
    absl::StatusOr<std::vector<Token>> tokens = api.ListTokens(username);
    if (!tokens.ok()) {
      diagnostics->AddStatus(tokens.status(),
                             absl::StrCat("Could not list the access tokens of \"", username, "\""),
                             cty::Path().Attr("username"));
      return cty::Value();
    }
    const cty::Type element_type = schema.implied_type.attributes().at("tokens").element();
    std::vector<cty::Value> elements;
    elements.reserve(tokens->size());
    for (const Token& token : *tokens) {
      elements.push_back(cty::Value::Object(
          element_type, {{"id", cty::Value::String(token.id)},
                         {"name", cty::Value::String(token.name)},
                         {"description", token.description ? cty::Value::String(*token.description)
                                                           : cty::Value::Null(cty::Type::String())},
                         {"expire_at", cty::Value::String(token.expire_at)},
                         {"created_ts", cty::Value::String(token.created_ts)},
                         {"read_only", cty::Value::Bool(token.read_only)},
                         {"token_type", cty::Value::String(token.token_type)}}));
    }
    return framework::ObjectBuilder(schema)
        .SetString("username", username)
        .Set("tokens", cty::Value::List(element_type, std::move(elements)))
        .Build();
  }
};

}  // namespace

void RegisterAccessTokensDataSource(const MotherduckSlot* api, framework::Registry* registry) {
  registry->AddDataSource(kTypeName, std::make_unique<AccessTokensDataSource>(api));
}

}  // namespace orgiam::motherduck
