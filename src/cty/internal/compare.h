#ifndef ORGIAM_CTY_INTERNAL_COMPARE_H_
#define ORGIAM_CTY_INTERNAL_COMPARE_H_

// Total orders over types and values. Sets use them for their canonical element
// order, and value equality is "compares equal".

#include "cty/type.h"
#include "cty/value.h"

namespace orgiam::cty::internal {

// Orders by kind, then by element / attribute types. 0 iff the types are equal.
int CompareTypes(const Type& a, const Type& b);

// True if a value of type `actual` may be encoded as `target`: equal except
// where `target` has Dynamic (which accepts anything).
bool TypeConformsTo(const Type& actual, const Type& target);

// Orders by type, then null < unknown < known, then contents (strings bytewise,
// numbers numerically, collections lexicographically). Unknowns of equal type
// compare equal (refinements are ignored). 0 iff a.Equals(b).
int CompareValues(const Value& a, const Value& b);

}  // namespace orgiam::cty::internal

#endif  // ORGIAM_CTY_INTERNAL_COMPARE_H_
