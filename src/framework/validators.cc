#include "framework/validators.h"

#include <cmath>
#include <functional>
#include <map>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "cty/utf8.h"
#include "framework/diagnostics.h"
#include "re2/re2.h"
#include "util/endpoint_url.h"

namespace orgiam::framework {
namespace {

constexpr char kInvalidValue[] = "Invalid attribute value";

std::string Quote(absl::string_view text) { return absl::StrCat("\"", text, "\""); }

std::string QuotedList(const std::vector<std::string>& items) {
  return absl::StrJoin(items, ", ", [](std::string* out, const std::string& item) {
    absl::StrAppend(out, Quote(item));
  });
}

// "; got <shown>" for an ordinary attribute. A sensitive attribute's messages state the rule
// only: neither the value nor its length (a length narrows a secret down) is ever shown.
std::string Got(bool sensitive, absl::string_view shown) {
  return sensitive ? std::string() : absl::StrCat("; got ", shown);
}

// A configured value as a diagnostic shows it: quoted, escaped and bounded, so that a
// megabyte-long value costs a line, not a megabyte.
std::string Shown(std::string_view text) { return QuotedExcerpt(text); }

size_t CodePoints(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

// JavaScript's String.length: characters beyond U+FFFF are two UTF-16 code units.
size_t Utf16Units(std::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size();) {
    const cty::Utf8Sequence sequence = cty::NextUtf8Sequence(text, pos);
    count += sequence.valid && sequence.code_point > 0xFFFF ? 2 : 1;
    pos += sequence.length;
  }
  return count;
}

// Base for validators of strings: applied to a string, or to each known string element of a
// list/set/map of strings (set elements are not addressable, so the path stays on the set).
class StringValidator : public Validator {
 public:
  void Validate(const cty::Value& value, const cty::Value& /*parent*/, const cty::Path& path,
                Diagnostics* diagnostics) const final {
    if (value.type() == cty::Type::String()) {
      ValidateString(value.AsString(), path, diagnostics);
      return;
    }
    if (!value.type().IsCollection()) return;
    const bool indexed = value.type().kind() == cty::Type::Kind::kList;
    if (value.type().kind() == cty::Type::Kind::kMap) {
      for (const auto& [key, element] : value.Entries()) {
        if (element.IsKnown() && !element.IsNull()) {
          ValidateString(element.AsString(), path.Key(key), diagnostics);
        }
      }
      return;
    }
    int64_t index = 0;
    for (const cty::Value& element : value.Elements()) {
      if (element.IsKnown() && !element.IsNull()) {
        ValidateString(element.AsString(), indexed ? path.Index(index) : path, diagnostics);
      }
      ++index;
    }
  }

 protected:
  virtual void ValidateString(const std::string& text, const cty::Path& path,
                              Diagnostics* diagnostics) const = 0;
};

// Lengths count Unicode characters (code points), or, with "units": "utf16", UTF-16 code units
// as an API written in JavaScript counts them.
class LengthValidator : public StringValidator {
 public:
  LengthValidator(std::optional<size_t> min, std::optional<size_t> max, bool utf16, bool sensitive)
      : min_(min), max_(max), utf16_(utf16), sensitive_(sensitive) {}
  std::string Describe() const override { return Rule(""); }

 protected:
  void ValidateString(const std::string& text, const cty::Path& path,
                      Diagnostics* diagnostics) const override {
    const size_t length = utf16_ ? Utf16Units(text) : CodePoints(text);
    if ((min_ && length < *min_) || (max_ && length > *max_)) {
      diagnostics->AddError(kInvalidValue,
                            absl::StrCat("Attribute ", path.ToString(), " must be ", Rule(" long"),
                                         Got(sensitive_, absl::StrCat(length)), "."),
                            path);
    }
  }

 private:
  // "between 1 and 255 characters<suffix>", with how UTF-16 units are counted after it.
  std::string Rule(absl::string_view suffix) const {
    const std::string bounds = min_ && max_ ? absl::StrCat("between ", *min_, " and ", *max_)
                               : min_       ? absl::StrCat("at least ", *min_)
                                            : absl::StrCat("at most ", *max_);
    if (utf16_) {
      return absl::StrCat(bounds, " UTF-16 code units", suffix,
                          " (a character beyond U+FFFF, such as an emoji or \"𝐀\", counts as two)");
    }
    return absl::StrCat(bounds, min_ && !max_ && *min_ == 1 ? " character" : " characters", suffix);
  }

