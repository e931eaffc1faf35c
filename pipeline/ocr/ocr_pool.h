// A fixed set of OCR worker threads, each owning one OcrEngine (created on
// the worker's own thread, so Tesseract's per-thread OpenMP limit applies).
//
// Tasks render a page and recognize it on the worker, so at most `workers()`
// page images are alive at any time, however many pages or documents are
// queued. Several documents may submit at once (ingest of many files): their
// pages share the same workers.
#ifndef FINSAM_PIPELINE_OCR_OCR_POOL_H_
#define FINSAM_PIPELINE_OCR_OCR_POOL_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "pipeline/ocr/ocr_engine.h"

namespace finsam {

class OcrPool {
 public:
  // A task gets its worker's engine, or the Status of the failed engine
  // creation (then it must record the failure and return).
  using Task = std::function<void(Result<OcrEngine*>)>;

  // workers <= 0: the number of cores.
  OcrPool(int workers, OcrEngineFactory factory);
  ~OcrPool();  // finishes queued tasks, then joins
  OcrPool(const OcrPool&) = delete;
  OcrPool& operator=(const OcrPool&) = delete;

  int workers() const { return static_cast<int>(threads_.size()); }
  std::future<void> Submit(Task task);

  // The process-wide Tesseract pool with `jobs` workers (0 = cores), created
  // on first use and kept until exit. Asking for another size makes a second
  // pool (normally a process uses one -j value). The OCR stage passes
  // PipelineOptions::jobs, so a caller running several documents at once
  // should give every document the TOTAL -j value, not a share of it: all
  // documents' pages then share one pool of -j workers.
  static OcrPool& SharedTesseract(int jobs);

 private:
  void Run();
  OcrEngineFactory factory_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::packaged_task<void(Result<OcrEngine*>)>> queue_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

// Number of cores (std::thread::hardware_concurrency, at least 1).
int DefaultJobs();

}  // namespace finsam

#endif  // FINSAM_PIPELINE_OCR_OCR_POOL_H_
