#ifndef ORGIAM_VULTR_USER_DATA_SOURCES_H_
#define ORGIAM_VULTR_USER_DATA_SOURCES_H_

#include <memory>

#include "framework/resource.h"
#include "vultr/service_user_resource.h"

namespace orgiam::vultr {

// data "orgiam_vultr_service_user": one user by id or email (never its API key).
std::unique_ptr<framework::DataSource> MakeServiceUserDataSource(const VultrSlot* api);
// data "orgiam_vultr_users": every user of every page.
std::unique_ptr<framework::DataSource> MakeUsersDataSource(const VultrSlot* api);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_USER_DATA_SOURCES_H_