  std::optional<size_t> min_;
  std::optional<size_t> max_;
  bool utf16_;
  bool sensitive_;
};

// Compiled on first use and shared by every validator with the same pattern: Unicode classes
// such as \p{L} make RE2 compilation cost milliseconds, and most provider processes never
// validate a pattern at all.
std::shared_ptr<const RE2> CompiledPattern(const std::string& pattern) {
  static absl::Mutex mutex(absl::kConstInit);
  static auto* const cache = new std::map<std::string, std::shared_ptr<const RE2>>();
  absl::MutexLock lock(&mutex);
  std::shared_ptr<const RE2>& slot = (*cache)[pattern];
  if (slot == nullptr) slot = std::make_shared<const RE2>(pattern);
  return slot;
}

class PatternValidator : public StringValidator {
 public:
  PatternValidator(std::string pattern, std::string description, bool sensitive)
      : pattern_(std::move(pattern)), description_(std::move(description)), sensitive_(sensitive) {}
  std::string Describe() const override { return absl::StrCat(description_, " (", pattern_, ")"); }

 protected:
  void ValidateString(const std::string& text, const cty::Path& path,
                      Diagnostics* diagnostics) const override {
    std::shared_ptr<const RE2> regex = CompiledPattern(pattern_);
    if (!regex->ok() || !RE2::FullMatch(text, *regex)) {
      diagnostics->AddError(kInvalidValue,
                            absl::StrCat("Attribute ", path.ToString(), " must be ", Describe(),
                                         Got(sensitive_, Shown(text)), "."),
                            path);
    }
  }

 private:
  std::string pattern_;
  std::string description_;
  bool sensitive_;
};

class OneOfValidator : public StringValidator {
 public:
  OneOfValidator(std::vector<std::string> allowed, bool negate, bool sensitive)
      : allowed_(std::move(allowed)), negate_(negate), sensitive_(sensitive) {}
  std::string Describe() const override {
    return absl::StrCat(negate_ ? "none of " : "one of ", QuotedList(allowed_));
  }

 protected:
  void ValidateString(const std::string& text, const cty::Path& path,
                      Diagnostics* diagnostics) const override {
    const bool listed = std::find(allowed_.begin(), allowed_.end(), text) != allowed_.end();
    if (listed == negate_) {
      diagnostics->AddError(
          kInvalidValue,
          negate_ && sensitive_
              ? absl::StrCat("Attribute ", path.ToString(), " cannot be one of the reserved names ",
                             QuotedList(allowed_), ".")
          : negate_ ? absl::StrCat("Attribute ", path.ToString(), " cannot be ", Shown(text),
                                   ": the names ", QuotedList(allowed_), " are reserved.")
                    : absl::StrCat("Attribute ", path.ToString(), " must be one of ",
                                   QuotedList(allowed_), Got(sensitive_, Shown(text)), "."),
          path);
    }
  }

 private:
  std::vector<std::string> allowed_;
  bool negate_;
  bool sensitive_;
};

// Checks a string with a predicate; `what` completes "must be ...".
class PredicateValidator : public StringValidator {
 public:
  PredicateValidator(std::function<bool(std::string_view)> predicate, std::string what,
                     bool sensitive)
      : predicate_(std::move(predicate)), what_(std::move(what)), sensitive_(sensitive) {}
  std::string Describe() const override { return what_; }

 protected:
  void ValidateString(const std::string& text, const cty::Path& path,
                      Diagnostics* diagnostics) const override {
    if (!predicate_(text)) {
      diagnostics->AddError(kInvalidValue,
                            absl::StrCat("Attribute ", path.ToString(), " must be ", what_,
                                         Got(sensitive_, Shown(text)), "."),
                            path);
    }
  }

 private:
  std::function<bool(std::string_view)> predicate_;
  std::string what_;
  bool sensitive_;
};

// A vendor endpoint: https:// (a bare domain means https://), http:// only to a loopback host
// (util/endpoint_url.h). The value is shown unless it has user info, which may be a password.
class EndpointValidator : public StringValidator {
 public:
  explicit EndpointValidator(bool sensitive) : sensitive_(sensitive) {}
  std::string Describe() const override {
    return "an https:// URL, or a bare domain, which means https://; http:// only to a loopback "
           "host (127.0.0.0/8, [::1], localhost)";
  }

