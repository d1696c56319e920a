#ifndef ORGIAM_CTY_INTERNAL_LIMITS_H_
#define ORGIAM_CTY_INTERNAL_LIMITS_H_

// Bounds that keep the decoders total on hostile input.

#include <cstddef>

namespace orgiam::cty::internal {

// Maximum nesting of values (and of types inside type JSON). Every recursive
// walk over decoded data is bounded by this, so the native stack cannot
// overflow. Terraform schemas nest a few levels; 256 leaves ample room.
inline constexpr int kMaxDepth = 256;

// Longest canonical number text accepted ("1e100000" would otherwise expand to
// 100 001 bytes).
inline constexpr size_t kMaxNumberChars = 4096;

// go-cty rejects refinement payloads above 1 KiB.
inline constexpr size_t kMaxRefinementBytes = 1024;

}  // namespace orgiam::cty::internal

#endif  // ORGIAM_CTY_INTERNAL_LIMITS_H_
