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

const Schema* SchemaRegistry::Find(SchemaKind kind, std::string_view type_name) const {
  const std::map<std::string, Schema, std::less<>>* table = nullptr;
  switch (kind) {
    case SchemaKind::kProvider:
      return &provider_;
    case SchemaKind::kResource:
      table = &resources_;
      break;
    case SchemaKind::kDataSource:
      table = &data_sources_;
      break;
    case SchemaKind::kEphemeral:
      table = &ephemerals_;
      break;
  }
  auto it = table->find(type_name);
  return it == table->end() ? nullptr : &it->second;
}

}  // namespace orgiam::framework
