// The bad-configuration table (bad_configurations.txt) through the real terraform: every case
// gets exactly one error from `terraform validate -json`, on the line the case marks, naming the
// attribute and saying what is allowed.
//
// All cases share one workspace and one validate run, each in a file of its own: a
// diagnostic's range names its file, so it is attributed to exactly one case. (A workspace per
// case costs an init and a provider start each, minutes on two cores; see the test's timing.)

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "re2/re2.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

// A value printed whole would make this many bytes of diagnostic look normal.
constexpr size_t kMaxDetailBytes = 1024;
constexpr char kMarker[] = "# <-";

struct BadConfiguration {
  std::string name;
  std::string path;
  std::vector<std::string> texts;
  std::vector<std::string> absents;
  std::string config;
  int marked_line = 0;  // 1-based line of the config that ends with the marker
};

// %%<text>*<n>%% becomes <text> repeated n times (megabyte values stay out of the table).
std::string ExpandRepeats(const std::string& line) {
  static const RE2 kRepeat(R"(%%(.+?)\*(\d+)%%)");
  std::string out = line;
  std::string text;
  int count = 0;
  while (RE2::PartialMatch(out, kRepeat, &text, &count)) {
    std::string repeated;
    for (int i = 0; i < count; ++i) repeated += text;
    RE2::Replace(&out, kRepeat, repeated);
  }
  return out;
}

// `line` after `prefix`, when it starts with it.
std::optional<std::string> After(const std::string& line, std::string_view prefix) {
  if (!line.starts_with(prefix)) return std::nullopt;
  return line.substr(prefix.size());
}

std::vector<BadConfiguration> LoadTable() {
  std::ifstream in(ORGIAM_BAD_CONFIGURATIONS);
  EXPECT_TRUE(in.good()) << ORGIAM_BAD_CONFIGURATIONS;
  std::vector<BadConfiguration> cases;
  std::string line;
  int config_lines = 0;  // of the current case's configuration so far
  while (std::getline(in, line)) {
    if (auto name = After(line, "=== ")) {
      cases.push_back(BadConfiguration{.name = *name});
      config_lines = 0;
      continue;
    }
    if (cases.empty() || (config_lines == 0 && line.starts_with("#"))) continue;
    BadConfiguration& c = cases.back();
    if (config_lines == 0 && line.starts_with("path:")) {
      c.path = std::string(absl::StripAsciiWhitespace(absl::string_view(line).substr(5)));
    } else if (auto text = config_lines == 0 ? After(line, "text: ") : std::nullopt) {
      c.texts.push_back(*text);
    } else if (auto absent = config_lines == 0 ? After(line, "absent: ") : std::nullopt) {
      c.absents.push_back(*absent);
    } else if (!line.empty() || config_lines > 0) {
      ++config_lines;
      if (line.ends_with(kMarker)) c.marked_line = config_lines;
      absl::StrAppend(&c.config, ExpandRepeats(line), "\n");
    }
  }
  return cases;
}

std::string CaseFile(size_t index) { return absl::StrFormat("case_%03d.tf", index); }

TEST(ValidateTableTest, EveryBadConfigurationGetsOneDiagnosticOnItsAttribute) {
  const std::vector<BadConfiguration> cases = LoadTable();
  ASSERT_GE(cases.size(), 80u);

  TerraformWorkspace workspace;
  workspace.WriteConfig(kRequireOrgiam, "versions.tf");
  for (size_t i = 0; i < cases.size(); ++i) {
    ASSERT_FALSE(cases[i].texts.empty()) << cases[i].name << ": no text to expect";
    ASSERT_GT(cases[i].marked_line, 0) << cases[i].name << ": no line ends with " << kMarker;
    std::string config = cases[i].config;
    // Terraform validates a provider configuration only when something uses it.
    if (RE2::PartialMatch(config, R"(alias\s*=\s*"CASE")")) {
      absl::StrAppend(&config,
                      "data \"orgiam_vultr_users\" \"CASE\" {\n  provider = orgiam.CASE\n}\n");
    }
    workspace.WriteConfig(
        absl::StrReplaceAll(config, {{"\"CASE\"", absl::StrCat("\"c", i, "\"")},
                                     {"orgiam.CASE", absl::StrCat("orgiam.c", i)}}),
        CaseFile(i));
  }
  workspace.Init();
  const auto start = std::chrono::steady_clock::now();
  CommandResult result = workspace.RunExpect({"validate", "-json"}, 1);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "terraform validate of " << cases.size() << " cases: " << seconds << " s\n";
  const nlohmann::json report = nlohmann::json::parse(result.out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << result.out.substr(0, 4096) << result.err;

  std::map<std::string, std::vector<nlohmann::json>> by_file;
  for (const nlohmann::json& diagnostic : report["diagnostics"]) {
    const std::string file = diagnostic.contains("range")
                                 ? diagnostic["range"].value("filename", std::string())
                                 : std::string();
    by_file[file].push_back(diagnostic);
  }
  for (size_t i = 0; i < cases.size(); ++i) {
    const BadConfiguration& c = cases[i];
    SCOPED_TRACE(absl::StrCat(CaseFile(i), ": ", c.name));
    const std::vector<nlohmann::json> found = by_file[CaseFile(i)];
    by_file.erase(CaseFile(i));
    std::string all;
    for (const auto& d : found) all += d.value("detail", "").substr(0, 300) + "\n";
    EXPECT_EQ(found.size(), 1u) << all;
    if (found.size() != 1) continue;  // every case is still judged
    const nlohmann::json& diagnostic = found[0];
    EXPECT_EQ(diagnostic["severity"], "error");
    EXPECT_EQ(diagnostic["range"]["start"]["line"].get<int>(), c.marked_line);
    if (diagnostic.contains("address")) {  // the resource or provider block of this case
      EXPECT_TRUE(diagnostic["address"].get<std::string>().ends_with(absl::StrCat(".c", i)))
          << diagnostic["address"];
    }
    const std::string detail = diagnostic.value("detail", "");
    EXPECT_LE(detail.size(), kMaxDetailBytes) << detail.substr(0, 300);
    if (!c.path.empty()) {
      EXPECT_TRUE(detail.find(absl::StrCat("Attribute ", c.path, " ")) != std::string::npos ||
                  detail.find(absl::StrCat("when ", c.path, " is set")) != std::string::npos ||
                  detail.find(absl::StrCat("\"", c.path, "\"")) != std::string::npos)
          << detail;
    }
    for (const std::string& text : c.texts) {
      EXPECT_NE(detail.find(text), std::string::npos) << "expected: " << text << "\n" << detail;
    }
    for (const std::string& text : c.absents) {
      EXPECT_EQ(detail.find(text), std::string::npos) << "shown: " << text << "\n" << detail;
    }
  }
  for (const auto& [file, rest] : by_file) {
    ADD_FAILURE() << rest.size() << " diagnostic(s) outside the cases, in \"" << file
                  << "\": " << rest[0].dump().substr(0, 500);
  }
}

}  // namespace
}  // namespace orgiam::testing
