#include "cli/progress.h"

#include <unistd.h>

#include <cmath>
#include <memory>

namespace finsam {

ProgressReporter::ProgressReporter(Mode mode, std::FILE* out, std::string label, double line_interval_s)
    : mode_(mode), out_(out), label_(std::move(label)), line_interval_s_(line_interval_s) {
  if (mode_ == Mode::kAuto) mode_ = (out_ && isatty(fileno(out_))) ? Mode::kBar : Mode::kLines;
  if (!out_) mode_ = Mode::kQuiet;
}

ProgressReporter::~ProgressReporter() { Finish(); }

std::function<void(int, int)> ProgressReporter::ForDocument() {
  struct Seen {
    std::mutex mu;
    int done = 0, total = 0;
  };
  auto seen = std::make_shared<Seen>();
  return [this, seen](int done, int total) {
    int dd, dt;
    {
      std::lock_guard<std::mutex> lock(seen->mu);
      dd = done - seen->done;
      dt = total - seen->total;
      seen->done = done;
      seen->total = total;
    }
    Add(dd, dt);
  };
}

void ProgressReporter::Add(int done_delta, int total_delta) {
  if (mode_ == Mode::kQuiet) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (!started_) {
    started_ = true;
    start_ = Clock::now();
    last_draw_ = start_ - std::chrono::hours(1);
  }
  done_ += done_delta;
  total_ += total_delta;
  Draw(done_ == total_);
}

std::string ProgressReporter::FormatDuration(double s) {
  if (!(s >= 0) || std::isinf(s)) return "?";
  long t = std::lround(s);
  char buf[32];
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

std::string ProgressReporter::StatusLocked(Clock::time_point now) const {
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double rate = elapsed > 0 ? done_ / elapsed : 0;
  double eta = rate > 0 ? (total_ - done_) / rate : -1;
  char buf[200];
  if (mode_ == Mode::kBar) {
    constexpr int kWidth = 24;
    int filled = total_ > 0 ? static_cast<int>(kWidth * static_cast<double>(done_) / total_) : 0;
    std::string bar(filled, '#');
    bar += std::string(kWidth - filled, '.');
    std::snprintf(buf, sizeof buf, "%s [%s] %d/%d pages  %.2f pages/s  ETA %s", label_.c_str(), bar.c_str(), done_,
                  total_, rate, done_ > 0 ? FormatDuration(eta).c_str() : "?");
  } else {
    std::snprintf(buf, sizeof buf, "%s: %d/%d pages, %.2f pages/s, %s", label_.c_str(), done_, total_, rate,
                  done_ >= total_ ? ("done in " + FormatDuration(elapsed)).c_str()
                                  : done_ > 0 ? ("~" + FormatDuration(eta) + " left").c_str() : "starting");
  }
  return buf;
}

std::string ProgressReporter::StatusText() {
  std::lock_guard<std::mutex> lock(mu_);
  return StatusLocked(Clock::now());
}

void ProgressReporter::Draw(bool force) {
  Clock::time_point now = Clock::now();
  double since = std::chrono::duration<double>(now - last_draw_).count();
  double interval = mode_ == Mode::kBar ? 0.125 : line_interval_s_;
  if (!force && since < interval) return;
  // In line mode only the end of a document's pages forces a line when the
  // whole run is done.
  last_draw_ = now;
  if (mode_ == Mode::kBar) std::fprintf(out_, "\r%s\033[K", StatusLocked(now).c_str());
  else std::fprintf(out_, "%s\n", StatusLocked(now).c_str());
  std::fflush(out_);
}

void ProgressReporter::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  if (finished_ || !started_ || mode_ == Mode::kQuiet) {
    finished_ = true;
    return;
  }
  finished_ = true;
  if (mode_ == Mode::kBar) {
    std::fprintf(out_, "\r%s\033[K\n", StatusLocked(Clock::now()).c_str());
  } else if (done_ != total_) {
    std::fprintf(out_, "%s\n", StatusLocked(Clock::now()).c_str());
  }
  std::fflush(out_);
}

}  // namespace finsam
