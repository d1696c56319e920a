#ifndef ORGIAM_MOTHERDUCK_MOTHERDUCK_API_H_
#define ORGIAM_MOTHERDUCK_MOTHERDUCK_API_H_

// Client for the MotherDuck REST API (service accounts and access tokens).

#include <string>

#include "http/client.h"

namespace orgiam::motherduck {

class MotherduckApi {
 public:
  explicit MotherduckApi(http::ClientOptions options);
  void CancelAll() { client_.CancelAll(); }

 private:
  http::Client client_;
};

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_MOTHERDUCK_API_H_
