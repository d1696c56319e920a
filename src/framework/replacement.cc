#include "framework/replacement.h"

#include "cty/path.h"

namespace orgiam::framework {

void PlanReplacement(const Schema& schema, const PlanRequest& request, cty::Value* planned,
                     const std::string& because) {
  if (request.prior.IsNull() || planned->IsNull() || request.requires_replace == nullptr) return;
  for (const AttributeSchema& attribute : schema.block.attributes) {
    if (!attribute.computed || attribute.default_value) continue;
    if (!request.config.GetAttr(attribute.name).IsNull()) continue;
    *planned = planned->WithAttr(attribute.name, cty::Value::Unknown(attribute.type));
  }
  const bool differs = !planned->GetAttr(because).Equals(request.prior.GetAttr(because));
  request.requires_replace->push_back(cty::Path().Attr(differs ? because : "id"));
}

}  // namespace orgiam::framework
