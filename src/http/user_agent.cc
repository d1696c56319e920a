#include <string>

#include "http/client.h"

#ifndef ORGIAM_VERSION
#define ORGIAM_VERSION "dev"
#endif

namespace orgiam::http {

std::string UserAgent() {
  return "terraform-provider-orgiam/" ORGIAM_VERSION " (+https://github.com/orgiam/orgiam)";
}

}  // namespace orgiam::http