 protected:
  void ValidateString(const std::string& text, const cty::Path& path,
                      Diagnostics* diagnostics) const override {
    const absl::StatusOr<util::EndpointUrl> endpoint = util::ParseEndpoint(text);
    if (endpoint.ok()) return;
    const bool shown = !sensitive_ && text.find('@') == std::string::npos;
    diagnostics->AddError(
        "Endpoint refused",
        absl::StrCat("Attribute ", path.ToString(), " is refused: ", endpoint.status().message(),
                     shown ? absl::StrCat(". Got ", Shown(text)) : std::string(), "."),
        path);
  }

 private:
  bool sensitive_;
};

class RangeValidator : public Validator {
 public:
  RangeValidator(std::optional<cty::Number> min, std::optional<cty::Number> max, bool sensitive)
      : min_(std::move(min)), max_(std::move(max)), sensitive_(sensitive) {}
  void Validate(const cty::Value& value, const cty::Value&, const cty::Path& path,
                Diagnostics* diagnostics) const override {
    if (value.type() != cty::Type::Number()) return;
    const cty::Number& n = value.AsNumber();
    if ((min_ && n.Compare(*min_) < 0) || (max_ && n.Compare(*max_) > 0)) {
      diagnostics->AddError(kInvalidValue,
                            absl::StrCat("Attribute ", path.ToString(), " must be ", Describe(),
                                         Got(sensitive_, n.text()), "."),
                            path);
    }
  }
  std::string Describe() const override {
    if (min_ && max_) return absl::StrCat("between ", min_->text(), " and ", max_->text());
    if (min_) return absl::StrCat("at least ", min_->text());
    return absl::StrCat("at most ", max_->text());
  }

 private:
  std::optional<cty::Number> min_;
  std::optional<cty::Number> max_;
  bool sensitive_;
};

class IntegerValidator : public Validator {
 public:
  explicit IntegerValidator(bool sensitive) : sensitive_(sensitive) {}
  void Validate(const cty::Value& value, const cty::Value&, const cty::Path& path,
                Diagnostics* diagnostics) const override {
    if (value.type() == cty::Type::Number() && !value.AsNumber().IsInteger()) {
      diagnostics->AddError(kInvalidValue,
                            absl::StrCat("Attribute ", path.ToString(), " must be a whole number",
                                         Got(sensitive_, value.AsNumber().text()), "."),
                            path);
    }
  }
  std::string Describe() const override { return "a whole number"; }

 private:
  bool sensitive_;
};

// Relates the attribute to siblings: `conflicts` = must not be set together; otherwise the
// siblings are required whenever this attribute is set. Unknown siblings are not judged.
class SiblingValidator : public Validator {
 public:
  SiblingValidator(std::vector<std::string> others, bool conflicts)
      : others_(std::move(others)), conflicts_(conflicts) {}
  void Validate(const cty::Value&, const cty::Value& parent, const cty::Path& path,
                Diagnostics* diagnostics) const override {
    for (const std::string& other : others_) {
      const cty::Value& sibling = parent.GetAttr(other);
      if (!sibling.IsKnown()) continue;
      if (conflicts_ && !sibling.IsNull()) {
        diagnostics->AddError(
            "Conflicting attributes",
            absl::StrCat("Attribute ", path.ToString(), " cannot be set together with \"", other,
                         "\"; set only one of them."),
            path);
      } else if (!conflicts_ && sibling.IsNull()) {
        diagnostics->AddError("Missing attribute",
                              absl::StrCat("Attribute \"", other, "\" must be set when ",
                                           path.ToString(), " is set."),
                              path);
      }
    }
  }
  std::string Describe() const override {
    std::vector<std::string> quoted;
    for (const std::string& o : others_) quoted.push_back(absl::StrCat("`", o, "`"));
    return absl::StrCat(conflicts_ ? "conflicts with " : "requires ", absl::StrJoin(quoted, ", "));
  }

