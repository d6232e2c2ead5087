// The threads that answer connections: a fixed number of workers and a bounded queue of
// accepted connections waiting for one. cpp-httplib's own pool queues without bound; here
// the accepting thread waits when the queue is full, so further clients wait in the
// kernel's listen backlog instead of in the server's memory.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace leibniz::serve {

class WorkerPool : public httplib::TaskQueue {
 public:
  WorkerPool(std::size_t workers, std::size_t max_waiting);
  ~WorkerPool() override;
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Queues a connection's work; blocks while max_waiting connections already wait.
  void enqueue(std::function<void()> work) override;
  /// Runs what is queued, then joins the workers.
  void shutdown() override;

 private:
  void work();

  std::size_t max_waiting_;
  std::mutex mutex_;
  std::condition_variable has_work_;
  std::condition_variable has_room_;
  std::deque<std::function<void()>> waiting_;
  bool shutting_down_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace leibniz::serve
