// --data FILE: state (and the clock offset) survive a restart; the file is
// replaced atomically and a corrupt file is refused.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

class PersistenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("orgiam-sandbox-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    file_ = (dir_ / "state.json").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string file_;
};

TEST_F(PersistenceTest, StateSurvivesARestart) {
  Json before;
  std::string vultr_id;
  {
    SandboxServer sandbox({"--data", file_});
    ASSERT_TRUE(sandbox.started());
    vultr_id = sandbox
                   .Call("POST", "/v2/users",
                         {{"email", "keep@example.com"},
                          {"name", "k"},
                          {"service_user", true},
                          {"password", "correct-horse-1"}})
                   .json["user"]["id"];
    ASSERT_EQ(sandbox.Call("POST", "/v2/users/" + vultr_id + "/apikeys", {{"name", "k"}}).status,
              201);
    ASSERT_EQ(sandbox.Call("POST", "/v2/invitation", {{"email_invited", "i@example.com"}}).status,
              201);
    const std::string zid =
        sandbox.Call("POST", "/management/v1/users/machine", {{"userName", "m"}, {"name", "m"}})
            .json["userId"];
    ASSERT_EQ(sandbox.Call("PUT", "/management/v1/users/" + zid + "/secret").status, 200);
    ASSERT_EQ(sandbox.Call("POST", "/management/v1/users/" + zid + "/pats", Json::object()).status,
              200);
    ASSERT_EQ(sandbox.Call("POST", "/v1/users", {{"username", "dück"}}).status, 200);
    ASSERT_EQ(sandbox.Call("POST", "/v1/users/dück/tokens", {{"name", "t"}, {"ttl", 3600}}).status,
              200);
    ASSERT_EQ(sandbox.Admin("POST", "/_sandbox/clock", {{"advance_s", 1000}}).status, 200);
    before = sandbox.State();
    EXPECT_EQ(sandbox.Stop(SIGTERM), 0);
  }
  ASSERT_TRUE(std::filesystem::exists(file_));
  // Only the state file is left: temporary files were renamed over it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_),
                          std::filesystem::directory_iterator()),
            1);

  SandboxServer again({"--data", file_});
  ASSERT_TRUE(again.started());
  EXPECT_EQ(again.Admin("GET", "/_sandbox/clock").json["offset_s"], 1000);
  EXPECT_EQ(again.State(), before);
  EXPECT_EQ(again.State()["zitadel"]["pats"].size(), 1u);
  EXPECT_EQ(again.Call("GET", "/v2/users/" + vultr_id).status, 200);
  // New objects keep being ordered after the old ones.
  ASSERT_EQ(again
                .Call("POST", "/v2/users",
                      {{"email", "new@example.com"},
                       {"name", "n"},
                       {"service_user", true},
                       {"password", "correct-horse-1"}})
                .status,
            201);
  const Json users = again.Call("GET", "/v2/users?per_page=1").json;
  EXPECT_EQ(users["users"][0]["id"], vultr_id);
  const Json second = again
                          .Call("GET", "/v2/users?per_page=1&cursor=" +
                                           users["meta"]["links"]["next"].get<std::string>())
                          .json;
  EXPECT_EQ(second["users"][0]["email"], "new@example.com");
}

TEST_F(PersistenceTest, DeletesArePersistedToo) {
  {
    SandboxServer sandbox({"--data", file_});
    const std::string id = sandbox
                               .Call("POST", "/v2/users",
                                     {{"email", "d@example.com"},
                                      {"name", "d"},
                                      {"service_user", true},
                                      {"password", "correct-horse-1"}})
                               .json["user"]["id"];
    ASSERT_EQ(sandbox.Call("DELETE", "/v2/users/" + id).status, 204);
    // Killed without a chance to flush anything: every change is already on
    // disk.
    sandbox.Stop(SIGKILL);
  }
  SandboxServer again({"--data", file_});
  EXPECT_TRUE(again.State()["vultr"]["users"].empty());
}

TEST_F(PersistenceTest, TemporaryFilesAreFreshPrivateAndUnique) {
  // Leftovers of a crashed run: a stale temporary file, and a symbolic link
  // planted at a temporary-looking name. Neither is written through.
  const std::filesystem::path victim = dir_ / "victim";
  { std::ofstream(victim) << "untouched"; }
  { std::ofstream(file_ + ".tmp.1.stale") << "stale"; }
  std::filesystem::create_symlink(victim, file_ + ".tmp.2.link");
  {
    SandboxServer sandbox({"--data", file_});
    ASSERT_TRUE(sandbox.started());
    for (int i = 0; i < 5; ++i) {
      ASSERT_EQ(sandbox.Call("POST", "/v1/users", {{"username", "u" + std::to_string(i)}}).status,
                200);
    }
    EXPECT_EQ(sandbox.Stop(SIGTERM), 0);
  }
  // The state is written, readable by its owner only.
  const auto permissions = std::filesystem::status(file_).permissions();
  EXPECT_EQ(permissions & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_TRUE(std::filesystem::is_regular_file(std::filesystem::symlink_status(file_)));
  std::ifstream victim_in(victim);
  std::string victim_text;
  std::getline(victim_in, victim_text);
  EXPECT_EQ(victim_text, "untouched");
  // Only the state file and the planted leftovers are there: each save's own
  // temporary file was renamed over the state file.
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    names.insert(entry.path().filename().string());
  }
  EXPECT_EQ(names, (std::set<std::string>{"state.json", "state.json.tmp.1.stale",
                                          "state.json.tmp.2.link", "victim"}));
  SandboxServer again({"--data", file_});
  EXPECT_EQ(again.State()["motherduck"]["users"].size(), 5u);
}

TEST_F(PersistenceTest, CorruptFileIsRefused) {
  {
    std::ofstream out(file_);
    out << "{ this is not json";
  }
  std::string output;
  EXPECT_NE(RunSandboxToExit({"--port", "0", "--data", file_}, &output), 0);
  EXPECT_NE(output.find("state file"), std::string::npos) << output;
}

TEST_F(PersistenceTest, MissingFileStartsEmpty) {
  SandboxServer sandbox({"--data", (dir_ / "new.json").string()});
  ASSERT_TRUE(sandbox.started());
  EXPECT_TRUE(sandbox.State()["vultr"]["users"].empty());
}

}  // namespace
}  // namespace orgiam::sandbox::testing