 private:
  std::vector<std::string> others_;
  bool conflicts_;
};

// Why `text` is not an email address the vendors accept, or "" when it is one. The lengths are
// RFC 5321's: a path of at most 256 octets holds an address of at most 254, whose local part is
// at most 64. The rest is what the Vultr API refuses: no second "@", no spaces, controls or
// <>,;" and a dotted domain without empty labels (sandbox/README.md, "Users").
std::string EmailProblem(std::string_view text) {
  if (text.size() > 254) {
    return absl::StrCat("it is ", text.size(), " bytes long; an address is at most 254 (RFC 5321)");
  }
  const size_t at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return "it needs exactly one \"@\"";
  }
  if (at == 0) return "the part before \"@\" is empty";
  if (at > 64) {
    return absl::StrCat("the part before \"@\" is ", at,
                        " bytes long; it is at most 64 (RFC 5321)");
  }
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F ||
        absl::string_view("<>,;\"").find(c) != absl::string_view::npos) {
      return "it contains a space, a control character or one of < > , ; \"";
    }
  }
  const std::string_view domain = text.substr(at + 1);
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return "the domain after \"@\" must be dotted, with no empty part, such as \"example.com\"";
  }
  return "";
}

class EmailValidator : public StringValidator {
 public:
  explicit EmailValidator(bool sensitive) : sensitive_(sensitive) {}
  std::string Describe() const override {
    return "an email address of at most 254 bytes, at most 64 of them before the \"@\"";
  }

 protected:
  void ValidateString(const std::string& text, const cty::Path& path,
                      Diagnostics* diagnostics) const override {
    const std::string problem = EmailProblem(text);
    if (problem.empty()) return;
    diagnostics->AddError(kInvalidValue,
                          absl::StrCat("Attribute ", path.ToString(),
                                       " must be an email address such as \"ci@example.com\": ",
                                       problem, Got(sensitive_, Shown(text)), "."),
                          path);
  }

 private:
  bool sensitive_;
};

bool IsHttpUrl(std::string_view text) {
  static const RE2 kUrl(R"(^https?://[A-Za-z0-9.\-\[\]:]+(:[0-9]+)?(/[^\s]*)?$)");
  return RE2::FullMatch(text, kUrl);
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Why `text` is not an RFC 3339 time that denotes a real instant, as a predicate ("is not a
// real date (…)"), or "" when it is one. The shape alone lets "2027-02-30" and "25:61" through;
// the APIs refuse them. `whole_seconds` refuses a fraction of a second, for an API that drops
// it (the stored time would then differ from the configuration on every plan).
std::string Rfc3339Problem(std::string_view text, bool whole_seconds) {
  static const RE2 kTime(
      R"(^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$)");
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::string fraction, offset_hours, offset_minutes;
  if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kTime, &year, &month, &day, &hour,
                      &minute, &second, &fraction, &offset_hours, &offset_minutes)) {
    return "is not in the form YYYY-MM-DDTHH:MM:SS followed by Z or an offset such as +02:00";
  }
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  if (month < 1 || month > 12) {
    return absl::StrCat("is not a real date (there is no month ", month, ")");
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    return absl::StrCat("is not a real date (", kMonths[month - 1], " ", year, " has ",
                        DaysInMonth(year, month), " days)");
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return "is not a real time of day (hours go up to 23, minutes and seconds up to 59)";
  }
  int offset_h = 0, offset_m = 0;
  if (!offset_hours.empty() &&
      (!absl::SimpleAtoi(offset_hours, &offset_h) || !absl::SimpleAtoi(offset_minutes, &offset_m) ||
       offset_h > 23 || offset_m > 59)) {
    return "has a UTC offset that is not real (at most 23 hours and 59 minutes)";
  }
  if (whole_seconds && !fraction.empty()) {
    return "has a fraction of a second, but the API keeps whole seconds only: what it stores "
           "would differ from the configuration on every plan";
  }
  return "";
}

class Rfc3339Validator : public StringValidator {
 public:
  Rfc3339Validator(bool whole_seconds, bool sensitive)
      : whole_seconds_(whole_seconds), sensitive_(sensitive) {}
  std::string Describe() const override {
    return absl::StrCat(
        "an RFC 3339 time of a real date such as \"2027-01-31T00:00:00Z\"",
        whole_seconds_ ? ", in whole seconds (the API keeps no fraction of a second)" : "");
  }

