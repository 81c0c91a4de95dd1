#include <gtest/gtest.h>
#include "model/municipality.hpp"
TEST(Municipality, cbs_code_shape) { EXPECT_TRUE(okod::is_cbs_code("GM0935")); }
