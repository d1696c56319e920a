// Every resource type, imported by every id form its schema documents: the object is made in
// the sandbox out of band, then an `import` block + `terraform plan -generate-config-out`,
// `terraform apply` and `terraform plan -detailed-exitcode` must adopt it as it is. Between the
// import and that last plan the sandbox must see no write at all (/_sandbox/stats), and the
// census must find every object in the state exactly once.
//
// The types come from the compiled-in schemas (framework::SchemaRegistry); a type without a
// case here, or an id form its import help does not document, fails the test.

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "census.h"
#include "framework/schema_registry.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr char kZitadelOrg[] = "100000000000000001";  // the sandbox's default organization

// One `import` block: resource `type`.`name` from `id`.
struct ImportBlock {
  std::string type;
  std::string name;
  std::string id;
};

struct MatrixCase {
  std::string label;  // the test's name
  std::string type;   // the resource type under test
  std::string form;   // the id form, spelled as the schema's import help spells it
  // Makes the objects through the vendors' own routes; returns the import blocks that adopt
  // the object under test (and the objects it belongs to, so that nothing is left outside).
  std::function<std::vector<ImportBlock>(SandboxProcess&)> seed;
};

// The body of a 2xx answer, or a test failure.
nlohmann::json Created(SandboxProcess& sandbox, const std::string& method, const std::string& path,
                       const nlohmann::json& body, const std::string& header = "") {
  SandboxProcess::Reply reply = sandbox.Call(method, path, body, header);
  EXPECT_GE(reply.status, 200) << method << " " << path << ": " << reply.body.dump();
  EXPECT_LT(reply.status, 300) << method << " " << path << ": " << reply.body.dump();
  return reply.body;
}

std::string VultrServiceUser(SandboxProcess& sandbox, const std::string& email) {
  return Created(sandbox, "POST", "/v2/users",
                 {{"email", email},
                  {"name", "legacy"},
                  {"password", "correct-horse-battery-1"},
                  {"service_user", true},
                  {"acls", {"billing"}}})["user"]
      .value("id", "");
}

std::string ZitadelMachineUser(SandboxProcess& sandbox, const std::string& user_name,
                               bool with_secret) {
  const std::string id = Created(sandbox, "POST", "/management/v1/users/machine",
                                 {{"userName", user_name},
                                  {"name", "Legacy bot"},
                                  {"description", "made by hand"},
                                  {"accessTokenType", "ACCESS_TOKEN_TYPE_JWT"}})
                             .value("userId", "");
  if (with_secret) {
    Created(sandbox, "PUT", "/management/v1/users/" + id + "/secret", nlohmann::json::object());
  }
  return id;
}

std::string MotherDuckAccount(SandboxProcess& sandbox, const std::string& username) {
  Created(sandbox, "POST", "/v1/users", {{"username", username}});
  return username;
}

