#include "cty/internal/compare.h"

#include <string>

namespace orgiam::cty::internal {

int CompareTypes(const Type& a, const Type& b) {
  if (a.kind() != b.kind()) return a.kind() < b.kind() ? -1 : 1;
  switch (a.kind()) {
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kMap:
      return CompareTypes(a.element(), b.element());
    case Type::Kind::kObject: {
      auto ia = a.attributes().begin();
      auto ib = b.attributes().begin();
      for (; ia != a.attributes().end() && ib != b.attributes().end(); ++ia, ++ib) {
        if (int c = ia->first.compare(ib->first); c != 0) return c < 0 ? -1 : 1;
        if (int c = CompareTypes(ia->second, ib->second); c != 0) return c;
      }
      if (ia != a.attributes().end()) return 1;
      if (ib != b.attributes().end()) return -1;
      return 0;
    }
    case Type::Kind::kTuple: {
      const auto& ea = a.elements();
      const auto& eb = b.elements();
      for (size_t i = 0; i < ea.size() && i < eb.size(); ++i) {
        if (int c = CompareTypes(ea[i], eb[i]); c != 0) return c;
      }
      if (ea.size() != eb.size()) return ea.size() < eb.size() ? -1 : 1;
      return 0;
    }
    default:
      return 0;
  }
}

bool TypeConformsTo(const Type& actual, const Type& target) {
  if (target.IsDynamic() || actual == target) return true;
  if (actual.kind() != target.kind()) return false;
  switch (target.kind()) {
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kMap:
      return TypeConformsTo(actual.element(), target.element());
    case Type::Kind::kObject: {
      const auto& a = actual.attributes();
      const auto& t = target.attributes();
      if (a.size() != t.size()) return false;
      for (auto ia = a.begin(), it = t.begin(); ia != a.end(); ++ia, ++it) {
        if (ia->first != it->first || !TypeConformsTo(ia->second, it->second)) return false;
      }
      return true;
    }
    case Type::Kind::kTuple: {
      const auto& a = actual.elements();
      const auto& t = target.elements();
      if (a.size() != t.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!TypeConformsTo(a[i], t[i])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

namespace {

int StateRank(const Value& v) {
  if (v.IsNull()) return 0;
  return v.IsKnown() ? 2 : 1;
}

template <typename T>
int Sign(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace

int CompareValues(const Value& a, const Value& b) {
  if (int c = CompareTypes(a.type(), b.type()); c != 0) return c;
  if (int c = Sign(StateRank(a), StateRank(b)); c != 0) return c;
  if (a.IsNull() || !a.IsKnown()) return 0;
  switch (a.type().kind()) {
    case Type::Kind::kString: {
      const int c = a.AsString().compare(b.AsString());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Type::Kind::kNumber:
      return a.AsNumber().Compare(b.AsNumber());
    case Type::Kind::kBool:
      return Sign(a.AsBool(), b.AsBool());
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      const auto& ea = a.Elements();
      const auto& eb = b.Elements();
      if (&ea == &eb) return 0;
      for (size_t i = 0; i < ea.size() && i < eb.size(); ++i) {
        if (int c = CompareValues(ea[i], eb[i]); c != 0) return c;
      }
      return Sign(ea.size(), eb.size());
    }
    case Type::Kind::kMap:
    case Type::Kind::kObject: {
      const auto& ma = a.Entries();
      const auto& mb = b.Entries();
      if (&ma == &mb) return 0;
      auto ia = ma.begin();
      auto ib = mb.begin();
      for (; ia != ma.end() && ib != mb.end(); ++ia, ++ib) {
        if (int c = ia->first.compare(ib->first); c != 0) return c < 0 ? -1 : 1;
        if (int c = CompareValues(ia->second, ib->second); c != 0) return c;
      }
      return Sign(ma.size(), mb.size());
    }
    case Type::Kind::kDynamic:
      return 0;
  }
  return 0;
}

}  // namespace orgiam::cty::internal
