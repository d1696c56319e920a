// Plans that depend on times: framework/time_plan.h (and framework/replacement.h beneath it).

#include "framework/time_plan.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "framework/object_builder.h"
#include "framework/schema_loader.h"

namespace orgiam::framework {
namespace {

// A credential: a configurable expiry (date_expire), a computed one (expire_at).
constexpr char kSchema[] = R"({"kind": "resource", "name": "test_key", "attributes": {
  "date_expire": {"type": "string", "optional": true},
  "expire_at": {"type": "string", "computed": true},
  "id": {"type": "string", "computed": true, "use_state_for_unknown": true},
  "kind": {"type": "string", "optional": true, "computed": true, "default": "plain"},
  "name": {"type": "string", "required": true, "requires_replace": true}
}})";

const absl::Time kNow = absl::FromUnixSeconds(1900000000);  // 2030-03-17T17:46:40Z

class TimePlanTest : public ::testing::Test {
 protected:
  TimePlanTest() : schema_(*LoadSchema(kSchema)) {}

  static cty::Value S(const char* s) { return cty::Value::String(s); }
  static cty::Value Time(const char* text) {
    return text ? S(text) : cty::Value::Null(cty::Type::String());
  }
  cty::Value Prior(const char* date_expire, const char* expire_at = "") const {
    return ObjectBuilder(schema_)
        .SetString("id", "k-1")
        .SetString("name", "deploy")
        .Set("date_expire", Time(date_expire))
        .SetString("expire_at", expire_at)
        .SetString("kind", "plain")
        .Build();
  }
  cty::Value Config(const char* date_expire) const {
    return ObjectBuilder(schema_)
        .SetString("name", "deploy")
        .Set("date_expire", Time(date_expire))
        .Build();
  }
  // What the engine plans for an unchanged object: the configuration, the prior's computed
  // values.
  cty::Value Planned(const cty::Value& prior, const cty::Value& config) const {
    return prior.WithAttr("date_expire", config.GetAttr("date_expire"));
  }

  PlanRequest Request(const cty::Value& prior, const cty::Value& config) {
    return PlanRequest{.prior = prior, .config = config, .requires_replace = &replace_};
  }
  bool PlanExpiry(const cty::Value& prior, const cty::Value& config, const char* attribute,
                  const char* what, cty::Value* planned) {
    return PlanRecreationWhenExpired(
        schema_, Request(prior, config), planned,
        ExpiringCredential{.expiry_attribute = attribute, .what = what}, kNow, &diagnostics_);
  }

  Schema schema_;
  std::vector<cty::Path> replace_;
  Diagnostics diagnostics_;
};

TEST_F(TimePlanTest, TheSameInstantAtThePrecisionIsNoReplacement) {
  // Another spelling of the same instant, and a fraction below the precision.
  for (const auto& [prior_time, configured] :
       {std::pair{"2030-01-01T00:00:00Z", "2030-01-01T01:00:00+01:00"},
        std::pair{"2030-01-01T00:00:07Z", "2030-01-01T00:00:07.5Z"}}) {
    const cty::Value prior = Prior(prior_time);
    const cty::Value config = Config(configured);
    cty::Value planned = Planned(prior, config);
    ReplaceWhenInstantChanges(schema_, Request(prior, config), &planned, "date_expire",
                              absl::Seconds(1));
    EXPECT_TRUE(replace_.empty()) << configured;
    EXPECT_EQ(planned.GetAttr("date_expire").AsString(), configured);
    EXPECT_EQ(planned.GetAttr("id").AsString(), "k-1");
  }
}

TEST_F(TimePlanTest, AnotherInstantReplacesAndForgetsTheOldObjectsComputedValues) {
  for (const char* configured : {"2030-01-01T00:00:01Z", static_cast<const char*>(nullptr)}) {
    replace_.clear();
    const cty::Value prior = Prior("2030-01-01T00:00:00Z");
    const cty::Value config = Config(configured);
    cty::Value planned = Planned(prior, config);
    ReplaceWhenInstantChanges(schema_, Request(prior, config), &planned, "date_expire",
                              absl::Seconds(1));
    ASSERT_EQ(replace_.size(), 1u);
    EXPECT_EQ(replace_[0], cty::Path().Attr("date_expire"));
    EXPECT_FALSE(planned.GetAttr("id").IsKnown());
    EXPECT_FALSE(planned.GetAttr("expire_at").IsKnown());
    EXPECT_EQ(planned.GetAttr("kind").AsString(), "plain");  // a default stays planned
  }
}

