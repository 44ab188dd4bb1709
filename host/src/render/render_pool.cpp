#include "render/render_pool.h"

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace vhh::host {

namespace {

/// Threads that live as long as the process: each keeps its Pango font map (fonts loaded once per
/// thread, not once per run of documents).
class WorkerPool {
public:
    /// Starts up to `threads` threads: as many as the system gives (an address-space limit may
    /// refuse their stacks), perhaps none.
    explicit WorkerPool(unsigned threads) {
        try {
            for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
        } catch (const std::system_error &) {
        }
    }
    std::size_t size() const { return threads_.size(); }
    ~WorkerPool() {
        {
            std::lock_guard<std::mutex> lock(m_);
            stop_ = true;
        }
        cv_.notify_all();
        for (auto &t : threads_) t.join();
    }
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    void submit(std::function<void()> task) {
        {
            std::lock_guard<std::mutex> lock(m_);
            queue_.push_back(std::move(task));
        }
        cv_.notify_one();
    }

private:
    void work() {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock<std::mutex> lock(m_);
                cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
                if (queue_.empty()) return;  // stopping
                task = std::move(queue_.front());
                queue_.pop_front();
            }
            task();
        }
    }

    std::mutex m_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> queue_;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

WorkerPool &shared_pool(unsigned threads) {
    static WorkerPool pool(threads);  // render_threads() is read once per process
    return pool;
}

/// One batch of render_in_order: its results and how many of its tasks have not finished.
struct Batch {
    struct Slot {
        bool done = false;
        std::string bytes;
        std::exception_ptr error;
    };
    std::mutex m;
    std::condition_variable cv;
    std::vector<Slot> slots;
    std::size_t outstanding = 0;  ///< submitted tasks not finished
    bool abandoned = false;       ///< tasks not yet started do nothing
};

}  // namespace

unsigned render_threads() {
    static const unsigned threads = [] {
        if (const char *v = std::getenv("VHH_RENDER_THREADS"); v && *v) {
            char *end = nullptr;
            const long n = std::strtol(v, &end, 10);
            if (*end == '\0' && n >= 1 && n <= 64) return static_cast<unsigned>(n);
        }
        const unsigned hw = std::thread::hardware_concurrency();
        return hw == 0 ? 1u : std::min(hw, 64u);
    }();
    return threads;
}

void render_in_order(std::size_t count, const std::function<std::string(std::size_t)> &job,
                     const std::function<void(std::size_t, std::string &&)> &deliver) {
    const unsigned threads = render_threads();
    WorkerPool *pool = threads <= 1 || count <= 1 ? nullptr : &shared_pool(threads);
    if (pool == nullptr || pool->size() == 0) {
        for (std::size_t i = 0; i < count; ++i) deliver(i, job(i));
        return;
    }
    Batch batch;
    batch.slots.resize(count);
    // Results waiting for delivery stay few: a job is submitted only when one is delivered.
    const std::size_t window = std::min<std::size_t>(count, 4 * static_cast<std::size_t>(threads));
    std::size_t submitted = 0;
    auto submit = [&] {
        const std::size_t i = submitted++;
        {
            std::lock_guard<std::mutex> lock(batch.m);
            ++batch.outstanding;
        }
        pool->submit([&batch, &job, i] {
            std::optional<std::string> bytes;
            std::exception_ptr error;
            bool run;
            {
                std::lock_guard<std::mutex> lock(batch.m);
                run = !batch.abandoned;
            }
            if (run) {
                try {
                    bytes = job(i);
                } catch (...) {
                    error = std::current_exception();
                }
            }
            std::lock_guard<std::mutex> lock(batch.m);
            Batch::Slot &slot = batch.slots[i];
            if (bytes) slot.bytes = std::move(*bytes);
            slot.error = error;
            slot.done = true;
            --batch.outstanding;
            batch.cv.notify_all();  // under the lock: `batch` may go as soon as it is released
        });
    };
    // Whatever way this returns, no task may still use `batch` or `job`.
    struct Drain {
        Batch &b;
        ~Drain() {
            std::unique_lock<std::mutex> lock(b.m);
            b.abandoned = true;
            b.cv.wait(lock, [this] { return b.outstanding == 0; });
        }
    } drain{batch};
    while (submitted < window) submit();
    for (std::size_t i = 0; i < count; ++i) {
        std::string bytes;
        {
            std::unique_lock<std::mutex> lock(batch.m);
            batch.cv.wait(lock, [&] { return batch.slots[i].done; });
            if (batch.slots[i].error) std::rethrow_exception(batch.slots[i].error);
            bytes = std::move(batch.slots[i].bytes);
        }
        if (submitted < count) submit();
        deliver(i, std::move(bytes));
    }
}

}  // namespace vhh::host