std::vector<MatrixCase> Cases() {
  std::vector<MatrixCase> cases;
  cases.push_back(
      {"VultrServiceUserById", "orgiam_vultr_service_user", "user id", [](SandboxProcess& sandbox) {
         return std::vector<ImportBlock>{
             {"orgiam_vultr_service_user", "subject", VultrServiceUser(sandbox, "a@example.com")}};
       }});
  cases.push_back(
      {"VultrServiceUserByEmail", "orgiam_vultr_service_user", "email",
       [](SandboxProcess& sandbox) {
         VultrServiceUser(sandbox, "b@example.com");
         return std::vector<ImportBlock>{{"orgiam_vultr_service_user", "subject", "b@example.com"}};
       }});
  cases.push_back({"VultrApiKeyByUserAndKeyId", "orgiam_vultr_user_api_key", "user_id/key_id",
                   [](SandboxProcess& sandbox) {
                     const std::string user = VultrServiceUser(sandbox, "c@example.com");
                     const std::string key =
                         Created(sandbox, "POST", "/v2/users/" + user + "/apikeys",
                                 {{"name", "legacy"}})["api_key"]
                             .value("id", "");
                     return std::vector<ImportBlock>{
                         {"orgiam_vultr_service_user", "owner", user},
                         {"orgiam_vultr_user_api_key", "subject", user + "/" + key}};
                   }});
  cases.push_back(
      {"VultrInvitationById", "orgiam_vultr_organization_invitation", "invitation id",
       [](SandboxProcess& sandbox) {
         const std::string id =
             Created(sandbox, "POST", "/v2/invitation",
                     {{"email_invited", "d@example.com"}, {"permissions", {{"api_enabled", true}}}})
                 .value("id", "");
         return std::vector<ImportBlock>{{"orgiam_vultr_organization_invitation", "subject", id}};
       }});
  cases.push_back(
      {"VultrInvitationByEmail", "orgiam_vultr_organization_invitation", "email",
       [](SandboxProcess& sandbox) {
         Created(sandbox, "POST", "/v2/invitation",
                 {{"email_invited", "e@example.com"}, {"permissions", {{"api_enabled", false}}}});
         return std::vector<ImportBlock>{
             {"orgiam_vultr_organization_invitation", "subject", "e@example.com"}};
       }});
  for (const bool with_secret : {false, true}) {
    const std::string secret = with_secret ? "WithSecret" : "";
    cases.push_back({"ZitadelMachineUserByUserId" + secret, "orgiam_zitadel_machine_user",
                     "user_id", [with_secret](SandboxProcess& sandbox) {
                       return std::vector<ImportBlock>{
                           {"orgiam_zitadel_machine_user", "subject",
                            ZitadelMachineUser(sandbox, "bot-by-id", with_secret)}};
                     }});
    cases.push_back({"ZitadelMachineUserByOrgAndUserId" + secret, "orgiam_zitadel_machine_user",
                     "org_id/user_id", [with_secret](SandboxProcess& sandbox) {
                       return std::vector<ImportBlock>{
                           {"orgiam_zitadel_machine_user", "subject",
                            absl::StrCat(kZitadelOrg, "/",
                                         ZitadelMachineUser(sandbox, "bot-by-org", with_secret))}};
                     }});
    cases.push_back({"ZitadelMachineUserByUserName" + secret, "orgiam_zitadel_machine_user",
                     "user_name", [with_secret](SandboxProcess& sandbox) {
                       ZitadelMachineUser(sandbox, "bot-by-name", with_secret);
                       return std::vector<ImportBlock>{
                           {"orgiam_zitadel_machine_user", "subject", "bot-by-name"}};
                     }});
  }
  for (const bool with_org : {false, true}) {
    cases.push_back(
        {with_org ? "ZitadelPersonalAccessTokenByOrgUserAndTokenId"
                  : "ZitadelPersonalAccessTokenByUserAndTokenId",
         "orgiam_zitadel_personal_access_token",
         with_org ? "org_id/user_id/token_id" : "user_id/token_id",
         [with_org](SandboxProcess& sandbox) {
           const std::string user = ZitadelMachineUser(sandbox, "token-owner", false);
           const std::string token =
               Created(sandbox, "POST", "/management/v1/users/" + user + "/pats",
                       {{"expirationDate", "2035-01-01T00:00:00Z"}})
                   .value("tokenId", "");
           const std::string id =
               absl::StrCat(with_org ? absl::StrCat(kZitadelOrg, "/") : "", user, "/", token);
           return std::vector<ImportBlock>{{"orgiam_zitadel_machine_user", "owner", user},
                                           {"orgiam_zitadel_personal_access_token", "subject", id}};
         }});
  }
  cases.push_back({"MotherDuckServiceAccountByUsername", "orgiam_motherduck_service_account",
                   "username", [](SandboxProcess& sandbox) {
                     return std::vector<ImportBlock>{{"orgiam_motherduck_service_account",
                                                      "subject",
                                                      MotherDuckAccount(sandbox, "legacy_bot")}};
                   }});
  for (const bool with_ttl : {false, true}) {
    cases.push_back(
        {with_ttl ? "MotherDuckAccessTokenWithTtlByUsernameAndTokenId"
                  : "MotherDuckAccessTokenByUsernameAndTokenId",
         "orgiam_motherduck_access_token", "username/token_id",
         [with_ttl](SandboxProcess& sandbox) {
           const std::string account = MotherDuckAccount(sandbox, "token_owner");
           nlohmann::json body = {{"name", "legacy"}, {"description", "made by hand"}};
           if (with_ttl) body["ttl"] = 86400;
           const std::string token =
               Created(sandbox, "POST", "/v1/users/" + account + "/tokens", body).value("id", "");
           return std::vector<ImportBlock>{
               {"orgiam_motherduck_service_account", "owner", account},
               {"orgiam_motherduck_access_token", "subject", account + "/" + token}};
         }});
  }
  return cases;
}

