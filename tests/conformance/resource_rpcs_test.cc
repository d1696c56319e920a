// Resource RPCs against the real binary over mTLS: requests that no resource
// can act on are refused with one error diagnostic before anything reaches the
// API, and every diagnostic that reaches the wire is valid UTF-8 of bounded
// length. The "API" is a local HTTP server that records what it receives.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "grpc_clients.h"
#include "gtest/gtest.h"
#include "plugin_process.h"
#include "proto/tfplugin6.grpc.pb.h"
#include "test_certs.h"
#include "test_server.h"

namespace orgiam::conformance {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

constexpr char kUserType[] = "orgiam_vultr_service_user";
constexpr char kReplacement[] = "\xef\xbf\xbd";  // U+FFFD

// msgpack encodings (go-cty's cty/msgpack; Terraform's docs/plugin-protocol/object-wire-format.md).
const std::string kNull = "\xc0";
const std::string kUnknown("\xd4\x00\x00", 3);

// A msgpack object of the service user's nine attributes whose first key is
// `first_key` (the others are real attributes, all null).
std::string ObjectWithFirstKey(const std::string& first_key) {
  std::string out = "\x89";
  auto add_key = [&out](const std::string& key) {
    if (key.size() < 32) {
      out += static_cast<char>(0xa0 | key.size());
    } else {
      out += '\xda';
      out += static_cast<char>(key.size() >> 8);
      out += static_cast<char>(key.size() & 0xff);
    }
    out += key;
    out += kNull;
  };
  add_key(first_key);
  for (const char* key : {"name", "email", "api_enabled", "acls", "password", "password_wo",
                          "password_wo_version", "api_key"}) {
    add_key(key);
  }
  return out;
}

// A strict check written independently of the provider's UTF-8 code: decodes
// every sequence and rejects overlongs, surrogates and values above U+10FFFF.
bool IsValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      n = 1;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      n = 2;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      const unsigned char t = static_cast<unsigned char>(s[i + k]);
      if ((t & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (t & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

void ExpectWireSafe(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diagnostics) {
  for (const tfplugin6::Diagnostic& d : diagnostics) {
    EXPECT_TRUE(IsValidUtf8(d.summary())) << d.summary();
    EXPECT_TRUE(IsValidUtf8(d.detail())) << d.detail();
    EXPECT_LE(d.summary().size(), 1024u);
    EXPECT_LE(d.detail().size(), 8192u);
  }
}

// One provider process, configured for Vultr against `api_`.
class ResourceRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    stub_ = StartProviderOverMtls(process_);
    ASSERT_NE(stub_, nullptr);

    tfplugin6::ConfigureProvider::Request request;
    *request.mutable_config() = Json(
        R"({"max_retries": 0, "request_timeout": "5s", "vultr": {"api_key": "k", "endpoint": ")" +
        api_.url() + R"("}})");
    tfplugin6::ConfigureProvider::Response response;
    grpc::ClientContext context;
    SetDeadline(&context);
    grpc::Status status = stub_->ConfigureProvider(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_THAT(response.diagnostics(), SizeIs(0)) << response.DebugString();
  }

  static void SetDeadline(grpc::ClientContext* context) {
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  }

  tfplugin6::ApplyResourceChange::Response Apply(const tfplugin6::DynamicValue& prior,
                                                 const tfplugin6::DynamicValue& planned,
                                                 const tfplugin6::DynamicValue& config) {
    tfplugin6::ApplyResourceChange::Request request;
    request.set_type_name(kUserType);
    *request.mutable_prior_state() = prior;
    *request.mutable_planned_state() = planned;
    *request.mutable_config() = config;
    tfplugin6::ApplyResourceChange::Response response;
    grpc::ClientContext context;
    SetDeadline(&context);
    last_status_ = stub_->ApplyResourceChange(&context, request, &response);
    return response;
  }

  tfplugin6::PlanResourceChange::Response Plan(const tfplugin6::DynamicValue& prior,
                                               const tfplugin6::DynamicValue& proposed,
                                               const tfplugin6::DynamicValue& config) {
    tfplugin6::PlanResourceChange::Request request;
    request.set_type_name(kUserType);
    *request.mutable_prior_state() = prior;
    *request.mutable_proposed_new_state() = proposed;
    *request.mutable_config() = config;
    tfplugin6::PlanResourceChange::Response response;
    grpc::ClientContext context;
    SetDeadline(&context);
    last_status_ = stub_->PlanResourceChange(&context, request, &response);
    return response;
  }