 protected:
  void ValidateString(const std::string& text, const cty::Path& path,
                      Diagnostics* diagnostics) const override {
    const std::string problem = Rfc3339Problem(text, whole_seconds_);
    if (problem.empty()) return;
    std::string detail = absl::StrCat("Attribute ", path.ToString(), " must be ", Describe(),
                                      sensitive_ ? "; the value given " : "; got ",
                                      sensitive_ ? std::string() : Shown(text),
                                      sensitive_ ? "" : ", which ", problem);
    if (!sensitive_ && Rfc3339Problem(text, /*whole_seconds=*/false).empty()) {
      std::string whole = text;
      whole.erase(19, whole.find_first_not_of("0123456789", 20) - 19);
      absl::StrAppend(&detail, ". Write whole seconds, such as ", Shown(whole));
    }
    diagnostics->AddError(kInvalidValue, absl::StrCat(detail, "."), path);
  }

 private:
  bool whole_seconds_;
  bool sensitive_;
};

// A positive Go duration, at most `max_seconds` long when a bound is given: beyond it a timeout
// stops meaning anything (and no longer fits a clock's count of milliseconds).
class DurationValidator : public StringValidator {
 public:
  DurationValidator(std::optional<double> max_seconds, std::string max_text, bool sensitive)
      : max_seconds_(max_seconds), max_text_(std::move(max_text)), sensitive_(sensitive) {}
  std::string Describe() const override {
    return absl::StrCat("a positive duration such as \"30s\", \"1m30s\" or \"500ms\"",
                        max_seconds_ ? absl::StrCat(", at most \"", max_text_, "\"") : "");
  }

 protected:
  void ValidateString(const std::string& text, const cty::Path& path,
                      Diagnostics* diagnostics) const override {
    const absl::StatusOr<double> seconds = ParseGoDuration(text);
    if (seconds.ok() && *seconds > 0 && (!max_seconds_ || *seconds <= *max_seconds_)) return;
    diagnostics->AddError(kInvalidValue,
                          absl::StrCat("Attribute ", path.ToString(), " must be ", Describe(),
                                       Got(sensitive_, Shown(text)), "."),
                          path);
  }

 private:
  std::optional<double> max_seconds_;
  std::string max_text_;
  bool sensitive_;
};

absl::StatusOr<std::vector<std::string>> StringList(const nlohmann::json& json,
                                                    absl::string_view key) {
  if (!json.is_array()) {
    return absl::InvalidArgumentError(absl::StrCat(key, ": expected an array of strings"));
  }
  std::vector<std::string> out;
  for (const auto& item : json) {
    if (!item.is_string()) {
      return absl::InvalidArgumentError(absl::StrCat(key, ": expected an array of strings"));
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

absl::StatusOr<std::optional<cty::Number>> OptionalNumber(const nlohmann::json& json,
                                                          const char* key) {
  if (!json.contains(key)) return std::optional<cty::Number>();
  const auto& item = json.at(key);
  if (!item.is_number()) return absl::InvalidArgumentError(absl::StrCat(key, " must be a number"));
  auto number = cty::Number::Parse(item.dump());
  if (!number.ok()) return number.status();
  return std::optional<cty::Number>(*number);
}

}  // namespace

absl::StatusOr<double> ParseGoDuration(std::string_view text_in) {
  const absl::string_view text(text_in.data(), text_in.size());
  static const RE2 kDuration(R"(^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$)");
  if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kDuration)) {
    return absl::InvalidArgumentError(absl::StrCat("invalid duration ", Shown(text_in)));
  }
  static const RE2 kPart(R"(((?:\d+(?:\.\d*)?|\.\d+))(ns|us|µs|μs|ms|s|m|h))");
  double sign = 1;
  std::string_view rest = text_in;
  if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) {
    sign = rest[0] == '-' ? -1 : 1;
    rest.remove_prefix(1);
  }
  double seconds = 0;
  std::string number;
  std::string unit;
  re2::StringPiece input(rest.data(), rest.size());
  while (RE2::Consume(&input, kPart, &number, &unit)) {
    double amount = 0;
    if (!absl::SimpleAtod(number, &amount)) {
      return absl::InvalidArgumentError(absl::StrCat("invalid duration ", Shown(text_in)));
    }
    double scale = 1;
    if (unit == "ns") scale = 1e-9;
    if (unit == "us" || unit == "µs" || unit == "μs") scale = 1e-6;
    if (unit == "ms") scale = 1e-3;
    if (unit == "m") scale = 60;
    if (unit == "h") scale = 3600;
    seconds += amount * scale;
  }
  return sign * seconds;
}

