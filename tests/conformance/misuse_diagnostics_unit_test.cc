// The release half of util/misuse.h: a programming error recorded while a request was served
// comes back to Terraform as one error diagnostic of that request, never as an exception.

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tfproto/convert.h"
#include "util/misuse.h"

namespace orgiam::tfproto {
namespace {

using ::testing::HasSubstr;

class MisuseDiagnosticsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    strict_ = util::StrictChecks();
    util::SetStrictChecksForTesting(false);
    util::TakeMisuseReports();
  }
  void TearDown() override { util::SetStrictChecksForTesting(strict_); }
  bool strict_ = false;
};

TEST_F(MisuseDiagnosticsTest, ARecordedMisuseBecomesAnInternalError) {
  util::ReportMisuse("framework::GetString(\"emial\") on object {email, id}");
  framework::Diagnostics diagnostics;
  diagnostics.AddWarning("A warning", "of the resource");
  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> wire;
  AppendDiagnostics(diagnostics, &wire);
  ASSERT_EQ(wire.size(), 2);
  EXPECT_EQ(wire[0].severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(wire[0].summary(), "Internal error in the provider");
  EXPECT_THAT(wire[0].detail(), HasSubstr("internal error in the provider: framework::GetString"));
  EXPECT_THAT(wire[0].detail(), HasSubstr("emial"));
  EXPECT_THAT(wire[0].detail(), HasSubstr("please report"));
  EXPECT_EQ(wire[1].summary(), "A warning");

  // Taken once: the next request of this thread starts clean.
  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> next;
  AppendDiagnostics(framework::Diagnostics(), &next);
  EXPECT_EQ(next.size(), 0);
}

}  // namespace
}  // namespace orgiam::tfproto