std::set<std::string> RegisteredResourceTypes() {
  std::set<std::string> types;
  for (const auto& [name, schema] :
       framework::SchemaRegistry::Get().Of(framework::SchemaKind::kResource)) {
    types.insert(name);
  }
  return types;
}

// Every registered resource type has a case, and every case imports a registered type by a
// form its import help documents.
TEST(ImportMatrixCoverageTest, EveryTypeAndEveryDocumentedFormHasACase) {
  const std::set<std::string> registered = RegisteredResourceTypes();
  ASSERT_FALSE(registered.empty());
  std::map<std::string, int> cases_per_type;
  for (const MatrixCase& matrix_case : Cases()) {
    ASSERT_TRUE(registered.contains(matrix_case.type)) << matrix_case.type;
    ++cases_per_type[matrix_case.type];
    const std::string& help =
        framework::SchemaFor(framework::SchemaKind::kResource, matrix_case.type).import_help;
    EXPECT_NE(help.find(matrix_case.form), std::string::npos)
        << matrix_case.type << " does not document the import form \"" << matrix_case.form
        << "\": " << help;
  }
  for (const std::string& type : registered) {
    EXPECT_GT(cases_per_type[type], 0) << type << " has no import case";
  }
}

class ImportMatrixTest : public ::testing::TestWithParam<MatrixCase> {};

TEST_P(ImportMatrixTest, ImportGenerateApplyThenPlanCleanWithoutAWrite) {
  const MatrixCase& matrix_case = GetParam();
  SandboxProcess sandbox;
  TerraformWorkspace workspace;
  workspace.WriteSandboxProvider(sandbox.url());
  workspace.Init();
  const std::vector<ImportBlock> blocks = matrix_case.seed(sandbox);
  ASSERT_FALSE(::testing::Test::HasFailure()) << "seeding failed";
  std::string imports;
  for (const ImportBlock& block : blocks) {
    ASSERT_FALSE(block.id.empty() || block.id.ends_with("/")) << block.type;
    absl::StrAppend(&imports, "import {\n  to = ", block.type, ".", block.name, "\n  id = \"",
                    block.id, "\"\n}\n");
  }
  workspace.WriteConfig(imports, "imports.tf");
  const nlohmann::json seeded = sandbox.State();
  sandbox.ResetStats();

  CommandResult plan =
      workspace.RunExpect({"plan", "-no-color", "-generate-config-out=generated.tf"});
  EXPECT_NE(plan.out.find(absl::StrCat(blocks.size(),
                                       " to import, 0 to add, 0 to change, "
                                       "0 to destroy")),
            std::string::npos)
      << plan.out;
  workspace.RunExpect({"apply", "-auto-approve", "-no-color"});
  CommandResult replan = workspace.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  const std::map<std::string, int> writes = WriteRequests(sandbox.Stats());
  std::string listed;
  for (const auto& [route, count] : writes) absl::StrAppend(&listed, route, " x", count, "; ");
  EXPECT_TRUE(writes.empty()) << "writes between the import and the last plan: " << listed
                              << "\ngenerated.tf:\n"
                              << ReadFile(workspace.dir() + "/generated.tf") << "\nplan:\n"
                              << replan.out;
  // The objects are exactly as they were made, secrets included.
  EXPECT_EQ(sandbox.State(), seeded);
  for (const ImportBlock& block : blocks) {
    EXPECT_FALSE(workspace.ResourceInState(block.type + "." + block.name).is_null()) << block.type;
  }

  // The census: every object once, each in the state. Secrets a vendor shows only once are not
  // imported, so ExpectSecretsMatch does not apply to adopted objects.
  const Census census = TakeCensus(sandbox, workspace);
  ExpectNoDuplicates(census, matrix_case.label);
  ExpectNoOrphans(census, matrix_case.label);
  ExpectStateIdsExist(census, matrix_case.label);
}

INSTANTIATE_TEST_SUITE_P(EveryTypeAndForm, ImportMatrixTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<MatrixCase>& info) {
                           return info.param.label;
                         });

}  // namespace
}  // namespace orgiam::testing
