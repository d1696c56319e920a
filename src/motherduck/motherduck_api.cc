#include "motherduck/motherduck_api.h"

#include <utility>

namespace orgiam::motherduck {

MotherduckApi::MotherduckApi(http::ClientOptions options) : client_(std::move(options)) {}

}  // namespace orgiam::motherduck