  tfplugin6::ReadResource::Response Read(const tfplugin6::DynamicValue& current) {
    tfplugin6::ReadResource::Request request;
    request.set_type_name(kUserType);
    *request.mutable_current_state() = current;
    tfplugin6::ReadResource::Response response;
    grpc::ClientContext context;
    SetDeadline(&context);
    last_status_ = stub_->ReadResource(&context, request, &response);
    return response;
  }

  tfplugin6::ImportResourceState::Response Import(const std::string& id) {
    tfplugin6::ImportResourceState::Request request;
    request.set_type_name(kUserType);
    request.set_id(id);
    tfplugin6::ImportResourceState::Response response;
    grpc::ClientContext context;
    SetDeadline(&context);
    last_status_ = stub_->ImportResourceState(&context, request, &response);
    return response;
  }

  // The call succeeded at the gRPC level, returned exactly one error
  // diagnostic with `summary`, and sent nothing to the API.
  template <class Response>
  void ExpectRefused(const Response& response, const std::string& summary) {
    ASSERT_TRUE(last_status_.ok())
        << last_status_.error_code() << " " << last_status_.error_message() << "\n"
        << process_.Stderr();
    ASSERT_THAT(response.diagnostics(), SizeIs(1)) << response.DebugString();
    const tfplugin6::Diagnostic& d = response.diagnostics(0);
    EXPECT_EQ(d.severity(), tfplugin6::Diagnostic::ERROR);
    EXPECT_EQ(d.summary(), summary) << d.detail();
    ExpectWireSafe(response.diagnostics());
    EXPECT_EQ(api_.request_count(), 0)
        << api_.requests()[0].method << " " << api_.requests()[0].target;
  }

  http::testing::TestServer api_{
      [this](const http::testing::ReceivedRequest&) { return next_answer_; }};
  http::testing::Action next_answer_ =
      http::testing::Action::Respond(400, R"({"error":"unexpected request","status":400})");
  PluginProcess process_;
  std::unique_ptr<tfplugin6::Provider::Stub> stub_;
  grpc::Status last_status_;
};

TEST_F(ResourceRpcTest, ApplyWithNullPriorAndNullPlannedIsRefused) {
  auto response = Apply(Msgpack(kNull), Msgpack(kNull), Msgpack(kNull));
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Nothing to change"));
  EXPECT_THAT(response.diagnostics(0).detail(), HasSubstr(kUserType));
  // The (null) prior state stands.
  EXPECT_EQ(response.new_state().msgpack(), kNull);
}

TEST_F(ResourceRpcTest, ApplyWithEmptyDynamicValuesIsRefused) {
  // An empty DynamicValue means null too.
  auto response = Apply({}, {}, {});
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Nothing to change"));
}

TEST_F(ResourceRpcTest, ApplyWithWhollyUnknownPlannedStateIsRefused) {
  auto response =
      Apply(Msgpack(kNull), Msgpack(kUnknown), Json(R"({"name": "n", "email": "n@example.com"})"));
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Unknown planned state"));
}

TEST_F(ResourceRpcTest, UpdateWithWhollyUnknownPlannedStateIsRefused) {
  auto response = Apply(Json(R"({"id": "u1", "name": "n", "email": "n@example.com"})"),
                        Msgpack(kUnknown), Json(R"({"name": "n", "email": "n@example.com"})"));
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Unknown planned state"));
  EXPECT_FALSE(response.new_state().msgpack().empty());  // the prior state, kept
}

TEST_F(ResourceRpcTest, ApplyWithAPlannedStateThatIsNotAnObjectIsRefused) {
  auto response = Apply(Msgpack(kNull), Msgpack("\xa1x"),  // the string "x"
                        Json(R"({"name": "n", "email": "n@example.com"})"));
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Unreadable planned state"));
}

TEST_F(ResourceRpcTest, PlanWithNullPriorAndNullProposedIsRefused) {
  auto response = Plan(Msgpack(kNull), Msgpack(kNull), Msgpack(kNull));
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Nothing to change"));
}

TEST_F(ResourceRpcTest, PlanWithWhollyUnknownProposedStateIsRefused) {
  auto response =
      Plan(Msgpack(kNull), Msgpack(kUnknown), Json(R"({"name": "n", "email": "n@example.com"})"));
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Unknown proposed new state"));
}

TEST_F(ResourceRpcTest, ReadWithWhollyUnknownStateIsRefused) {
  auto response = Read(Msgpack(kUnknown));
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Unknown current state"));
}

TEST_F(ResourceRpcTest, ImportWithEmptyIdIsRefused) {
  auto response = Import("");
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Invalid import ID"));
  EXPECT_THAT(response.diagnostics(0).detail(), HasSubstr("is empty"));
  EXPECT_THAT(response.imported_resources(), SizeIs(0));
}

