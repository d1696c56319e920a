#include "framework/plan_engine.h"

#include <gtest/gtest.h>

#include "framework/schema_loader.h"

namespace orgiam::framework {
namespace {

constexpr char kSchema[] = R"({
  "kind": "resource", "name": "test_widget",
  "attributes": {
    "id": {"type": "string", "computed": true, "use_state_for_unknown": true},
    "name": {"type": "string", "required": true},
    "zone": {"type": "string", "required": true, "requires_replace": true},
    "enabled": {"type": "bool", "optional": true, "computed": true, "default": true},
    "note": {"type": "string", "optional": true},
    "secret_wo": {"type": "string", "optional": true, "write_only": true},
    "updated_at": {"type": "string", "computed": true},
    "key": {"type": "string", "computed": true, "sensitive": true, "use_state_for_unknown": true}
  }
})";

// Records what the engine asks for and answers like a well-behaved API.
class RecordingResource : public Resource {
 public:
  cty::Value Create(const cty::Value& planned, const cty::Value& config,
                    Diagnostics* diagnostics) override {
    seen_secret = config.GetAttr("secret_wo");
    if (fail_create) {
      diagnostics->AddError("create failed", "the API said no");
      return partial_on_failure ? planned.WithAttr("id", cty::Value::String("half")) : cty::Value();
    }
    return planned.WithAttr("id", cty::Value::String("w-1"))
        .WithAttr("updated_at", cty::Value::String("t1"))
        .WithAttr("key", cty::Value::String("k-1"))
        .WithAttr("secret_wo", cty::Value::String("leak"));
  }
  std::optional<cty::Value> Read(const cty::Value& state, Diagnostics*) override { return state; }
  cty::Value Update(const cty::Value&, const cty::Value& planned, const cty::Value&,
                    Diagnostics*) override {
    return planned.WithAttr("updated_at", cty::Value::String("t2"));
  }
  void Delete(const cty::Value&, Diagnostics*) override { deleted = true; }
  std::optional<cty::Value> Import(const std::string&, Diagnostics*) override {
    return std::nullopt;
  }

  bool fail_create = false;
  bool partial_on_failure = false;
  bool deleted = false;
  cty::Value seen_secret;
};

class PlanEngineTest : public ::testing::Test {
 protected:
  PlanEngineTest() : schema_(*LoadSchema(kSchema)) {}

  cty::Value Object(std::map<std::string, cty::Value> set) const {
    std::map<std::string, cty::Value> attributes;
    for (const auto& [name, type] : schema_.implied_type.attributes()) {
      auto it = set.find(name);
      attributes[name] = it != set.end() ? it->second : cty::Value::Null(type);
    }
    return cty::Value::Object(schema_.implied_type, attributes);
  }
  cty::Value Null() const { return cty::Value::Null(schema_.implied_type); }
  static cty::Value S(const char* s) { return cty::Value::String(s); }
  static cty::Value Unknown() { return cty::Value::Unknown(cty::Type::String()); }

  Schema schema_;
  RecordingResource resource_;
};

TEST_F(PlanEngineTest, CreateMarksComputedUnknownAppliesDefaultsAndNullsWriteOnly) {
  cty::Value config = Object({{"name", S("a")}, {"zone", Unknown()}, {"secret_wo", S("pw")}});
  Diagnostics d;
  PlannedChange change = PlanChange(schema_, resource_, Null(), config, config, &d);
  EXPECT_TRUE(d.empty());
  const cty::Value& p = change.planned;
  EXPECT_FALSE(p.GetAttr("id").IsKnown());
  EXPECT_FALSE(p.GetAttr("updated_at").IsKnown());
  EXPECT_EQ(p.GetAttr("enabled"), cty::Value::Bool(true));
  EXPECT_FALSE(p.GetAttr("zone").IsKnown());  // configured unknown passes through
  EXPECT_TRUE(p.GetAttr("note").IsNull());    // non-computed null stays null
  EXPECT_TRUE(p.GetAttr("secret_wo").IsNull());
  EXPECT_TRUE(change.requires_replace.empty());
  // Deterministic: the same inputs plan the same value.
  EXPECT_EQ(PlanChange(schema_, resource_, Null(), config, config, &d).planned, p);
}

TEST_F(PlanEngineTest, NoChangeKeepsPriorComputedValues) {
  cty::Value prior = Object({{"id", S("w-1")},
                             {"name", S("a")},
                             {"zone", S("z")},
                             {"enabled", cty::Value::Bool(true)},
                             {"updated_at", S("t1")},
                             {"key", S("k")}});
  cty::Value config = Object({{"name", S("a")}, {"zone", S("z")}});
  cty::Value proposed = prior;  // Terraform proposes prior values for null computed attrs
  Diagnostics d;
  PlannedChange change = PlanChange(schema_, resource_, prior, proposed, config, &d);
  EXPECT_EQ(change.planned, prior);
  EXPECT_TRUE(change.requires_replace.empty());
}

