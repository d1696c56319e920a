#ifndef ORGIAM_FRAMEWORK_REGISTRY_H_
#define ORGIAM_FRAMEWORK_REGISTRY_H_

// Implementations by type name. Filled once at start-up (each vendor's register.cc calls one
// Register... function per resource, which calls Add... with the type name its file names
// once), read-only afterwards, so lookups need no lock.
//
// Mistakes abort at start-up, so any test that builds the provider finds them: adding a type
// that has no compiled-in schema of that kind (framework::SchemaFor), or adding one type twice.
// tests/framework/registration_test.cc checks the other direction: every schema has an
// implementation.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "framework/resource.h"
#include "framework/schema.h"

namespace orgiam::framework {

class Registry {
 public:
  void AddResource(const std::string& type_name, std::unique_ptr<Resource> resource);
  void AddDataSource(const std::string& type_name, std::unique_ptr<DataSource> source);
  void AddEphemeral(const std::string& type_name, std::unique_ptr<EphemeralResource> ephemeral);

  // nullptr when no implementation has that name.
  Resource* FindResource(std::string_view name) const { return Find(resources_, name); }
  DataSource* FindDataSource(std::string_view name) const { return Find(data_sources_, name); }
  EphemeralResource* FindEphemeral(std::string_view name) const { return Find(ephemerals_, name); }

  // The registered type names of one kind, sorted (kProvider: none).
  std::vector<std::string> Names(SchemaKind kind) const;

 private:
  template <typename T>
  static T* Find(const std::map<std::string, std::unique_ptr<T>, std::less<>>& table,
                 std::string_view name) {
    auto it = table.find(name);
    return it == table.end() ? nullptr : it->second.get();
  }
  template <typename T>
  static void Add(SchemaKind kind, const std::string& type_name, std::unique_ptr<T> object,
                  std::map<std::string, std::unique_ptr<T>, std::less<>>* table);

  std::map<std::string, std::unique_ptr<Resource>, std::less<>> resources_;
  std::map<std::string, std::unique_ptr<DataSource>, std::less<>> data_sources_;
  std::map<std::string, std::unique_ptr<EphemeralResource>, std::less<>> ephemerals_;
};

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_REGISTRY_H_
