// orgiam_vultr_organization_invitation end to end: the real terraform, the real provider,
// the sandbox (with its movable clock and simulated acceptance).

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr char kAddress[] = "orgiam_vultr_organization_invitation.dev";
constexpr int64_t kPastExpiry = 259201;  // three days and a second

// The sandbox writes times as Vultr does ("…+00:00"); the state holds the same instant as the
// docs spell it ("…Z").
std::string InStateSpelling(const nlohmann::json& vultr_time) {
  std::string text = vultr_time.get<std::string>();
  const std::string offset = "+00:00";
  if (text.size() > offset.size() && text.ends_with(offset)) {
    text.replace(text.size() - offset.size(), offset.size(), "Z");
  }
  return text;
}

class VultrInvitationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
  }

  nlohmann::json SandboxInvitations() { return sandbox_.State()["vultr"]["invitations"]; }

  nlohmann::json SandboxInvitation(const std::string& id) {
    for (const auto& invitation : SandboxInvitations()) {
      if (invitation["id"] == id) return invitation;
    }
    return nullptr;
  }

  nlohmann::json StateValues() {
    nlohmann::json state = workspace_.StateJson();
    for (const auto& resource : state["values"]["root_module"]["resources"]) {
      if (resource["address"] == kAddress) return resource["values"];
    }
    return nullptr;
  }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

std::string InvitationConfig(const std::string& email, const std::string& extra = "") {
  return absl::StrCat(R"(resource "orgiam_vultr_organization_invitation" "dev" {
  email = ")",
                      email, R"("
)",
                      extra, "}\n");
}

// Requests the sandbox saw whose route starts with `prefix` ("DELETE /v2/invitation").
int RequestsStartingWith(SandboxProcess& sandbox, const std::string& prefix) {
  int count = 0;
  for (const auto& [route, n] : sandbox.Stats()["requests"].items()) {
    if (route.rfind(prefix, 0) == 0) count += n.get<int>();
  }
  return count;
}

TEST_F(VultrInvitationTest, CreateReplanReplaceDestroy) {
  workspace_.WriteConfig(InvitationConfig("dev@example.com"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json invitations = SandboxInvitations();
  ASSERT_EQ(invitations.size(), 1u) << invitations.dump(2);
  const std::string id = invitations[0]["id"];
  EXPECT_EQ(invitations[0]["permissions"]["api_enabled"], true);
  nlohmann::json values = StateValues();
  EXPECT_EQ(values["id"], id);
  EXPECT_EQ(values["invite_status"], "Pending");
  EXPECT_EQ(values["expiration_date"], InStateSpelling(invitations[0]["expiration_date"]));
  EXPECT_EQ(values["resend_when_expired"], true);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // A new email is a new invitation. Vultr has no revoke: the old one stays, with a warning.
  workspace_.WriteConfig(InvitationConfig("dev2@example.com"));
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("must be replaced"), std::string::npos) << plan.out;
  CommandResult replaced = workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_NE(Flatten(replaced.out + replaced.err).find("Vultr cannot revoke invitations"),
            std::string::npos)
      << replaced.out << replaced.err;
  invitations = SandboxInvitations();
  ASSERT_EQ(invitations.size(), 2u) << invitations.dump(2);
  const std::string second = StateValues()["id"];
  EXPECT_NE(second, id);
  EXPECT_EQ(SandboxInvitation(second)["email_invited"], "dev2@example.com");
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // Destroy says that the pending invitation stays valid, and until when; it sends nothing
  // but a read.
  CommandResult destroyed = workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  const std::string output = Flatten(destroyed.out + destroyed.err);
  EXPECT_NE(output.find("Vultr offers no way to revoke an invitation"), std::string::npos)
      << output;
  EXPECT_NE(
      output.find(absl::StrCat("stays valid until ",
                               SandboxInvitation(second)["expiration_date"].get<std::string>())),
      std::string::npos)
      << output;
  EXPECT_EQ(SandboxInvitations().size(), 2u);
  EXPECT_EQ(RequestsStartingWith(sandbox_, "DELETE "), 0) << sandbox_.Stats().dump(2);
}

TEST_F(VultrInvitationTest, ImportByIdAndEmailThenPlanClean) {
  SandboxProcess::Reply created = sandbox_.Call(
      "POST", "/v2/invitation",
      {{"email_invited", "legacy@example.com"}, {"permissions", {{"api_enabled", false}}}});
  ASSERT_EQ(created.status, 201) << created.body.dump();
  const std::string id = created.body["id"];
  const std::string resource = InvitationConfig("legacy@example.com", "  api_enabled = false\n");
  workspace_.WriteConfig(resource);

  workspace_.RunExpect({"import", "-no-color", kAddress, id});
  EXPECT_EQ(StateValues()["api_enabled"], false);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"state", "rm", kAddress});

  workspace_.RunExpect({"import", "-no-color", kAddress, "Legacy@Example.com"});
  EXPECT_EQ(StateValues()["id"], id);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"state", "rm", kAddress});

  // plan -generate-config-out writes a configuration that then plans clean.
  workspace_.WriteConfig(absl::StrCat("import {\n  to = ", kAddress, "\n  id = \"", id, "\"\n}\n"));
  workspace_.RunExpect({"plan", "-no-color", "-generate-config-out=generated.tf"});
  const std::string generated = ReadFile(workspace_.dir() + "/generated.tf");
  EXPECT_NE(generated.find("legacy@example.com"), std::string::npos) << generated;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // No invitation was sent along the way.
  EXPECT_EQ(SandboxInvitations().size(), 1u);
  EXPECT_EQ(sandbox_.Stats()["requests"].value("POST /v2/invitation", 0), 1);
}

