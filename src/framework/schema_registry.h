#ifndef ORGIAM_FRAMEWORK_SCHEMA_REGISTRY_H_
#define ORGIAM_FRAMEWORK_SCHEMA_REGISTRY_H_

// Every schema compiled into the binary (schemas/**.json), parsed once on first use.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "framework/schema.h"

namespace orgiam::framework {

class SchemaRegistry {
 public:
  // The process-wide registry. Parsing failures abort: the schemas are part of the binary and
  // a unit test loads every one of them.
  static const SchemaRegistry& Get();

  const Schema& provider() const { return provider_; }
  // nullptr when there is no such type: for names that come from outside (Terraform's
  // requests). Provider code that names its own type calls SchemaFor below.
  const Schema* Find(SchemaKind kind, std::string_view type_name) const;
  // The schemas of one kind by type name (kProvider: empty).
  const std::map<std::string, Schema, std::less<>>& Of(SchemaKind kind) const;
  const std::map<std::string, Schema, std::less<>>& resources() const { return resources_; }
  const std::map<std::string, Schema, std::less<>>& data_sources() const { return data_sources_; }
  const std::map<std::string, Schema, std::less<>>& ephemerals() const { return ephemerals_; }

 private:
  SchemaRegistry();
  Schema provider_;
  std::map<std::string, Schema, std::less<>> resources_;
  std::map<std::string, Schema, std::less<>> data_sources_;
  std::map<std::string, Schema, std::less<>> ephemerals_;
};

// The schema of a type that the provider's own code names. A missing one is a programming
// error (a misspelling, a schema file not added): it aborts, naming the kind and the name,
// in every build, so that the first start-up or test shows it.
const Schema& SchemaFor(SchemaKind kind, const std::string& type_name);
// SchemaFor(SchemaKind::kResource, type_name): what a resource's own file asks for.
inline const Schema& ResourceSchema(const std::string& type_name) {
  return SchemaFor(SchemaKind::kResource, type_name);
}
// The same for a data source's and an ephemeral resource's own file.
inline const Schema& DataSourceSchema(const std::string& type_name) {
  return SchemaFor(SchemaKind::kDataSource, type_name);
}
inline const Schema& EphemeralSchema(const std::string& type_name) {
  return SchemaFor(SchemaKind::kEphemeral, type_name);
}

// "resource", "data source", "ephemeral resource" or "provider".
const char* SchemaKindName(SchemaKind kind);

// Generated from schemas/ at build time: the raw JSON documents.
struct EmbeddedSchema {
  const char* path;
  const char* json;
};
const std::vector<EmbeddedSchema>& EmbeddedSchemas();

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_SCHEMA_REGISTRY_H_
