#include "framework/schema_registry.h"

#include <cstdio>
#include <cstdlib>

#include "framework/schema_loader.h"

namespace orgiam::framework {

const SchemaRegistry& SchemaRegistry::Get() {
  static const SchemaRegistry* const registry = new SchemaRegistry();
  return *registry;
}

SchemaRegistry::SchemaRegistry() {
  for (const EmbeddedSchema& embedded : EmbeddedSchemas()) {
    absl::StatusOr<Schema> schema = LoadSchema(embedded.json);
    if (!schema.ok()) {
      std::fprintf(stderr, "orgiam: invalid built-in schema %s: %s\n", embedded.path,
                   std::string(schema.status().message()).c_str());
      std::abort();
    }
    switch (schema->kind) {
      case SchemaKind::kProvider:
        provider_ = *std::move(schema);
        break;
      case SchemaKind::kResource:
        resources_.emplace(schema->type_name, *std::move(schema));
        break;
      case SchemaKind::kDataSource:
        data_sources_.emplace(schema->type_name, *std::move(schema));
        break;
      case SchemaKind::kEphemeral:
        ephemerals_.emplace(schema->type_name, *std::move(schema));
        break;
    }
  }
}

const std::map<std::string, Schema, std::less<>>& SchemaRegistry::Of(SchemaKind kind) const {
  static const std::map<std::string, Schema, std::less<>>* const kNone =
      new std::map<std::string, Schema, std::less<>>();
  switch (kind) {
    case SchemaKind::kProvider:
      return *kNone;
    case SchemaKind::kResource:
      return resources_;
    case SchemaKind::kDataSource:
      return data_sources_;
    case SchemaKind::kEphemeral:
      return ephemerals_;
  }
  return *kNone;
}

const Schema* SchemaRegistry::Find(SchemaKind kind, std::string_view type_name) const {
  if (kind == SchemaKind::kProvider) return &provider_;
  const std::map<std::string, Schema, std::less<>>& table = Of(kind);
  auto it = table.find(type_name);
  return it == table.end() ? nullptr : &it->second;
}

const Schema& SchemaFor(SchemaKind kind, const std::string& type_name) {
  const Schema* schema = SchemaRegistry::Get().Find(kind, type_name);
  if (schema == nullptr) {
    std::fprintf(stderr,
                 "orgiam: internal error: no %s schema named \"%s\" is compiled in (add "
                 "schemas/.../%s.json, or fix the name)\n",
                 SchemaKindName(kind), type_name.c_str(), type_name.c_str());
    std::fflush(stderr);
    std::abort();
  }
  return *schema;
}

const char* SchemaKindName(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::kProvider:
      return "provider";
    case SchemaKind::kResource:
      return "resource";
    case SchemaKind::kDataSource:
      return "data source";
    case SchemaKind::kEphemeral:
      return "ephemeral resource";
  }
  return "unknown kind of";
}

}  // namespace orgiam::framework
