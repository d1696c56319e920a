#ifndef ORGIAM_HTTP_EXACTLY_ONCE_H_
#define ORGIAM_HTTP_EXACTLY_ONCE_H_

// The types of Client::Create, the one path every create of every vendor takes.
//
// A POST whose answer is lost (connection closed after sending, a 5xx, a timeout) may or may
// not have been carried out. Sending it again could make a second object; adopting whatever
// carries the same natural key could take an object somebody else made. So a create first
// looks up the objects with its natural key, then posts, and after an unknown outcome looks
// again: only an object that was not there before the first POST counts as made by this
// create. Anything else is left alone.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "http/message.h"
#include "util/existing_object.h"

namespace orgiam::http {

using util::AlreadyExistsError;
using util::ExistingObject;
using util::ExistingObjectOf;

// What a lookup by natural key found.
using ExistingObjects = std::vector<ExistingObject>;

// The lookup result for a unique key: `found`, named by `label_of(*found)`, or nothing.
template <typename Object, typename LabelOf>
ExistingObjects ExistingIf(const std::optional<Object>& found, LabelOf label_of) {
  ExistingObjects matches;
  if (found.has_value()) matches.push_back({.id = found->id, .label = label_of(*found)});
  return matches;
}

// The lookup result for a name that may repeat (API keys, tokens): the objects of `objects`
// named `name`, each labelled "<kind> <id> (<name>) of <owner>".
template <typename Object>
ExistingObjects ExistingNamed(const std::vector<Object>& objects, const std::string& name,
                              const std::string& kind, const std::string& owner) {
  ExistingObjects named;
  for (const Object& object : objects) {
    if (object.name != name) continue;
    named.push_back(
        {.id = object.id, .label = kind + " " + object.id + " (" + name + ") of " + owner});
  }
  return named;
}

struct CreateSpec {
  Request post;
  // The objects that carry the natural key of what `post` creates (e.g. the users with its
  // email). Runs once before the first POST and again after every attempt whose outcome is
  // unknown, with GETs through the same client.
  std::function<absl::StatusOr<ExistingObjects>()> find;
  // True when the key is unique (an email, a user name): an object found before the first
  // POST makes the create fail with ALREADY_EXISTS (see ExistingObjectOf), and nothing is
  // sent. False when names may repeat (API keys, tokens): objects found before are only
  // excluded from what this create may have made.
  bool unique_key = true;
  // Whether a 2xx answer carries the created object. One that does not (no id, no secret) is
  // handled like a lost answer: the lookup tells what was made. Null: every 2xx does.
  std::function<bool(const Response&)> answer_complete = nullptr;
};

struct CreateOutcome {
  // The vendor's answer: a complete 2xx, or a refusal (any non-2xx status).
  std::optional<Response> response = std::nullopt;
  // Otherwise what this create made, found by lookup because its answer was lost or
  // incomplete. Every entry is provably this create's: it was not there before the first
  // POST. Several only when names may repeat and more than one attempt went through.
  std::vector<ExistingObject> recovered = {};
  // With `recovered`: the HTTP status of a 2xx answer that came without the object (e.g. an
  // empty body, which some API references document for a create), or 0 when the answer was
  // lost. A vendor that answers so does it again: nothing is gained by creating anew.
  int incomplete_answer_status = 0;
};

class Client;

// `status` (a create whose outcome stayed unknown: marked so, see outcome.h) with what to do
// next added to its message. For a unique key, the next apply's lookup finds what this create
// made, if anything, and names it with its import advice; for names that may repeat it cannot
// tell a lost object from another one, so the advice is to look.
absl::Status WithUnknownOutcomeAdvice(const absl::Status& status, bool unique_key);

// For objects whose secret only the create's answer shows (API keys, tokens, a Vultr user's
// key). Runs client.Create(spec). When the answer was lost, what the create made is provably
// its own and nobody holds its secret, so each such object is deleted with `remove` and the
// create is sent anew, up to `attempts` creates in all. When the vendor did answer, only
// without the object (see CreateOutcome::incomplete_answer_status), what it made is deleted and
// the create fails at once. Returns the complete answer or the
// vendor's refusal, never an object that was removed. While the provider is stopping it
// removes and fails instead of creating again.
absl::StatusOr<Response> CreateCapturingSecret(
    Client& client, const CreateSpec& spec,
    const std::function<absl::Status(const ExistingObject&)>& remove, int attempts = 4);

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_EXACTLY_ONCE_H_