absl::StatusOr<std::vector<std::shared_ptr<const Validator>>> ParseValidators(
    const nlohmann::json& spec, const cty::Type& type, bool sensitive) {
  std::vector<std::shared_ptr<const Validator>> out;
  if (!spec.is_object()) return absl::InvalidArgumentError("validators must be an object");
  const bool stringy =
      type == cty::Type::String() || (type.IsCollection() && type.element() == cty::Type::String());
  for (const auto& [key, args] : spec.items()) {
    const bool needs_string = key == "length" || key == "pattern" || key == "one_of" ||
                              key == "not_one_of" || key == "email" || key == "url" ||
                              key == "endpoint" || key == "duration" || key == "rfc3339";
    if (needs_string && !stringy) {
      return absl::InvalidArgumentError(absl::StrCat(key, " applies to strings only"));
    }
    if ((key == "range" || key == "integer") && type != cty::Type::Number()) {
      return absl::InvalidArgumentError(absl::StrCat(key, " applies to numbers only"));
    }
    if (key == "length") {
      std::optional<size_t> min, max;
      if (args.contains("min")) min = args.at("min").get<size_t>();
      if (args.contains("max")) max = args.at("max").get<size_t>();
      if (!min && !max) return absl::InvalidArgumentError("length needs min or max");
      const std::string units = args.value("units", "characters");
      if (units != "characters" && units != "utf16") {
        return absl::InvalidArgumentError("length units must be \"characters\" or \"utf16\"");
      }
      out.push_back(std::make_shared<LengthValidator>(min, max, units == "utf16", sensitive));
    } else if (key == "pattern") {
      if (!args.contains("regex") || !args.contains("description")) {
        return absl::InvalidArgumentError("pattern needs regex and description");
      }
      out.push_back(std::make_shared<PatternValidator>(args.at("regex").get<std::string>(),
                                                       args.at("description").get<std::string>(),
                                                       sensitive));
    } else if (key == "one_of" || key == "not_one_of") {
      auto allowed = StringList(args, key);
      if (!allowed.ok()) return allowed.status();
      out.push_back(
          std::make_shared<OneOfValidator>(*std::move(allowed), key == "not_one_of", sensitive));
    } else if (key == "conflicts_with" || key == "required_with") {
      auto others = StringList(args, key);
      if (!others.ok()) return others.status();
      out.push_back(
          std::make_shared<SiblingValidator>(*std::move(others), key == "conflicts_with"));
    } else if (key == "range") {
      auto min = OptionalNumber(args, "min");
      if (!min.ok()) return min.status();
      auto max = OptionalNumber(args, "max");
      if (!max.ok()) return max.status();
      out.push_back(std::make_shared<RangeValidator>(*min, *max, sensitive));
    } else if (key == "integer") {
      out.push_back(std::make_shared<IntegerValidator>(sensitive));
    } else if (key == "email") {
      out.push_back(std::make_shared<EmailValidator>(sensitive));
    } else if (key == "url") {
      out.push_back(std::make_shared<PredicateValidator>(
          IsHttpUrl, "an http:// or https:// URL such as \"https://api.example.com\"", sensitive));
    } else if (key == "endpoint") {
      out.push_back(std::make_shared<EndpointValidator>(sensitive));
    } else if (key == "duration") {
      // true, or {"max": "<Go duration>"}.
      std::optional<double> max_seconds;
      std::string max_text;
      if (args.is_object() && args.contains("max")) {
        max_text = args.at("max").get<std::string>();
        absl::StatusOr<double> max = ParseGoDuration(max_text);
        if (!max.ok() || *max <= 0)
          return absl::InvalidArgumentError("duration max must be a duration");
        max_seconds = *max;
      } else if (args != true) {
        return absl::InvalidArgumentError("duration takes true or {\"max\": \"<duration>\"}");
      }
      out.push_back(std::make_shared<DurationValidator>(max_seconds, max_text, sensitive));
    } else if (key == "rfc3339") {
      // true, or {"whole_seconds": true} for an API that keeps no fraction of a second.
      if (args != true && !(args.is_object() && args.value("whole_seconds", false))) {
        return absl::InvalidArgumentError("rfc3339 takes true or {\"whole_seconds\": true}");
      }
      out.push_back(std::make_shared<Rfc3339Validator>(args.is_object(), sensitive));
    } else {
      return absl::InvalidArgumentError(absl::StrCat("unknown validator \"", key, "\""));
    }
  }
  return out;
}

}  // namespace orgiam::framework
