// One name, one registration: every compiled-in schema has an implementation and every
// implementation a schema, for each kind; a second registration of a type, or one without a
// schema, stops the start-up. The types come from the registries, never from a list here.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "framework/registry.h"
#include "framework/schema_registry.h"
#include "motherduck/register.h"
#include "provider/orgiam_provider.h"
#include "vultr/register.h"
#include "zitadel/register.h"

namespace orgiam::framework {
namespace {

constexpr SchemaKind kKinds[] = {SchemaKind::kResource, SchemaKind::kDataSource,
                                 SchemaKind::kEphemeral};

std::vector<std::string> SchemaNames(SchemaKind kind) {
  std::vector<std::string> names;
  for (const auto& [name, schema] : SchemaRegistry::Get().Of(kind)) names.push_back(name);
  return names;
}

// Every vendor's registration, as the provider does it (src/provider/orgiam_provider.cc).
struct AllVendors {
  AllVendors() {
    vultr::RegisterVultr(&vultr, &registry);
    zitadel::RegisterZitadel(&zitadel, &registry);
    motherduck::RegisterMotherduck(&motherduck, &registry);
  }
  vultr::VultrSlot vultr{"vultr", "no vultr"};
  zitadel::ZitadelSlot zitadel{"zitadel", "no zitadel"};
  motherduck::MotherduckSlot motherduck{"motherduck", "no motherduck"};
  Registry registry;
};

TEST(RegistrationTest, EverySchemaHasAnImplementationAndEveryImplementationASchema) {
  AllVendors vendors;
  for (SchemaKind kind : kKinds) {
    EXPECT_EQ(vendors.registry.Names(kind), SchemaNames(kind))
        << "the " << SchemaKindName(kind) << " schemas (left: implementations)";
  }
}

// The provider Terraform talks to finds each of them (its constructor would have aborted on
// an implementation without a schema).
TEST(RegistrationTest, TheProviderFindsEveryType) {
  std::unique_ptr<Provider> provider = provider::MakeOrgiamProvider();
  for (const std::string& name : SchemaNames(SchemaKind::kResource)) {
    EXPECT_NE(provider->FindResource(name), nullptr) << "resource " << name;
  }
  for (const std::string& name : SchemaNames(SchemaKind::kDataSource)) {
    EXPECT_NE(provider->FindDataSource(name), nullptr) << "data source " << name;
  }
  for (const std::string& name : SchemaNames(SchemaKind::kEphemeral)) {
    EXPECT_NE(provider->FindEphemeral(name), nullptr) << "ephemeral resource " << name;
  }
  EXPECT_EQ(provider->FindResource("orgiam_no_such_type"), nullptr);
}

class NothingDataSource : public DataSource {
 public:
  cty::Value Read(const cty::Value&, Diagnostics*) override { return cty::Value(); }
};

TEST(RegistrationDeathTest, ASecondRegistrationOfATypeAborts) {
  const std::string name = SchemaNames(SchemaKind::kDataSource).front();
  EXPECT_DEATH(
      {
        Registry registry;
        registry.AddDataSource(name, std::make_unique<NothingDataSource>());
        registry.AddDataSource(name, std::make_unique<NothingDataSource>());
      },
      "data source \"" + name + "\" is registered twice");
}

TEST(RegistrationDeathTest, ATypeWithoutASchemaAborts) {
  EXPECT_DEATH(
      {
        Registry registry;
        registry.AddDataSource("orgiam_vultr_userz", std::make_unique<NothingDataSource>());
      },
      "no data source schema named \"orgiam_vultr_userz\"");
  // The same name under another kind is not that kind's schema.
  EXPECT_DEATH(
      {
        Registry registry;
        registry.AddDataSource("orgiam_vultr_organization_invitation",
                               std::make_unique<NothingDataSource>());
      },
      "no data source schema named \"orgiam_vultr_organization_invitation\"");
}

TEST(SchemaForDeathTest, AMissingSchemaAbortsNamingTheKindAndTheName) {
  EXPECT_DEATH(SchemaFor(SchemaKind::kEphemeral, "orgiam_nope"),
               "no ephemeral resource schema named \"orgiam_nope\"");
  EXPECT_EQ(SchemaFor(SchemaKind::kResource, "orgiam_vultr_service_user").type_name,
            "orgiam_vultr_service_user");
}

}  // namespace
}  // namespace orgiam::framework