TEST_F(PlanEngineTest, UpdateRefreshesVolatileComputedOnly) {
  cty::Value prior = Object({{"id", S("w-1")},
                             {"name", S("a")},
                             {"zone", S("z")},
                             {"enabled", cty::Value::Bool(true)},
                             {"updated_at", S("t1")},
                             {"key", S("k")}});
  cty::Value config = Object({{"name", S("b")}, {"zone", S("z")}});
  cty::Value proposed = prior.WithAttr("name", S("b"));
  Diagnostics d;
  PlannedChange change = PlanChange(schema_, resource_, prior, proposed, config, &d);
  EXPECT_EQ(change.planned.GetAttr("id"), S("w-1"));
  EXPECT_EQ(change.planned.GetAttr("key"), S("k"));
  EXPECT_FALSE(change.planned.GetAttr("updated_at").IsKnown());
  EXPECT_TRUE(change.requires_replace.empty());
}

TEST_F(PlanEngineTest, ReplaceOnChangeReportsThePathAndForgetsOldIdentity) {
  cty::Value prior = Object({{"id", S("w-1")},
                             {"name", S("a")},
                             {"zone", S("z")},
                             {"enabled", cty::Value::Bool(true)},
                             {"updated_at", S("t1")},
                             {"key", S("k")}});
  cty::Value config = Object({{"name", S("a")}, {"zone", S("y")}});
  Diagnostics d;
  PlannedChange change =
      PlanChange(schema_, resource_, prior, prior.WithAttr("zone", S("y")), config, &d);
  ASSERT_EQ(change.requires_replace.size(), 1u);
  EXPECT_EQ(change.requires_replace[0].ToString(), "zone");
  EXPECT_FALSE(change.planned.GetAttr("id").IsKnown());
  EXPECT_FALSE(change.planned.GetAttr("key").IsKnown());
}

TEST_F(PlanEngineTest, DestroyPlansNull) {
  Diagnostics d;
  PlannedChange change =
      PlanChange(schema_, resource_, Object({{"id", S("w-1")}}), Null(), Null(), &d);
  EXPECT_TRUE(change.planned.IsNull());
}

TEST_F(PlanEngineTest, ApplyKeepsPromisesFillsUnknownsAndNeverStoresWriteOnly) {
  cty::Value config = Object({{"name", S("a")}, {"zone", S("z")}, {"secret_wo", S("pw")}});
  Diagnostics d;
  PlannedChange change = PlanChange(schema_, resource_, Null(), config, config, &d);
  cty::Value state = ApplyChange(schema_, resource_, Null(), change.planned, config, &d);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(resource_.seen_secret, S("pw"));  // read from config at apply
  EXPECT_EQ(state.GetAttr("id"), S("w-1"));
  EXPECT_EQ(state.GetAttr("key"), S("k-1"));
  EXPECT_TRUE(state.GetAttr("secret_wo").IsNull());
  EXPECT_TRUE(state.IsWhollyKnown());
}

TEST_F(PlanEngineTest, FailedCreateKeepsPartialStateSoItIsTainted) {
  cty::Value config = Object({{"name", S("a")}, {"zone", S("z")}});
  Diagnostics plan_d;
  PlannedChange change = PlanChange(schema_, resource_, Null(), config, config, &plan_d);
  resource_.fail_create = true;
  resource_.partial_on_failure = true;
  Diagnostics d;
  cty::Value state = ApplyChange(schema_, resource_, Null(), change.planned, config, &d);
  EXPECT_TRUE(d.HasError());
  ASSERT_FALSE(state.IsNull());
  EXPECT_EQ(state.GetAttr("id"), S("half"));
  EXPECT_TRUE(state.IsWhollyKnown());
  // Nothing created: nothing to keep.
  resource_.partial_on_failure = false;
  Diagnostics d2;
  EXPECT_TRUE(ApplyChange(schema_, resource_, Null(), change.planned, config, &d2).IsNull());
}

TEST_F(PlanEngineTest, DeleteReturnsNull) {
  cty::Value prior = Object({{"id", S("w-1")}, {"name", S("a")}, {"zone", S("z")}});
  Diagnostics d;
  EXPECT_TRUE(ApplyChange(schema_, resource_, prior, Null(), Null(), &d).IsNull());
  EXPECT_TRUE(resource_.deleted);
}

}  // namespace
}  // namespace orgiam::framework
