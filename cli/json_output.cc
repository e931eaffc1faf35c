#include "cli/json_output.h"

#include <cmath>
#include <cstdint>

namespace finsam {

OrderedJson JsonNumber(double v) {
  if (!std::isfinite(v)) return nullptr;
  // Integral values within the exactly representable range print as integers.
  constexpr double kExact = 9007199254740992.0;  // 2^53
  if (std::trunc(v) == v && std::fabs(v) <= kExact) return static_cast<int64_t>(v);
  return v;
}

OrderedJson JsonStringOrNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

OrderedJson JsonBox(const Box& b) {
  return OrderedJson::array({JsonNumber(b.x0), JsonNumber(b.y0), JsonNumber(b.x1), JsonNumber(b.y1)});
}

std::string DumpJson(const OrderedJson& j, int indent) {
  return j.dump(indent > 0 ? indent : -1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

}  // namespace finsam