TEST_F(ResourceRpcTest, ImportWithNulByteIsRefused) {
  auto response = Import(std::string("u1\0rm -rf", 9));
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Invalid import ID"));
  EXPECT_THAT(response.diagnostics(0).detail(), HasSubstr("\"u1\\x00rm -rf\" contains a NUL byte"));
  EXPECT_EQ(response.diagnostics(0).detail().find('\0'), std::string::npos);
}

TEST_F(ResourceRpcTest, ImportWithControlCharacterIsRefused) {
  auto response = Import("u1\x1b[2J");
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Invalid import ID"));
  EXPECT_THAT(response.diagnostics(0).detail(), HasSubstr("\"u1\\x1b[2J\" contains the control"));
  EXPECT_EQ(response.diagnostics(0).detail().find('\x1b'), std::string::npos);
}

TEST_F(ResourceRpcTest, ImportWithOverlongIdIsRefused) {
  auto response = Import(std::string(1025, 'u'));
  ASSERT_NO_FATAL_FAILURE(ExpectRefused(response, "Invalid import ID"));
  const std::string& detail = response.diagnostics(0).detail();
  EXPECT_THAT(detail, HasSubstr("is 1025 bytes long"));
  EXPECT_LT(detail.size(), 512u) << "the ID is shown only as an excerpt";
}

TEST_F(ResourceRpcTest, ImportWithOrdinaryIdStillWorks) {
  auto response = Import("cb676a46-66fd-4dfb-b839-443f2e6c0b60");
  ASSERT_TRUE(last_status_.ok()) << last_status_.error_message();
  EXPECT_THAT(response.diagnostics(), SizeIs(0)) << response.DebugString();
  ASSERT_THAT(response.imported_resources(), SizeIs(1));
  EXPECT_EQ(response.imported_resources(0).type_name(), kUserType);
}

TEST_F(ResourceRpcTest, ApiErrorWithInvalidUtf8ReachesTerraformAsValidUtf8) {
  // A non-JSON error body with stray bytes and a long run of "é": the diagnostic shows only a
  // printable ASCII excerpt of it, whatever its bytes.
  std::string body =
      "\xff\xfe"
      "a";
  for (int i = 0; i < 150; ++i) body += "\xc3\xa9";
  next_answer_ = http::testing::Action::Respond(400, body);
  auto response = Read(Json(R"({"id": "u1", "name": "n", "email": "n@example.com"})"));
  ASSERT_TRUE(last_status_.ok()) << last_status_.error_code() << " "
                                 << last_status_.error_message();
  ASSERT_THAT(response.diagnostics(), SizeIs(1)) << response.DebugString();
  ExpectWireSafe(response.diagnostics());
  EXPECT_THAT(response.diagnostics(0).detail(), HasSubstr("bytes: \"??a????"));
  EXPECT_THAT(response.diagnostics(0).detail(), Not(HasSubstr("\xc3\xa9")));
  EXPECT_EQ(api_.request_count(), 1);
}

TEST_F(ResourceRpcTest, UndecodableValueWithInvalidUtf8ReachesTerraformAsValidUtf8) {
  // An object (9 attributes) whose first key is not UTF-8: the decoder's
  // message quotes it.
  auto response = Plan(Msgpack(kNull), Msgpack(kNull), Msgpack(ObjectWithFirstKey("\xff\xfe")));
  ASSERT_TRUE(last_status_.ok()) << last_status_.error_code() << " "
                                 << last_status_.error_message();
  ASSERT_THAT(response.diagnostics(), SizeIs(1)) << response.DebugString();
  ExpectWireSafe(response.diagnostics());
  EXPECT_THAT(response.diagnostics(0).detail(),
              HasSubstr(std::string("unsupported attribute \"") + kReplacement + kReplacement));
}

TEST_F(ResourceRpcTest, LongDiagnosticDetailIsBounded) {
  // A 20,001-byte attribute name ("a" then 10,000 "ë"), quoted by the decoder.
  std::string key = "a";
  for (int i = 0; i < 10000; ++i) key += "\xc3\xab";
  const std::string config = ObjectWithFirstKey(key);
  auto response = Plan(Msgpack(kNull), Msgpack(kNull), Msgpack(config));
  ASSERT_TRUE(last_status_.ok()) << last_status_.error_message();
  ASSERT_THAT(response.diagnostics(), SizeIs(1));
  ExpectWireSafe(response.diagnostics());
  const std::string& detail = response.diagnostics(0).detail();
  EXPECT_GT(detail.size(), 8000u);
  EXPECT_THAT(detail, HasSubstr("more bytes not shown]"));
}

}  // namespace
}  // namespace orgiam::conformance
