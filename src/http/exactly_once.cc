#include "http/exactly_once.h"

#include "absl/strings/str_cat.h"
#include "http/client.h"
#include "http/outcome.h"
#include "http/redact.h"
#include "util/log.h"
#include "util/status_macros.h"

namespace orgiam::http {

absl::Status WithUnknownOutcomeAdvice(const absl::Status& status, bool unique_key) {
  const char* advice =
      unique_key
          ? ". What to do next: run the apply again. It looks the object up before creating "
            "anything; if this create was carried out, it names the object and gives the "
            "terraform import command that adopts it, and nothing is created twice"
          : ". What to do next: look for an object of this name created just now and delete "
            "it (its secret was never seen, so nothing can use it); the next apply creates a "
            "new one";
  return MarkOutcomeUnknown(absl::Status(status.code(), absl::StrCat(status.message(), advice)));
}

absl::StatusOr<Response> CreateCapturingSecret(
    Client& client, const CreateSpec& spec,
    const std::function<absl::Status(const ExistingObject&)>& remove, int attempts) {
  const std::string& vendor = client.options().vendor;
  for (int attempt = 1;; ++attempt) {
    ASSIGN_OR_RETURN(CreateOutcome outcome, client.Create(spec));
    if (outcome.response.has_value()) return *std::move(outcome.response);
    // Deleting what this create made runs even during a stop: it must not be left behind.
    Client::FinishingSentWork finishing;
    for (const ExistingObject& orphan : outcome.recovered) {
      ORGIAM_LOG(kWarn, "http", "create answer lost with its secret; deleting what it made",
                 {{"vendor", vendor}, {"id", orphan.id}});
      if (absl::Status removed = remove(orphan); !removed.ok()) {
        return absl::Status(
            removed.code(),
            absl::StrCat(vendor, ": the answer to the create of ", orphan.label,
                         " was lost with its secret, and deleting it failed: ", removed.message(),
                         ". Delete it by hand; nobody holds its secret."));
      }
    }
    if (outcome.incomplete_answer_status != 0) {
      return absl::InternalError(absl::StrCat(
          vendor, ": ", spec.post.method, " ", internal::RedactPath(spec.post.path),
          " answered HTTP ", outcome.incomplete_answer_status,
          " without the created object's secret, so nobody could ever use it; ",
          outcome.recovered.front().label,
          " was found and deleted, and nothing is left behind. Report this answer to the "
          "vendor; trying again gives the same result while the API answers so."));
    }
    if (client.stopping()) {
      return absl::CancelledError(absl::StrCat(
          vendor, ": the provider is stopping; the answer to the create of ",
          outcome.recovered.front().label,
          " was lost with its secret, so it was deleted rather than kept without one"));
    }
    if (attempt >= attempts) {
      return absl::UnavailableError(
          absl::StrCat(vendor, ": ", attempts,
                       " creates in a row lost their answers (and with them the "
                       "secret); what they made was deleted. Try again later."));
    }
  }
}

}  // namespace orgiam::http
