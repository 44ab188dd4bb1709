#include "store/store_pool.h"

#include <algorithm>

namespace vhh::host::store {

StorePool::StorePool(const DatabaseUrl &url, std::size_t size) : url_(url), size_(std::max<std::size_t>(size, 1)) {}

StorePool::Lease::~Lease() {
    if (store_) pool_->give_back(std::move(store_));
}

StorePool::Lease StorePool::acquire() {
    std::unique_lock<std::mutex> lock(m_);
    returned_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
    if (!idle_.empty()) {
        std::unique_ptr<Store> s = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(s));
    }
    ++open_;  // this place is taken while the connection opens, outside the lock
    lock.unlock();
    try {
        auto s = std::make_unique<Store>(url_, true);
        {
            Transaction tx(*s, false);
            s->require_schema();  // once per connection, not per request
        }
        return Lease(*this, std::move(s));
    } catch (...) {
        lock.lock();
        --open_;
        lock.unlock();
        returned_.notify_one();
        throw;
    }
}

void StorePool::give_back(std::unique_ptr<Store> store) {
    bool keep = false;
    try {
        keep = store->clean();
    } catch (...) {
    }
    if (!keep) store.reset();  // closed outside the pool's lock: closing rolls back what was left open
    {
        std::lock_guard<std::mutex> lock(m_);
        if (keep) idle_.push_back(std::move(store));
        else --open_;
    }
    returned_.notify_one();
}

std::size_t StorePool::open() const {
    std::lock_guard<std::mutex> lock(m_);
    return open_;
}

std::size_t StorePool::idle() const {
    std::lock_guard<std::mutex> lock(m_);
    return idle_.size();
}

}  // namespace vhh::host::store
