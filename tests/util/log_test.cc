// The log line format: what Terraform prints as written (see util/log.h).

#include "util/log.h"

#include <gtest/gtest.h>

namespace orgiam::log {
namespace {

TEST(LogTest, LeadingFieldsComeFirstInAFixedOrderAndTheRestKeepTheirs) {
  EXPECT_EQ(FormatLine(Level::kDebug, "http", "HTTP request",
                       {{"vendor", "vultr"},
                        {"attempt", "1"},
                        {"duration_ms", "12"},
                        {"status", "200"},
                        {"path", "/v2/users"},
                        {"method", "GET"}}),
            "[DEBUG] HTTP request: @module=http method=GET path=/v2/users status=200 "
            "duration_ms=12 vendor=vultr attempt=1");
}

TEST(LogTest, EveryLevelHasThePrefixTerraformReads) {
  EXPECT_EQ(FormatLine(Level::kTrace, "", "m"), "[TRACE] m: @module=orgiam");
  EXPECT_EQ(FormatLine(Level::kInfo, "x", "m"), "[INFO] m: @module=x");
  EXPECT_EQ(FormatLine(Level::kWarn, "x", "m"), "[WARN] m: @module=x");
  EXPECT_EQ(FormatLine(Level::kError, "x", "m"), "[ERROR] m: @module=x");
}

TEST(LogTest, AnEntryStaysOneLineAndValuesStayReadable) {
  EXPECT_EQ(FormatLine(Level::kInfo, "grpc", "two\nlines",
                       {{"error", "bad \"thing\"\nhere"}, {"empty", ""}, {"eq", "a=b"}}),
            "[INFO] two\\nlines: @module=grpc error=\"bad \\\"thing\\\"\\nhere\" empty=\"\" "
            "eq=\"a=b\"");
}

}  // namespace
}  // namespace orgiam::log