TEST_F(TimePlanTest, AnUnknownTimeReplaces) {
  const cty::Value prior = Prior("2030-01-01T00:00:00Z");
  const cty::Value config =
      Config(nullptr).WithAttr("date_expire", cty::Value::Unknown(cty::Type::String()));
  cty::Value planned = Planned(prior, config);
  ReplaceWhenInstantChanges(schema_, Request(prior, config), &planned, "date_expire",
                            absl::Seconds(1));
  EXPECT_EQ(replace_.size(), 1u);
}

TEST_F(TimePlanTest, AnExpiredCredentialIsPlannedForRecreationWithTheReason) {
  const cty::Value prior = Prior(nullptr, "2030-03-17T17:00:00.000Z");
  const cty::Value config = Config(nullptr);
  cty::Value planned = Planned(prior, config);
  EXPECT_TRUE(PlanExpiry(prior, config, "expire_at", "test token", &planned));
  // The computed expiry is unknown now, so it is what forces the replacement.
  ASSERT_EQ(replace_.size(), 1u);
  EXPECT_EQ(replace_[0], cty::Path().Attr("expire_at"));
  EXPECT_FALSE(planned.GetAttr("id").IsKnown());
  ASSERT_EQ(diagnostics_.items().size(), 1u);
  const Diagnostic& warning = diagnostics_.items()[0];
  EXPECT_EQ(warning.severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(warning.summary, "Expired test token: a new one is planned");
  EXPECT_NE(warning.detail.find("The test token k-1 expired at 2030-03-17T17:00:00.000Z"),
            std::string::npos)
      << warning.detail;
  EXPECT_EQ(warning.detail.find("has passed as well"), std::string::npos) << warning.detail;
}

TEST_F(TimePlanTest, AConfiguredExpiryThatHasPassedIsNamedInTheWarning) {
  const cty::Value prior = Prior("2030-03-17T17:46:00Z");
  const cty::Value config = Config("2030-03-17T17:46:00Z");
  cty::Value planned = Planned(prior, config);
  EXPECT_TRUE(PlanExpiry(prior, config, "date_expire", "test key", &planned));
  // The configured expiry cannot change in the plan: the unknown id forces the replacement.
  ASSERT_EQ(replace_.size(), 1u);
  EXPECT_EQ(replace_[0], cty::Path().Attr("id"));
  EXPECT_EQ(planned.GetAttr("date_expire").AsString(), "2030-03-17T17:46:00Z");
  ASSERT_EQ(diagnostics_.items().size(), 1u);
  EXPECT_NE(diagnostics_.items()[0].detail.find(
                "The configured date_expire (2030-03-17T17:46:00Z) has passed as well"),
            std::string::npos)
      << diagnostics_.items()[0].detail;
}

TEST_F(TimePlanTest, NothingHappensBeforeExpiryOnCreateOrWhenReplacedAnyway) {
  const cty::Value config = Config(nullptr);
  // Not yet expired, or never expiring.
  for (const char* expire_at : {"2030-03-17T17:46:41Z", ""}) {
    const cty::Value prior = Prior(nullptr, expire_at);
    cty::Value planned = Planned(prior, config);
    EXPECT_FALSE(PlanExpiry(prior, config, "expire_at", "test token", &planned));
    EXPECT_EQ(planned, prior);
  }
  // A create.
  cty::Value planned = config;
  const cty::Value none = cty::Value::Null(schema_.implied_type);
  EXPECT_FALSE(PlanExpiry(none, config, "expire_at", "test token", &planned));
  EXPECT_TRUE(replace_.empty());
  // Already replaced for another reason: no second reason, no warning.
  replace_.push_back(cty::Path().Attr("name"));
  const cty::Value prior = Prior(nullptr, "2030-03-17T17:00:00Z");
  planned = Planned(prior, config);
  EXPECT_FALSE(PlanExpiry(prior, config, "expire_at", "test token", &planned));
  EXPECT_EQ(replace_.size(), 1u);
  EXPECT_TRUE(diagnostics_.empty());
}

}  // namespace
}  // namespace orgiam::framework
