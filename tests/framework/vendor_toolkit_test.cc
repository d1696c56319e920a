// The pieces every vendor type is built from (framework/vendor_type.h, read_back.h,
// import_id.h, private_ids.h, ephemeral_name.h, ObjectBuilder::SetObjectList), each on its own:
// the e2e tests only see them through whole resources.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cty/value.h"
#include "framework/api_slot.h"
#include "framework/ephemeral_name.h"
#include "framework/import_id.h"
#include "framework/object_builder.h"
#include "framework/private_ids.h"
#include "framework/read_back.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::framework {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

std::string OnlyError(const Diagnostics& diagnostics) {
  EXPECT_EQ(diagnostics.items().size(), 1u);
  if (diagnostics.items().empty()) return "";
  EXPECT_EQ(diagnostics.items()[0].severity, Diagnostic::Severity::kError);
  return diagnostics.items()[0].summary + ": " + diagnostics.items()[0].detail;
}

TEST(SplitImportIdTest, SplitsParentAndChild) {
  Diagnostics diagnostics;
  const std::optional<ParentChildId> ids =
      SplitImportId("user-1/key-2", "user_id/key_id", "", &diagnostics);
  ASSERT_TRUE(ids.has_value());
  EXPECT_EQ(ids->parent, "user-1");
  EXPECT_EQ(ids->child, "key-2");
  EXPECT_TRUE(diagnostics.empty());
}

TEST(SplitImportIdTest, RefusesEveryOtherFormWithOneError) {
  for (const std::string id : {"", "/", "a/", "/b", "ab", "a/b/c", "a//b"}) {
    Diagnostics diagnostics;
    EXPECT_FALSE(SplitImportId(id, "user_id/key_id", "Hint.", &diagnostics).has_value()) << id;
    EXPECT_EQ(OnlyError(diagnostics),
              "Invalid import id: Expected user_id/key_id, got \"" + id + "\". Hint.");
  }
}

TEST(SplitImportIdTest, QuotesALongOrHostileIdBounded) {
  Diagnostics diagnostics;
  const std::string id = std::string(10000, 'x') + "\n\x1b[31m";
  EXPECT_FALSE(SplitImportId(id, "a/b", "", &diagnostics).has_value());
  const std::string text = OnlyError(diagnostics);
  EXPECT_LT(text.size(), 200u);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
}

TEST(PrivateIdsTest, RoundTrips) {
  Diagnostics diagnostics;
  const std::string data = EncodePrivateIds({{"user_id", "u1"}, {"key_id", "k\"2"}});
  const std::optional<PrivateIds> ids =
      DecodePrivateIds(data, {"user_id", "key_id"}, "Could not close", &diagnostics);
  ASSERT_TRUE(ids.has_value()) << OnlyError(diagnostics);
  EXPECT_EQ(ids->at("user_id"), "u1");
  EXPECT_EQ(ids->at("key_id"), "k\"2");
}

TEST(PrivateIdsTest, AnIllFormedByteDoesNotThrow) {
  Diagnostics diagnostics;
  const std::string data = EncodePrivateIds({{"user_id", "u\xff"}});
  EXPECT_TRUE(DecodePrivateIds(data, {"user_id"}, "s", &diagnostics).has_value());
}

TEST(PrivateIdsTest, RefusesWhatOpenDidNotWrite) {
  const std::vector<std::string> inputs = {"",
                                           "not json",
                                           "[1,2]",
                                           "{\"user_id\": 5}",
                                           "{\"key_id\": \"k\"}",
                                           std::string(70000, ' '),
                                           std::string(5000, '[')};
  for (const std::string& input : inputs) {
    Diagnostics diagnostics;
    EXPECT_FALSE(
        DecodePrivateIds(input, {"user_id"}, "Could not close the thing", &diagnostics).has_value())
        << input.substr(0, 40);
    EXPECT_THAT(OnlyError(diagnostics),
                HasSubstr("Could not close the thing: Terraform handed back private data"));
  }
}

