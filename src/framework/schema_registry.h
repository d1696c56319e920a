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
  const Schema* Find(SchemaKind kind, std::string_view type_name) const;
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

// Generated from schemas/ at build time: the raw JSON documents.
struct EmbeddedSchema {
  const char* path;
  const char* json;
};
const std::vector<EmbeddedSchema>& EmbeddedSchemas();

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_SCHEMA_REGISTRY_H_
