// A bounded pool of open store connections, for `vhh serve`: a request borrows one instead of
// connecting (and checking the schema) anew. A connection is opened, and its schema checked, once;
// it goes back to the pool only in a clean state: outside any transaction and not broken.
// Otherwise it is closed (closing rolls back whatever was open) and a new one is opened when needed.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "store/store.h"

namespace vhh::host::store {

/// At most `size` open connections to one store, shared by the threads of a server.
class StorePool {
public:
    /// A connection lent to one user; it goes back to the pool (or is closed) when the lease ends.
    class Lease {
    public:
        Lease(Lease &&other) noexcept : pool_(other.pool_), store_(std::move(other.store_)) {}
        Lease &operator=(Lease &&) = delete;
        ~Lease();
        Store &operator*() const { return *store_; }
        Store *operator->() const { return store_.get(); }

    private:
        friend class StorePool;
        Lease(StorePool &pool, std::unique_ptr<Store> store) : pool_(&pool), store_(std::move(store)) {}
        StorePool *pool_;
        std::unique_ptr<Store> store_;
    };

    /// A pool of at most `size` (≥ 1) connections to `url`; none is opened yet.
    StorePool(const DatabaseUrl &url, std::size_t size);
    StorePool(const StorePool &) = delete;
    StorePool &operator=(const StorePool &) = delete;

    /// An idle connection, else a new one (opened and its schema required current: a StoreError
    /// when the store cannot be opened or is not at this vhh's schema), else waits for one to come
    /// back.
    Lease acquire();

    /// The most connections open at once.
    std::size_t size() const { return size_; }
    /// Connections open now (idle and lent).
    std::size_t open() const;
    /// Connections open now and waiting in the pool.
    std::size_t idle() const;

private:
    void give_back(std::unique_ptr<Store> store);

    const DatabaseUrl url_;
    const std::size_t size_;
    mutable std::mutex m_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Store>> idle_;  ///< the most recently returned last (used first)
    std::size_t open_ = 0;
};

}  // namespace vhh::host::store