TEST(StateFromLookupTest, GoneFailedAndFound) {
  const cty::Value prior = cty::Value::String("prior");
  const auto to_state = [](const std::string& found) { return cty::Value::String(found); };
  {
    Diagnostics diagnostics;
    EXPECT_EQ(StateFromLookup(absl::StatusOr<std::string>(absl::NotFoundError("gone")), prior,
                              "Could not read", &diagnostics, to_state),
              std::nullopt);
    EXPECT_TRUE(diagnostics.empty());
  }
  {
    Diagnostics diagnostics;
    EXPECT_EQ(StateFromLookup(absl::StatusOr<std::string>(absl::UnavailableError("503")), prior,
                              "Could not read", &diagnostics, to_state),
              prior);
    EXPECT_EQ(OnlyError(diagnostics), "Could not read: 503");
  }
  {
    Diagnostics diagnostics;
    EXPECT_EQ(StateFromLookup(absl::StatusOr<std::string>("new"), prior, "Could not read",
                              &diagnostics, to_state),
              cty::Value::String("new"));
    EXPECT_TRUE(diagnostics.empty());
  }
}

TEST(GeneratedEphemeralNameTest, PrefixAndTwelveHexDigitsNeverRepeated) {
  const std::string first = GeneratedEphemeralName();
  EXPECT_THAT(first, MatchesRegex("orgiam-ephemeral-[0-9a-f]{12}"));
  EXPECT_NE(first, GeneratedEphemeralName());
}

struct Token {
  std::string id;
  bool read_only = false;
};

// The secret of a create's answer is taken; a read (no secret) keeps the state's; an import
// (no secret anywhere) gives a known empty one.
TEST(SetCapturedSecretTest, TakesTheAnswerKeepsTheStateAndIsEmptyAfterAnImport) {
  const Schema& schema = SchemaFor(SchemaKind::kResource, "orgiam_zitadel_personal_access_token");
  const cty::Value created =
      ObjectBuilder(schema).SetString("id", "7").SetCapturedSecret("token", "s3cr3t").Build();
  EXPECT_EQ(GetString(created, "token"), "s3cr3t");
  const cty::Value read = ObjectBuilder(schema, created).SetCapturedSecret("token", "").Build();
  EXPECT_EQ(GetString(read, "token"), "s3cr3t");
  const cty::Value imported =
      ObjectBuilder(schema).SetString("id", "7").SetCapturedSecret("token", "").Build();
  ASSERT_TRUE(imported.GetAttr("token").IsKnown());
  ASSERT_FALSE(imported.GetAttr("token").IsNull());
  EXPECT_EQ(GetString(imported, "token", "x"), "");
  // A create whose plan has the secret unknown and whose answer lacks it: known and empty.
  const cty::Value planned =
      ObjectBuilder(schema).Set("token", cty::Value::Unknown(cty::Type::String())).Build();
  EXPECT_EQ(GetString(ObjectBuilder(schema, planned).SetCapturedSecret("token", "").Build(),
                      "token", "x"),
            "");
}

TEST(SetObjectListTest, BuildsOneElementPerItemOfTheElementType) {
  const Schema& schema = SchemaFor(SchemaKind::kDataSource, "orgiam_motherduck_access_tokens");
  const std::vector<Token> tokens = {{.id = "t1", .read_only = true}, {.id = "t2"}};
  const cty::Value built =
      ObjectBuilder(schema)
          .SetString("username", "bot")
          .SetObjectList("tokens", tokens,
                         [](const Token& token, ObjectBuilder& element) {
                           element.SetString("id", token.id).SetBool("read_only", token.read_only);
                         })
          .Build();
  EXPECT_EQ(built.type(), schema.implied_type);
  const cty::Value list = built.GetAttr("tokens");
  ASSERT_EQ(list.LengthOrZero(), 2u);
  EXPECT_EQ(GetString(list.Elements()[0], "id"), "t1");
  EXPECT_TRUE(GetBool(list.Elements()[0], "read_only"));
  EXPECT_EQ(GetString(list.Elements()[1], "id"), "t2");
  EXPECT_TRUE(list.Elements()[1].GetAttr("description").IsNull());  // not set: null
}

