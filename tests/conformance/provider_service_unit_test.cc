// The tfproto handlers against a fake framework::Provider: what Terraform receives when a
// resource reports gone, fails, refuses an import, or is not implemented. No binary, no vendor.

#include <map>
#include <optional>
#include <string>

#include "cty/codec.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "gmock/gmock.h"
#include "grpc_clients.h"
#include "gtest/gtest.h"
#include "tfproto/provider_service.h"

namespace orgiam::conformance {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

constexpr char kType[] = "orgiam_vultr_service_user";

const framework::Schema& UserSchema() {
  return framework::SchemaFor(framework::SchemaKind::kResource, kType);
}

// Each call answers with what the test put in the public members.
class FakeResource : public framework::Resource {
 public:
  cty::Value Create(const cty::Value& planned, const cty::Value&,
                    framework::Diagnostics* diagnostics) override {
    ++creates;
    if (!error.empty()) diagnostics->AddError(error, "from the fake");
    return created.value_or(planned);
  }
  std::optional<cty::Value> Read(const cty::Value& state,
                                 framework::Diagnostics* diagnostics) override {
    ++reads;
    if (!error.empty()) diagnostics->AddError(error, "from the fake");
    if (gone) return std::nullopt;
    return state;
  }
  cty::Value Update(const cty::Value&, const cty::Value& planned, const cty::Value&,
                    framework::Diagnostics*) override {
    return planned;
  }
  void Delete(const cty::Value&, framework::Diagnostics*) override { ++deletes; }
  std::optional<cty::Value> Import(const std::string& id, framework::Diagnostics*) override {
    if (gone) return std::nullopt;
    return framework::ObjectBuilder(UserSchema()).SetString("id", id).Build();
  }

  std::string error;
  bool gone = false;
  std::optional<cty::Value> created;
  int creates = 0;
  int reads = 0;
  int deletes = 0;
};

class FakeProvider : public framework::Provider {
 public:
  explicit FakeProvider(FakeResource* resource) : resource_(resource) {}
  void Configure(const cty::Value&, framework::Diagnostics*) override {}
  framework::Resource* FindResource(std::string_view type_name) override {
    return type_name == kType ? resource_ : nullptr;
  }
  framework::DataSource* FindDataSource(std::string_view) override { return nullptr; }
  framework::EphemeralResource* FindEphemeral(std::string_view) override { return nullptr; }
  void Stop() override {}

 private:
  FakeResource* resource_;
};

class ProviderServiceTest : public ::testing::Test {
 protected:
  cty::Value Decoded(const tfplugin6::DynamicValue& value) {
    absl::StatusOr<cty::Value> decoded =
        cty::DecodeMsgpack(value.msgpack(), UserSchema().implied_type);
    EXPECT_TRUE(decoded.ok()) << decoded.status();
    return decoded.value_or(cty::Value());
  }

  static constexpr char kState[] =
      R"({"id":"u1","name":"n","email":"n@example.com","api_enabled":true,"acls":null,)"
      R"("password":null,"password_wo":null,"password_wo_version":null,"api_key":"k"})";

  FakeResource resource_;
  tfproto::ProviderService service_{std::make_unique<FakeProvider>(&resource_)};
};

TEST_F(ProviderServiceTest, AResourceThatIsGoneComesBackAsANullState) {
  resource_.gone = true;
  tfplugin6::ReadResource::Request request;
  request.set_type_name(kType);
  *request.mutable_current_state() = Json(kState);
  tfplugin6::ReadResource::Response response;
  ASSERT_TRUE(service_.ReadResource(nullptr, &request, &response).ok());
  EXPECT_THAT(response.diagnostics(), SizeIs(0));
  EXPECT_TRUE(Decoded(response.new_state()).IsNull());
  EXPECT_EQ(resource_.reads, 1);
}

TEST_F(ProviderServiceTest, AFailedReadKeepsTheStateAndSaysWhy) {
  resource_.error = "Could not read";
  resource_.gone = true;  // ignored: an error never drops the object
  tfplugin6::ReadResource::Request request;
  request.set_type_name(kType);
  *request.mutable_current_state() = Json(kState);
  tfplugin6::ReadResource::Response response;
  ASSERT_TRUE(service_.ReadResource(nullptr, &request, &response).ok());
  ASSERT_THAT(response.diagnostics(), SizeIs(1));
  EXPECT_EQ(response.diagnostics(0).summary(), "Could not read");
  EXPECT_EQ(Decoded(response.new_state()).GetAttr("id").AsString(), "u1");
}

TEST_F(ProviderServiceTest, AFailedCreateWithoutAnObjectLeavesNoState) {
  resource_.error = "Could not create";
  resource_.created = cty::Value::Null(UserSchema().implied_type);
  tfplugin6::ApplyResourceChange::Request request;
  request.set_type_name(kType);
  *request.mutable_prior_state() = Json("null");
  *request.mutable_planned_state() =
      Json(R"({"id":null,"name":"n","email":"n@example.com","api_enabled":true,"acls":null,)"
           R"("password":null,"password_wo":null,"password_wo_version":null,"api_key":null})");
  *request.mutable_config() = request.planned_state();
  tfplugin6::ApplyResourceChange::Response response;
  ASSERT_TRUE(service_.ApplyResourceChange(nullptr, &request, &response).ok());
  ASSERT_THAT(response.diagnostics(), SizeIs(1));
  EXPECT_EQ(response.diagnostics(0).summary(), "Could not create");
  EXPECT_TRUE(Decoded(response.new_state()).IsNull());
  EXPECT_EQ(resource_.creates, 1);
}

TEST_F(ProviderServiceTest, AnImportOfNothingIsOneClearError) {
  resource_.gone = true;
  tfplugin6::ImportResourceState::Request request;
  request.set_type_name(kType);
  request.set_id("u404");
  tfplugin6::ImportResourceState::Response response;
  ASSERT_TRUE(service_.ImportResourceState(nullptr, &request, &response).ok());
  EXPECT_THAT(response.imported_resources(), SizeIs(0));
  ASSERT_THAT(response.diagnostics(), SizeIs(1));
  EXPECT_EQ(response.diagnostics(0).summary(), "Cannot import non-existent remote object");
}

TEST_F(ProviderServiceTest, ATypeWithoutImplementationIsNamed) {
  tfplugin6::ReadResource::Request request;
  request.set_type_name("orgiam_zitadel_machine_user");  // has a schema, not in the fake
  *request.mutable_current_state() = Json("null");
  tfplugin6::ReadResource::Response response;
  ASSERT_TRUE(service_.ReadResource(nullptr, &request, &response).ok());
  ASSERT_THAT(response.diagnostics(), SizeIs(1));
  EXPECT_THAT(response.diagnostics(0).detail(), HasSubstr("orgiam_zitadel_machine_user"));
  EXPECT_EQ(resource_.reads, 0);
}

}  // namespace
}  // namespace orgiam::conformance
