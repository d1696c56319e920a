#ifndef ORGIAM_FRAMEWORK_OBJECT_BUILDER_H_
#define ORGIAM_FRAMEWORK_OBJECT_BUILDER_H_

// Helpers for building and reading the object values of a schema, so resource code reads
// like the API mapping it is.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "cty/value.h"
#include "framework/schema.h"
#include "util/rfc3339_time.h"

namespace orgiam::framework {

class ObjectBuilder {
 public:
  // Starts from all attributes null.
  explicit ObjectBuilder(const Schema& schema);
  // Starts from `base` (an object of the schema's type; a null base counts as all-null).
  ObjectBuilder(const Schema& schema, const cty::Value& base);

  // Each setter takes an attribute of the schema; any other name is a programming error,
  // reported through util::ReportMisuse (abort in strict mode; otherwise ignored, so the
  // object never gains a stray attribute).
  ObjectBuilder& Set(const std::string& name, cty::Value value);
  ObjectBuilder& SetString(const std::string& name, const std::string& value);
  ObjectBuilder& SetBool(const std::string& name, bool value);
  ObjectBuilder& SetNull(const std::string& name);
  // A time the API answered (RFC 3339): the value already held (from `base` or an earlier
  // setter) is kept when it denotes the same instant at `precision`, so a configured or prior
  // spelling survives; otherwise the canonical UTC spelling (util/rfc3339_time.h). Text that
  // is not a time (e.g. "") is stored as given.
  ObjectBuilder& SetTime(const std::string& name, const std::string& reported,
                         absl::Duration precision = util::kExactInstant);
  // A secret the vendor shows only in a create's answer (a key, a token): `captured` when it
  // is not empty; otherwise the value the object started from is kept, and where it holds
  // none (after an import) the secret is known and empty, so that no plan reads it as unknown.
  ObjectBuilder& SetCapturedSecret(const std::string& name, const std::string& captured);
  // A list attribute whose elements are objects (a data source's list of users, say): one
  // element per item, each built by `fill(item, element)` on a builder of the element type
  // that starts all null. A name that is not such a list is reported as Set reports it.
  template <typename Item, typename Fill>
  ObjectBuilder& SetObjectList(const std::string& name, const std::vector<Item>& items, Fill fill) {
    const std::optional<ObjectBuilder> empty_element = ElementBuilder(name);
    if (!empty_element) return *this;
    std::vector<cty::Value> elements;
    elements.reserve(items.size());
    for (const Item& item : items) {
      ObjectBuilder element = *empty_element;
      fill(item, element);
      elements.push_back(element.Build());
    }
    return Set(name, cty::Value::List(empty_element->type_, std::move(elements)));
  }
  cty::Value Build() const;

 private:
  // An object of `type`; `owner` names it in misuse reports.
  ObjectBuilder(cty::Type type, std::string owner);
  // A builder for the elements of the list-of-objects attribute `name`.
  std::optional<ObjectBuilder> ElementBuilder(const std::string& name) const;

  cty::Type type_;
  std::string owner_;
  std::map<std::string, cty::Value> attributes_;
};

// Attribute readers for known values; a null or unknown object or attribute yields the
// fallback. A name that the object's type lacks (or an object that is not one) is reported
// through util::ReportMisuse (abort in strict mode), then yields the fallback.
std::string GetString(const cty::Value& object, const std::string& name,
                      const std::string& fallback = "");
bool GetBool(const cty::Value& object, const std::string& name, bool fallback = false);
std::optional<int64_t> GetInt(const cty::Value& object, const std::string& name);
// Elements of a known list/set of strings (unknown elements skipped).
std::vector<std::string> GetStrings(const cty::Value& object, const std::string& name);

cty::Value StringSet(const std::vector<std::string>& items);
cty::Value StringList(const std::vector<std::string>& items);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_OBJECT_BUILDER_H_