// Vultr resends only Pending invitations. No source names the status of an expired one; should
// Vultr report "Expired" (scripted here), a new invitation replaces it.
TEST_F(VultrInvitationTest, InvitationReportedExpiredIsReplaced) {
  sandbox_.AdvanceClock(-kPastExpiry);  // sent more than three days ago
  workspace_.WriteConfig(InvitationConfig("late@example.com"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  sandbox_.AdvanceClock(kPastExpiry);
  nlohmann::json invitation = SandboxInvitations()[0];
  const std::string id = invitation["id"];
  invitation["invite_status"] = "Expired";
  invitation["expiration_date"] = "2020-01-01T00:00:00+00:00";
  // Reported so by every read, the list included.
  sandbox_.SetFaults(
      {{"script",
        {{{"route", "GET /v2/invitation/{id}"},
          {"action", "body"},
          {"status", 200},
          {"count", 0},
          {"body", nlohmann::json{{"invitation", invitation}}.dump()}},
         {{"route", "GET /v2/invitation"},
          {"action", "body"},
          {"status", 200},
          {"count", 0},
          {"body", nlohmann::json{{"invites", {invitation}}, {"meta", {{"links", {{"next", ""}}}}}}
                       .dump()}}}}});

  CommandResult plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  const std::string planned = Flatten(plan.out + plan.err);
  EXPECT_NE(planned.find("must be replaced"), std::string::npos) << plan.out;
  EXPECT_NE(planned.find("1 to add, 0 to change, 1 to destroy"), std::string::npos) << plan.out;
  EXPECT_NE(planned.find("Expired invitation: a new one is planned"), std::string::npos) << planned;

  sandbox_.ResetStats();
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  sandbox_.SetFaults({{"script", nlohmann::json::array()}});
  EXPECT_EQ(sandbox_.Stats()["requests"].value("POST /v2/invitation/{id}/resend", 0), 0);
  EXPECT_EQ(sandbox_.Stats()["requests"].value("POST /v2/invitation", 0), 1);
  nlohmann::json values = StateValues();
  EXPECT_NE(values["id"], id);
  EXPECT_EQ(values["invite_status"], "Pending");
  EXPECT_EQ(SandboxInvitations().size(), 2u);  // nothing revokes the old one
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

// What the sandbox does, as the resend guide describes: an invitation stays Pending past its
// expiry, and a resend renews it in place.
TEST_F(VultrInvitationTest, PendingPastItsExpiryIsResentInPlace) {
  // Sent more than three days ago: the provider judges expiry by the real clock.
  sandbox_.AdvanceClock(-kPastExpiry);
  workspace_.WriteConfig(InvitationConfig("late@example.com"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  sandbox_.AdvanceClock(kPastExpiry);
  const std::string id = SandboxInvitations()[0]["id"];
  const std::string first_expiry = SandboxInvitations()[0]["expiration_date"];
  EXPECT_EQ(SandboxInvitation(id)["invite_status"], "Pending");
  CommandResult plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("update in-place"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("1 to change"), std::string::npos) << plan.out;

  sandbox_.ResetStats();
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(sandbox_.Stats()["requests"].value("POST /v2/invitation/{id}/resend", 0), 1);
  nlohmann::json renewed = SandboxInvitation(id);
  EXPECT_EQ(renewed["invite_status"], "Pending");
  EXPECT_NE(renewed["expiration_date"], first_expiry);
  nlohmann::json values = StateValues();
  EXPECT_EQ(values["id"], id);
  EXPECT_EQ(values["invite_status"], "Pending");
  EXPECT_EQ(values["expiration_date"], InStateSpelling(renewed["expiration_date"]));
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  EXPECT_EQ(SandboxInvitations().size(), 1u);
}

TEST_F(VultrInvitationTest, ExpiredWithoutResendPlansCleanAndIsNeverResent) {
  sandbox_.AdvanceClock(-kPastExpiry);  // sent more than three days ago
  workspace_.WriteConfig(InvitationConfig("quiet@example.com", "  resend_when_expired = false\n"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  sandbox_.AdvanceClock(kPastExpiry);
  sandbox_.ResetStats();
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"apply", "-refresh-only", "-auto-approve", "-no-color"});
  EXPECT_EQ(StateValues()["invite_status"], "Pending");  // as Vultr reports it
  EXPECT_EQ(sandbox_.Stats()["requests"].value("POST /v2/invitation/{id}/resend", 0), 0);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

TEST_F(VultrInvitationTest, AcceptedInvitationIsRefreshedAndSurvivesDestroy) {
  workspace_.WriteConfig(InvitationConfig("joiner@example.com"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  const std::string id = SandboxInvitations()[0]["id"];
  sandbox_.Accept(id);

  workspace_.RunExpect({"apply", "-refresh-only", "-auto-approve", "-no-color"});
  nlohmann::json values = StateValues();
  EXPECT_EQ(values["invite_status"], "Accepted");
  EXPECT_FALSE(values["date_responded"].get<std::string>().empty());
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // An accepted invitation never expires, and is never resent.
  sandbox_.AdvanceClock(kPastExpiry);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  CommandResult destroyed = workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  const std::string output = destroyed.out + destroyed.err;
  EXPECT_NE(output.find("Warning"), std::string::npos) << output;
  EXPECT_NE(output.find("member left in place"), std::string::npos) << output;
  const nlohmann::json users = sandbox_.State()["vultr"]["users"];
  bool member_found = false;
  for (const auto& user : users) {
    if (user["email"] == "joiner@example.com") member_found = true;
  }
  EXPECT_TRUE(member_found) << users.dump(2);
  EXPECT_TRUE(workspace_.StateJson()["values"]["root_module"]["resources"].is_null() ||
              workspace_.StateJson()["values"]["root_module"]["resources"].empty());
}

}  // namespace
}  // namespace orgiam::testing
