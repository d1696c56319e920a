#ifndef ORGIAM_FRAMEWORK_VALIDATORS_H_
#define ORGIAM_FRAMEWORK_VALIDATORS_H_

// Attribute validators declared under "validators" in schemas/*.json:
//   length {min,max[,units:"utf16"]}   pattern {regex,description}   one_of [..]   not_one_of [..]
//   range {min,max}    integer   email   url   endpoint   duration [{max}]
//   rfc3339 [{whole_seconds}]   conflicts_with [..]   required_with [..]
// String validators apply to each element of a collection of strings. Validators never see
// unknown values: validation is skipped for whatever is not known yet. `endpoint` is the rule
// for vendor endpoints (util/endpoint_url.h): https://, or http:// to a loopback host only.
// `email` is RFC 5321's lengths (254 bytes, 64 before the "@") and the characters the vendors
// refuse; `rfc3339` refuses dates and times that do not exist ("2027-02-30"). A value is shown
// in a message only as a bounded excerpt (QuotedExcerpt). A conflict is declared on one of the
// two attributes only, so that one mistake gives one diagnostic.

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cty/path.h"
#include "cty/type.h"
#include "cty/value.h"
#include "nlohmann/json.hpp"

namespace orgiam::framework {

class Diagnostics;

class Validator {
 public:
  virtual ~Validator() = default;
  // `value` is known and non-null. `parent` is the object that holds the attribute, for
  // validators that relate attributes to each other.
  virtual void Validate(const cty::Value& value, const cty::Value& parent, const cty::Path& path,
                        Diagnostics* diagnostics) const = 0;
  // A sentence fragment for documentation, e.g. "one of `read_write`, `read_scaling`".
  virtual std::string Describe() const = 0;
};

// Builds the validators of one attribute from its "validators" JSON object. Unknown keys and
// malformed arguments are errors (schemas are compiled in, so a test catches them). The
// validators of a `sensitive` attribute state the rule only: their messages never show the
// value or its length.
absl::StatusOr<std::vector<std::shared_ptr<const Validator>>> ParseValidators(
    const nlohmann::json& spec, const cty::Type& type, bool sensitive = false);

// Go's time.ParseDuration syntax ("30s", "1m30s", "250ms", "1.5h"); returns seconds.
absl::StatusOr<double> ParseGoDuration(std::string_view text);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_VALIDATORS_H_