TEST(SetObjectListTest, AnEmptyListIsKnownAndEmpty) {
  const Schema& schema = SchemaFor(SchemaKind::kDataSource, "orgiam_vultr_users");
  const cty::Value built =
      ObjectBuilder(schema)
          .SetObjectList("users", std::vector<Token>{}, [](const Token&, ObjectBuilder&) {})
          .Build();
  EXPECT_TRUE(built.GetAttr("users").IsKnown());
  EXPECT_FALSE(built.GetAttr("users").IsNull());
  EXPECT_EQ(built.GetAttr("users").LengthOrZero(), 0u);
}

struct FakeApi {
  int calls = 0;
};

cty::Value ReadCount(FakeApi& api, const cty::Value& /*config*/, Diagnostics* /*diagnostics*/) {
  return cty::Value::Int(++api.calls);
}

EphemeralResource::Opened OpenFake(FakeApi& api, const cty::Value& /*config*/,
                                   Diagnostics* /*diagnostics*/) {
  ++api.calls;
  EphemeralResource::Opened opened;
  opened.private_data = EncodePrivateIds({{"fake_id", "f1"}});
  return opened;
}

absl::Status CloseFake(FakeApi& api, const PrivateIds& ids) {
  ++api.calls;
  return ids.at("fake_id") == "f1" ? absl::OkStatus() : absl::UnavailableError("vendor says no");
}

std::unique_ptr<EphemeralResource> FakeEphemeral(const ApiSlot<FakeApi>* slot) {
  return VendorEphemeral(
      slot, &OpenFake,
      {.ids = {"fake_id"}, .failure_summary = "Could not close the fake", .close = &CloseFake});
}

TEST(VendorTypeTest, WithoutTheVendorBlockTheFunctionsAreNotCalled) {
  ApiSlot<FakeApi> slot("fake", "Add a `fake {` block.");
  slot.MarkAbsent();
  const std::unique_ptr<DataSource> source = VendorDataSource(&slot, &ReadCount);
  const std::unique_ptr<EphemeralResource> ephemeral = FakeEphemeral(&slot);
  Diagnostics read, open, close;
  EXPECT_TRUE(source->Read(cty::Value(), &read).IsNull());
  EXPECT_EQ(ephemeral->Open(cty::Value(), &open).private_data, "");
  ephemeral->Close(EncodePrivateIds({{"fake_id", "f1"}}), &close);
  for (const Diagnostics* diagnostics : {&read, &open, &close}) {
    EXPECT_EQ(OnlyError(*diagnostics), "Provider not configured: Add a `fake {` block.");
  }
}

TEST(VendorTypeTest, WithTheClientTheFunctionsAreCalledWithIt) {
  ApiSlot<FakeApi> slot("fake", "unused");
  auto api = std::make_shared<FakeApi>();
  slot.Set(api);
  const std::unique_ptr<DataSource> source = VendorDataSource(&slot, &ReadCount);
  const std::unique_ptr<EphemeralResource> ephemeral = FakeEphemeral(&slot);
  Diagnostics diagnostics;
  EXPECT_EQ(source->Read(cty::Value(), &diagnostics), cty::Value::Int(1));
  const EphemeralResource::Opened opened = ephemeral->Open(cty::Value(), &diagnostics);
  ephemeral->Close(opened.private_data, &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(api->calls, 3);
  EXPECT_EQ(ephemeral->Renew(opened.private_data, &diagnostics), std::nullopt);  // no Renew
}

TEST(VendorTypeTest, CloseRefusesForeignPrivateDataAndReportsTheVendorsFailure) {
  ApiSlot<FakeApi> slot("fake", "unused");
  auto api = std::make_shared<FakeApi>();
  slot.Set(api);
  const std::unique_ptr<EphemeralResource> ephemeral = FakeEphemeral(&slot);
  Diagnostics foreign;
  ephemeral->Close("{\"other\": \"x\"}", &foreign);
  EXPECT_THAT(OnlyError(foreign), HasSubstr("Could not close the fake: Terraform handed back"));
  EXPECT_EQ(api->calls, 0);  // nothing sent for ids Open did not write
  Diagnostics failed;
  ephemeral->Close(EncodePrivateIds({{"fake_id", "f2"}}), &failed);
  EXPECT_EQ(OnlyError(failed), "Could not close the fake: vendor says no");
}

}  // namespace
}  // namespace orgiam::framework
