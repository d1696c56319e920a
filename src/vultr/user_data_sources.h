#ifndef ORGIAM_VULTR_USER_DATA_SOURCES_H_
#define ORGIAM_VULTR_USER_DATA_SOURCES_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "vultr/service_user_resource.h"

namespace orgiam::vultr {

// data "orgiam_vultr_service_user": one user by id or email (never its API key).
void RegisterServiceUserDataSource(const VultrSlot* api, framework::Registry* registry);
// data "orgiam_vultr_users": every user of every page.
void RegisterUsersDataSource(const VultrSlot* api, framework::Registry* registry);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_USER_DATA_SOURCES_H_
