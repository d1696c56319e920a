#ifndef ORGIAM_CTY_PATH_H_
#define ORGIAM_CTY_PATH_H_

// Attribute paths, as carried by tfplugin6 AttributePath and used in diagnostics.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "cty/value.h"

namespace orgiam::cty {

struct AttrStep {
  std::string name;
  bool operator==(const AttrStep&) const = default;
};
struct IndexStep {  // list or tuple index
  int64_t index;
  bool operator==(const IndexStep&) const = default;
};
struct KeyStep {  // map key
  std::string key;
  bool operator==(const KeyStep&) const = default;
};
using PathStep = std::variant<AttrStep, IndexStep, KeyStep>;

class Path {
 public:
  Path() = default;
  explicit Path(std::vector<PathStep> steps) : steps_(std::move(steps)) {}

  Path Attr(std::string name) const;
  Path Index(int64_t index) const;
  Path Key(std::string key) const;

  const std::vector<PathStep>& steps() const { return steps_; }
  bool empty() const { return steps_.empty(); }
  bool HasPrefix(const Path& prefix) const;

  // HCL-like text: vultr.api_key, users[0].email, tags["env"].
  std::string ToString() const;

  // Follows the path into a value; a missing step yields a null of type Dynamic.
  Value Apply(const Value& root) const;

  bool operator==(const Path& other) const = default;

 private:
  std::vector<PathStep> steps_;
};

}  // namespace orgiam::cty

#endif  // ORGIAM_CTY_PATH_H_
