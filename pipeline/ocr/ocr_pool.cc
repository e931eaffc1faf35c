#include "pipeline/ocr/ocr_pool.h"

#include <exception>
#include <map>
#include <string>

#include "pipeline/ocr/tesseract_engine.h"

namespace finsam {

int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n ? static_cast<int>(n) : 1;
}

OcrPool::OcrPool(int workers, OcrEngineFactory factory) : factory_(std::move(factory)) {
  if (workers <= 0) workers = DefaultJobs();
  for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { Run(); });
}

OcrPool::~OcrPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : threads_) t.join();
}

std::future<void> OcrPool::Submit(Task task) {
  std::packaged_task<void(Result<OcrEngine*>)> pt(std::move(task));
  std::future<void> f = pt.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(pt));
  }
  cv_.notify_one();
  return f;
}

void OcrPool::Run() {
  std::unique_ptr<OcrEngine> engine;
  Status engine_status = Status::Ok();
  bool tried = false;
  for (;;) {
    std::packaged_task<void(Result<OcrEngine*>)> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stop_ and drained
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    if (!tried) {
      tried = true;
      // A factory that throws fails every task of this worker, like one
      // that returns an error; the exception does not end the thread.
      try {
        Result<std::unique_ptr<OcrEngine>> made = factory_();
        if (made.ok()) engine = std::move(made.value());
        else engine_status = made.status();
      } catch (const std::exception& e) {
        engine_status = Status::Internal(std::string("OCR engine creation threw: ") + e.what());
      } catch (...) {
        engine_status = Status::Internal("OCR engine creation threw");
      }
      if (!engine && engine_status.ok()) engine_status = Status::Internal("OCR engine factory returned no engine");
    }
    if (engine) task(Result<OcrEngine*>(engine.get()));
    else task(Result<OcrEngine*>(engine_status));
  }
}

OcrPool& OcrPool::SharedTesseract(int jobs) {
  static std::mutex mu;
  static auto* pools = new std::map<int, std::unique_ptr<OcrPool>>();  // lives until exit
  if (jobs <= 0) jobs = DefaultJobs();
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = (*pools)[jobs];
  if (!slot) slot = std::make_unique<OcrPool>(jobs, [] { return MakeTesseractEngine(); });
  return *slot;
}

}  // namespace finsam
