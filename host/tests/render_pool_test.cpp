// render_in_order (render/render_pool.h): results in order whatever thread finishes first, the first
// error of the sequential order, nothing running after it returns.
#include "render/render_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace vhh::host {
namespace {

class RenderPoolTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Read once per process: ctest runs each test in its own process (gtest_discover_tests).
        ::setenv("VHH_RENDER_THREADS", "3", 1);
        ASSERT_EQ(render_threads(), 3u);
    }
};

/// Early jobs take longest, so later ones finish first.
void slow_for(std::size_t i, std::size_t count) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2 * (count - i)));
}

TEST_F(RenderPoolTest, DeliversInOrderOnSeveralThreads) {
    const std::size_t count = 40;
    std::mutex m;
    std::set<std::thread::id> workers;
    std::vector<std::size_t> delivered;
    render_in_order(
        count,
        [&](std::size_t i) {
            slow_for(i, count);
            std::lock_guard<std::mutex> lock(m);
            workers.insert(std::this_thread::get_id());
            return "bytes " + std::to_string(i);
        },
        [&](std::size_t i, std::string &&bytes) {
            EXPECT_EQ(bytes, "bytes " + std::to_string(i));
            delivered.push_back(i);
        });
    ASSERT_EQ(delivered.size(), count);
    for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(delivered[i], i);
    EXPECT_GT(workers.size(), 1u);  // really parallel
    EXPECT_EQ(workers.count(std::this_thread::get_id()), 0u);
}

TEST_F(RenderPoolTest, FirstErrorOfTheSequentialOrderAfterEverythingBeforeIt) {
    const std::size_t count = 20;
    std::vector<std::size_t> delivered;
    try {
        render_in_order(
            count,
            [&](std::size_t i) -> std::string {
                slow_for(i, count);  // job 9 fails before job 4 does
                if (i == 4 || i == 9) throw std::runtime_error("job " + std::to_string(i));
                return std::to_string(i);
            },
            [&](std::size_t i, std::string &&) { delivered.push_back(i); });
        FAIL() << "no error";
    } catch (const std::runtime_error &e) {
        EXPECT_STREQ(e.what(), "job 4");
    }
    EXPECT_EQ(delivered, (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST_F(RenderPoolTest, AnErrorOfDeliveryStopsTheRestAndNothingRunsAfterwards) {
    std::atomic<int> running{0}, started{0};
    const std::size_t count = 200;
    EXPECT_THROW(render_in_order(
                     count,
                     [&](std::size_t) {
                         ++running;
                         ++started;
                         std::this_thread::sleep_for(std::chrono::milliseconds(1));
                         --running;
                         return std::string("x");
                     },
                     [&](std::size_t i, std::string &&) {
                         if (i == 2) throw std::runtime_error("disk full");
                     }),
                 std::runtime_error);
    EXPECT_EQ(running.load(), 0);
    const int after = started.load();
    EXPECT_LT(after, static_cast<int>(count));  // the rest was abandoned
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(started.load(), after);
}

}  // namespace
}  // namespace vhh::host
