#ifndef ORGIAM_FRAMEWORK_EPHEMERAL_NAME_H_
#define ORGIAM_FRAMEWORK_EPHEMERAL_NAME_H_

#include <string>

namespace orgiam::framework {

// The name of a credential that an ephemeral resource mints when its configuration names
// none: "orgiam-ephemeral-" and 12 random hex digits, so that the organization's list of keys
// shows who made it and two runs never collide.
std::string GeneratedEphemeralName();

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_EPHEMERAL_NAME_H_
