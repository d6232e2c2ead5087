#include "leibniz/serve/worker_pool.h"

namespace leibniz::serve {

WorkerPool::WorkerPool(std::size_t workers, std::size_t max_waiting) : max_waiting_(max_waiting) {
  workers_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::enqueue(std::function<void()> work) {
  std::unique_lock lock(mutex_);
  has_room_.wait(lock, [this] { return waiting_.size() < max_waiting_ || shutting_down_; });
  waiting_.push_back(std::move(work));
  has_work_.notify_one();
}

void WorkerPool::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (shutting_down_ && workers_.empty()) return;
    shutting_down_ = true;
  }
  has_work_.notify_all();
  has_room_.notify_all();
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> next;
    {
      std::unique_lock lock(mutex_);
      has_work_.wait(lock, [this] { return !waiting_.empty() || shutting_down_; });
      if (waiting_.empty()) return;  // shutting down, and nothing left to answer
      next = std::move(waiting_.front());
      waiting_.pop_front();
      has_room_.notify_one();
    }
    next();
  }
}

}  // namespace leibniz::serve
