#include "framework/registry.h"

#include <cstdio>
#include <cstdlib>

#include "framework/schema_registry.h"

namespace orgiam::framework {

template <typename T>
void Registry::Add(SchemaKind kind, const std::string& type_name, std::unique_ptr<T> object,
                   std::map<std::string, std::unique_ptr<T>, std::less<>>* table) {
  SchemaFor(kind, type_name);  // aborts when the type has no schema
  const char* problem = nullptr;
  if (object == nullptr) {
    problem = "without an implementation";
  } else if (table->contains(type_name)) {
    // A second implementation would silently replace the first: refuse it loudly.
    problem = "twice";
  }
  if (problem != nullptr) {
    std::fprintf(stderr, "orgiam: internal error: %s \"%s\" is registered %s\n",
                 SchemaKindName(kind), type_name.c_str(), problem);
    std::fflush(stderr);
    std::abort();
  }
  table->emplace(type_name, std::move(object));
}

void Registry::AddResource(const std::string& type_name, std::unique_ptr<Resource> resource) {
  Add(SchemaKind::kResource, type_name, std::move(resource), &resources_);
}

void Registry::AddDataSource(const std::string& type_name, std::unique_ptr<DataSource> source) {
  Add(SchemaKind::kDataSource, type_name, std::move(source), &data_sources_);
}

void Registry::AddEphemeral(const std::string& type_name,
                            std::unique_ptr<EphemeralResource> ephemeral) {
  Add(SchemaKind::kEphemeral, type_name, std::move(ephemeral), &ephemerals_);
}

std::vector<std::string> Registry::Names(SchemaKind kind) const {
  std::vector<std::string> names;
  auto collect = [&names](const auto& table) {
    for (const auto& [name, object] : table) names.push_back(name);
  };
  switch (kind) {
    case SchemaKind::kProvider:
      break;
    case SchemaKind::kResource:
      collect(resources_);
      break;
    case SchemaKind::kDataSource:
      collect(data_sources_);
      break;
    case SchemaKind::kEphemeral:
      collect(ephemerals_);
      break;
  }
  return names;
}

}  // namespace orgiam::framework
