#ifndef ORGIAM_CTY_INTERNAL_ERROR_PATH_H_
#define ORGIAM_CTY_INTERNAL_ERROR_PATH_H_

// Where in a value a codec error happened. Steps are recorded only while an
// error unwinds, so successful decoding pays nothing for it.

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cty/path.h"

namespace orgiam::cty::internal {

class ErrorPath {
 public:
  // Record the step through which an error is propagating (innermost first).
  void PushAttr(std::string name) { reversed_.emplace_back(AttrStep{std::move(name)}); }
  void PushIndex(int64_t index) { reversed_.emplace_back(IndexStep{index}); }
  void PushKey(std::string key) { reversed_.emplace_back(KeyStep{std::move(key)}); }

  // Prefixes the message with the recorded path: "users[0].email: ...".
  absl::Status Annotate(const absl::Status& status) const {
    if (reversed_.empty() || status.ok()) return status;
    Path path(std::vector<PathStep>(reversed_.rbegin(), reversed_.rend()));
    return absl::Status(status.code(), absl::StrCat(path.ToString(), ": ", status.message()));
  }

 private:
  std::vector<PathStep> reversed_;
};

}  // namespace orgiam::cty::internal

#endif  // ORGIAM_CTY_INTERNAL_ERROR_PATH_H_
