// Progress of long runs (OCR pages) on stderr.
//
//  - terminal (stderr is a TTY): one bar redrawn in place, at most ~8 times a
//    second:  "OCR [#########.........]  12/40 pages  1.8 pages/s  ETA 0:16"
//  - not a terminal (CI logs, files): a plain line every `line_interval`
//    seconds and one at the end: "OCR: 12/40 pages, 1.8 pages/s, ~16 s left"
//  - quiet: nothing.
// Several documents may report at once (ingest runs files in parallel): each
// gets its own callback from ForDocument(); the reporter sums them.
//
// Hook-up (cmd_ingest / cmd_extract):
//   ProgressReporter progress(quiet ? ProgressReporter::Mode::kQuiet
//                                   : ProgressReporter::Mode::kAuto);
//   options.progress = progress.ForDocument();   // per document / RunPipeline
//   ... RunPipeline(path, options) ...
//   progress.Finish();                            // clears the bar / last line
#ifndef FINSAM_CLI_PROGRESS_H_
#define FINSAM_CLI_PROGRESS_H_

#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>

namespace finsam {

class ProgressReporter {
 public:
  enum class Mode { kAuto, kBar, kLines, kQuiet };
  using Clock = std::chrono::steady_clock;

  // `out` is not owned (stderr by default). kAuto picks kBar when `out` is a
  // terminal, kLines otherwise.
  explicit ProgressReporter(Mode mode = Mode::kAuto, std::FILE* out = stderr, std::string label = "OCR",
                            double line_interval_s = 10.0);
  ~ProgressReporter();  // calls Finish()

  // A callback for PipelineOptions::progress: (pages_done, pages_total) of
  // one document. Thread-safe; the reporter must outlive the callback's use.
  std::function<void(int, int)> ForDocument();

  // Reports a change directly (summed over documents). Thread-safe.
  void Add(int done_delta, int total_delta);

  // Ends the bar with a newline / prints the final line (once, and only if
  // anything was reported).
  void Finish();

  Mode mode() const { return mode_; }
  // The text of the current status (without \r), for tests.
  std::string StatusText();

  // "1:05", "0:16", "2:03:07".
  static std::string FormatDuration(double seconds);

 private:
  void Draw(bool force);
  std::string StatusLocked(Clock::time_point now) const;

  Mode mode_;
  std::FILE* out_;
  std::string label_;
  double line_interval_s_;
  std::mutex mu_;
  int done_ = 0, total_ = 0;
  bool started_ = false, finished_ = false;
  Clock::time_point start_, last_draw_;
};

}  // namespace finsam

#endif  // FINSAM_CLI_PROGRESS_H_
