// `finsam ingest [--db PATH] [--ocr auto|never|always] [--dpi N] [-j N]
//                [--quiet] [--verbose] FILE|DIR...`
//
// Collects the input files (directories are walked recursively, sorted,
// hidden entries skipped), runs the pipeline on each (on worker threads when
// there are several files) and loads each document into the database in its
// own transaction, in input order, on the main thread. A file that fails is
// reported on one line and leaves the database as it was; the others still
// load, and the exit code is 1.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "cli/input_walk.h"
#include "cli/output_guard.h"
#include "cli/progress.h"
#include "pipeline/input/sha256.h"
#include "pipeline/pipeline.h"
#include "pipeline/store/database.h"
#include "pipeline/store/org_store.h"

namespace finsam {
namespace {

constexpr const char* kIngestUsage = "usage: finsam ingest [OPTIONS] FILE|DIR...";

constexpr const char* kIngestDescription =
    R"(Reads PDFs (.pdf) and plain-text dumps (.txt, .md), extracts their metadata
and financial tables, and loads each document into the database in one
transaction. Directories are walked recursively in sorted order and give their
PDFs (with --text also .txt and .md files); hidden files and folders (names
starting with '.') and other extensions are skipped. Files named explicitly
are always read.

Each document belongs to an organisation (a förbund, kommun, region, nämnd,
bostadsrättsförening, ...), read from its title page, the PDF's
Title/Author/Subject, the förbund registry, or given with --org; its
organisationsnummer, when printed, is its identity. See 'finsam orgs'.

A document is identified by the SHA-256 of its bytes: ingesting the same
bytes again changes nothing ("unchanged"); bytes loaded by an older pipeline
version are extracted again ("re-extracted").)";

constexpr const char* kIngestFooter =
    R"(One line per file goes to stderr:
  loaded|unchanged|re-extracted PATH: FÖRBUND, KIND YEARS, N tables, M facts
  [, P pages OCRed][, R pages repaired][, S pages not read (need OCR; --ocr never)][, W warnings]
and a failing file prints 'finsam: PATH: REASON'.
Exit codes: 0 all loaded, 1 some input failed (the rest loaded), 2 usage.)";

std::string Years(int from, int to) {
  if (from == 0) return "";
  if (to == 0 || to == from) return std::to_string(from);
  return std::to_string(from) + "-" + std::to_string(to);
}

// What one line of ingest output says about a document.
struct Summary {
  std::string forbund, kind;
  int year_from = 0, year_to = 0;
  int64_t tables = 0, facts = 0, ocr = 0, repair = 0, skipped = 0, warnings = 0;
};

Summary Summarize(const Extraction& ex, int facts) {
  Summary s;
  s.forbund = ex.doc.meta.forbund;
  s.kind = ex.doc.meta.kind;
  s.year_from = ex.doc.meta.year_from;
  s.year_to = ex.doc.meta.year_to;
  s.tables = static_cast<int64_t>(ex.tables.size());
  s.facts = facts;
  for (const Page& p : ex.doc.pages) {
    s.ocr += p.decision == PageDecision::kOcr ? 1 : 0;
    s.repair += p.decision == PageDecision::kRepair ? 1 : 0;
    s.skipped += p.ocr_skipped ? 1 : 0;
  }
  s.warnings = static_cast<int64_t>(ex.doc.warnings.size());
  return s;
}

// The same summary for a document already in the database.
std::optional<Summary> StoredSummary(SqliteDb& db, int64_t document_id) {
  const std::string id = std::to_string(document_id);
  Result<SqliteStatement> q = db.Prepare(
      "SELECT coalesce(f.name, ''), coalesce(d.kind, ''), coalesce(d.year_from, 0), coalesce(d.year_to, 0), "
      "coalesce(d.warnings, '') FROM documents d LEFT JOIN forbund f USING(forbund_id) WHERE d.document_id = " + id);
  if (!q.ok() || !q->Step()) return std::nullopt;
  Summary s;
  s.forbund = q->Text(0);
  s.kind = q->Text(1);
  s.year_from = static_cast<int>(q->Int(2));
  s.year_to = static_cast<int>(q->Int(3));
  const std::string warnings = q->Text(4);
  s.warnings = std::count(warnings.begin(), warnings.end(), '\n');
  s.tables = db.QueryInt("SELECT count(*) FROM fin_tables WHERE document_id = " + id).value_or(0);
  s.facts = db.QueryInt("SELECT count(*) FROM v_financial WHERE document_id = " + id).value_or(0);
  s.ocr = db.QueryInt("SELECT count(*) FROM pages WHERE decision = 'ocr' AND document_id = " + id).value_or(0);
  s.repair = db.QueryInt("SELECT count(*) FROM pages WHERE decision = 'repair' AND document_id = " + id).value_or(0);
  s.skipped = db.QueryInt("SELECT count(*) FROM pages WHERE ocr_skipped = 1 AND document_id = " + id).value_or(0);
  return s;
}

// "Samordningsförbundet Gävleborg, årsredovisning 2020, 7 tables, 212 facts, 1 warning"
std::string Describe(const Summary& m) {
  std::ostringstream s;
  s << (m.forbund.empty() ? "organisation unknown" : m.forbund) << ", ";
  s << (m.kind.empty() ? "kind unknown" : m.kind);
  std::string years = Years(m.year_from, m.year_to);
  if (!years.empty()) s << " " << years;
  s << ", " << m.tables << (m.tables == 1 ? " table" : " tables");
  s << ", " << m.facts << (m.facts == 1 ? " fact" : " facts");
  // Pages not read from a good text layer, so a slow or doubtful file shows.
  if (m.ocr) s << ", " << m.ocr << (m.ocr == 1 ? " page" : " pages") << " OCRed";
  if (m.repair) s << ", " << m.repair << (m.repair == 1 ? " page" : " pages") << " repaired";
  if (m.skipped) s << ", " << m.skipped << (m.skipped == 1 ? " page" : " pages") << " not read (need OCR; --ocr never)";
  if (m.warnings > 0) s << ", " << m.warnings << (m.warnings == 1 ? " warning" : " warnings");
  return s.str();
}

// Documents loaded by this pipeline version, sha256 → document id.
std::unordered_map<std::string, int64_t> LoadedDocuments(SqliteDb& db) {
  std::unordered_map<std::string, int64_t> out;
  Result<SqliteStatement> q =
      db.Prepare("SELECT sha256, document_id FROM documents WHERE pipeline_version >= " + std::to_string(kPipelineVersion));
  if (!q.ok()) return out;
  while (q->Step()) out.emplace(q->Text(0), q->Int(1));
  return out;
}

// The id of the document with `path`'s bytes when `loaded` holds it: such a
// file is reported unchanged without being extracted again (no OCR of a scan
// that is already in). 0 otherwise, and for files that cannot be read (the
// pipeline reports those).
int64_t LoadedId(const std::string& path, const std::unordered_map<std::string, int64_t>& loaded, int64_t max_bytes) {
  if (loaded.empty()) return 0;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size == 0 || static_cast<int64_t>(size) > max_bytes) return 0;
  std::ifstream in(path, std::ios::binary);
  std::string bytes(size, '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return 0;
  auto it = loaded.find(Sha256Hex(bytes));
  return it == loaded.end() ? 0 : it->second;
}

// What the command line asks for.
struct IngestRequest {
  std::string db_path = kDefaultDbPath;
  PipelineOptions options;
  bool verbose = false;
  bool text = false;    // folders: also .txt/.md
  std::string org;      // --org NAME|ORGNR override
  std::vector<std::string> inputs;
};

// One file's outcome, handed from a worker to the loading thread.
struct Slot {
  bool done = false;
  int64_t stored_id = 0;  // already loaded by this pipeline version: not run
  std::optional<Result<Extraction>> result;  // otherwise the pipeline's outcome
};

// Counts and failure lines of one ingest run.
class IngestReport {
 public:
  explicit IngestReport(bool quiet) : quiet_(quiet) {}
  // Prints "finsam: PATH: REASON" on one line and counts the failure.
  void Failure(const std::string& path, const std::string& reason) {
    std::cerr << "finsam: " << QuotePathForLog(path) << ": " << OneLine(reason) << "\n";
    ++failed_;
  }
  void Count(LoadOutcome outcome) { ++counts_[static_cast<int>(outcome)]; }
  void AddWritten(int64_t tables, int64_t facts) {
    total_tables_ += tables;
    total_facts_ += facts;
  }
  bool quiet() const { return quiet_; }
  int failed() const { return failed_; }
  // The closing summary line on stderr (unless quiet).
  void PrintSummary(size_t files, const std::string& db_path) const;

 private:
  bool quiet_;
  int failed_ = 0;
  int counts_[3] = {0, 0, 0};  // by LoadOutcome
  int64_t total_facts_ = 0, total_tables_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

void IngestReport::PrintSummary(size_t files, const std::string& db_path) const {
  if (quiet_) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(2);
  s << "finsam ingest: " << files << (files == 1 ? " file: " : " files: ") << counts_[0] << " loaded, "
    << counts_[1] << " unchanged, " << counts_[2] << " re-extracted, " << failed_ << " failed; " << total_tables_
    << (total_tables_ == 1 ? " table, " : " tables, ") << total_facts_ << (total_facts_ == 1 ? " fact" : " facts")
    << " written to " << QuotePathForLog(db_path) << " in " << secs << " s\n";
  std::cerr << s.str();
}

// Parses the command line into `req`; returns an exit code when ingest
// should not run (help, usage error).
std::optional<int> ParseIngestArgs(const Args& args, IngestRequest* req) {
  std::unique_ptr<CLI::App> app = MakeCommandApp("ingest", kIngestUsage, kIngestDescription, kIngestFooter);
  std::string ocr;
  app->add_option("--db", req->db_path, "database file (default finsam.db; created if missing)")
      ->type_name("PATH");
  AddPipelineOptions(*app, &req->options, &ocr);
  app->add_option("-j,--jobs", req->options.jobs, "worker threads (default: number of cores)")
      ->type_name("N")
      ->check(DecimalInteger(0, 256));
  app->add_flag("-v,--verbose", req->verbose, "also print each document's warnings");
  app->add_flag("--text", req->text, "folders: also read .txt and .md text dumps (named files are always read)");
  app->add_option("--org", req->org,
                  "the organisation of every input: a name or an organisationsnummer (NNNNNN-NNNN); kept for "
                  "re-extractions")
      ->type_name("NAME|ORGNR");
  app->add_option("inputs", req->inputs, "PDFs, text dumps and folders to read")->type_name("FILE|DIR");
  if (std::optional<int> exit = ParseCommandLine(*app, "ingest", args)) return exit;
  ApplyOcrPolicy(ocr, &req->options);
  if (req->inputs.empty()) return UsageError("ingest", "no FILE or DIR given");
  if (req->db_path.empty()) return UsageError("ingest", "--db wants a path");
  if (app->count("--org") && req->org.find_first_not_of(" \t") == std::string::npos)
    return UsageError("ingest", "--org wants a name or an organisationsnummer");
  return std::nullopt;
}

// Inputs → files: folders walked, the order given kept, repeats dropped.
std::vector<std::string> CollectInputFiles(const std::vector<std::string>& inputs, bool text, IngestReport& report) {
  namespace fs = std::filesystem;
  std::vector<std::string> all;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      InputWalk walk = WalkInputDirectory(in, ListDirectory, text);
      for (const UnreadablePath& u : walk.unreadable) report.Failure(u.path, u.reason);
      if (walk.files.empty() && walk.unreadable.empty() && !report.quiet())
        std::cerr << "finsam: " << QuotePathForLog(in) << (text ? ": no .pdf, .txt or .md files found\n"
                                                              : ": no .pdf files found (--text also reads .txt/.md)\n");
      all.insert(all.end(), walk.files.begin(), walk.files.end());
    } else {
      all.push_back(in);
    }
  }
  std::vector<std::string> files;
  std::set<std::string> seen;
  for (std::string& f : all) {
    std::error_code ec;
    std::string key = fs::weakly_canonical(f, ec).string();
    if (ec) key = f;
    if (seen.insert(key).second) files.push_back(std::move(f));
  }
  return files;
}

// Opens (creating) the database in WAL mode with synchronous=NORMAL.
// Another process's write transaction (another ingest) is waited for, with a
// line on stderr every few seconds, without limit unless
// FINSAM_DB_WAIT_SECONDS sets one.
Result<std::unique_ptr<Database>> OpenIngestDatabase(const std::string& db_path, bool quiet) {
  // Write-ahead log with synchronous=NORMAL: each document's transaction is
  // still atomic and a crash cannot corrupt the file, but a commit needs no
  // fsync (checkpoints sync). In the default rollback-journal mode every
  // commit costs about four fsyncs, more than reading a PDF (see bench/); a
  // crash may lose the last documents loaded, which a re-ingest restores.
  DbOpenOptions o;
  o.access = DbAccess::kCreate;
  o.wal = true;
  o.busy.limit_ms = -1;
  if (const char* env = std::getenv("FINSAM_DB_WAIT_SECONDS"); env && *env) {
    if (std::optional<int64_t> s = ParseDecimal(env, 0, int64_t{1} << 40)) o.busy.limit_ms = *s * 1000;
  }
  if (!quiet) {
    o.busy.notice = [db_path](int64_t waited_ms) {
      std::cerr << "finsam: " << db_path << ": waiting for another finsam writing the database (" << waited_ms / 1000
                << " s)\n";
    };
  }
  Result<std::unique_ptr<Database>> db = Database::Open(db_path, o);
  if (db.ok()) (*db)->sql().Exec("PRAGMA synchronous=NORMAL").IgnoreError();  // speed only: FULL is as correct
  return db;
}

// Extracts the files on worker threads (or, with one worker, on demand in
// the caller's thread); Take(i) waits for file i. A file whose bytes this
// pipeline version already loaded is hashed, not run.
class ExtractionWorkers {
 public:
  ExtractionWorkers(const std::vector<std::string>& files, const PipelineOptions& options,
                    std::unordered_map<std::string, int64_t> loaded_ids, ProgressReporter& progress)
      : files_(files), options_(options), loaded_ids_(std::move(loaded_ids)), progress_(progress),
        slots_(files.size()) {
    int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    int jobs = options.jobs > 0 ? options.jobs : hw;
    workers_ = std::max(1, std::min<int>(jobs, static_cast<int>(files.size())));
    // The OCR worker pool is shared by the whole process and sized from
    // options.jobs (pipeline/ocr/ocr_pool.h): every document asks for the
    // full -j, and the pages of all documents in flight share those workers.
    options_.jobs = jobs;
    if (workers_ > 1)
      for (int t = 0; t < workers_; ++t) threads_.emplace_back([this] { Work(); });
  }
  ~ExtractionWorkers() { Join(); }

  // File i's outcome, in any order the caller likes (ingest: input order).
  Slot Take(size_t i) {
    if (workers_ <= 1) return Process(i);
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return slots_[i].done; });
    Slot slot = std::move(slots_[i]);
    slots_[i].result.reset();
    return slot;
  }
  void Join() {
    for (std::thread& t : threads_)
      if (t.joinable()) t.join();
  }

 private:
  // Hashes file i against the loaded documents, runs the pipeline if new.
  Slot Process(size_t i) {
    Slot slot;
    slot.stored_id = LoadedId(files_[i], loaded_ids_, options_.max_file_bytes);
    if (!slot.stored_id) {
      PipelineOptions o = options_;
      o.progress = progress_.ForDocument();
      slot.result.emplace(RunPipeline(files_[i], o));
    }
    slot.done = true;
    return slot;
  }
  void Work() {
    for (size_t i = next_++; i < files_.size(); i = next_++) {
      Slot slot = Process(i);
      std::lock_guard<std::mutex> lock(mu_);
      slots_[i] = std::move(slot);
      cv_.notify_all();
    }
  }

  const std::vector<std::string>& files_;
  PipelineOptions options_;
  const std::unordered_map<std::string, int64_t> loaded_ids_;
  ProgressReporter& progress_;
  std::vector<Slot> slots_;
  int workers_ = 1;
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<size_t> next_{0};
  std::vector<std::thread> threads_;
};

// The absolute path with symbolic links and "..", "." resolved: what the
// database stores, so a report run from another directory finds the file.
std::string CanonicalPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) return path;
  fs::path canon = fs::weakly_canonical(abs, ec);
  return ec ? abs.lexically_normal().string() : canon.string();
}

// Reports a file found already loaded, from what the database holds. A file
// found at a new place (moved or renamed) updates the stored path; --org
// moves the document to that organisation.
void ReportStored(Database& db, const std::string& path, int64_t document_id, const std::string& org,
                  IngestReport& report) {
  report.Count(LoadOutcome::kUnchanged);
  Result<std::string> moved = RelocateDocument(db.sql(), document_id, CanonicalPath(path));
  if (!moved.ok()) {
    report.Failure(path, moved.status().ToString());
    return;
  }
  if (Status st = ReassignDocumentOrganisation(db.sql(), document_id, org); !st.ok()) {
    report.Failure(path, st.ToString());
    return;
  }
  if (report.quiet()) return;
  if (!moved->empty()) std::cerr << "moved " << QuotePathForLog(*moved) << " -> " << QuotePathForLog(CanonicalPath(path)) << "\n";
  std::optional<Summary> stored = StoredSummary(db.sql(), document_id);
  std::cerr << LoadOutcomeName(LoadOutcome::kUnchanged) << " " << QuotePathForLog(path) << ": "
            << (stored ? Describe(*stored) : std::string("already in the database")) << "\n";
}

// Loads one extracted document in its own transaction and prints its line.
void LoadOne(Database& db, const std::string& path, Result<Extraction>& result, bool verbose, const std::string& org,
             IngestReport& report) {
  if (!result.ok()) {
    report.Failure(path, result.status().ToString());
    return;
  }
  result->doc.source_path = CanonicalPath(path);
  const Extraction& ex = result.value();
  Result<LoadResult> loaded = db.Load(ex, org);
  if (!loaded.ok()) {
    report.Failure(path, loaded.status().ToString());
    return;
  }
  report.Count(loaded->outcome);
  int facts = loaded->facts;
  if (loaded->outcome == LoadOutcome::kUnchanged) {
    std::optional<int64_t> n = db.sql().QueryInt("SELECT count(*) FROM v_financial WHERE document_id = " +
                                                 std::to_string(loaded->document_id));
    facts = static_cast<int>(n.value_or(0));
  } else {
    report.AddWritten(static_cast<int64_t>(ex.tables.size()), facts);
  }
  if (report.quiet()) return;
  Summary summary = Summarize(ex, facts);
  if (std::optional<Summary> stored = StoredSummary(db.sql(), loaded->document_id)) summary.forbund = stored->forbund;
  std::cerr << LoadOutcomeName(loaded->outcome) << " " << QuotePathForLog(path) << ": " << Describe(summary) << "\n";
  if (verbose)
    for (const std::string& w : ex.doc.warnings) std::cerr << "  warning: " << OneLine(w) << "\n";
}

// Takes the workers' results in input order and loads them on this thread,
// so the database sees one writer and the output order is deterministic.
void LoadInOrder(Database& db, const std::vector<std::string>& files, ExtractionWorkers& workers, bool verbose,
                 const std::string& org, IngestReport& report) {
  for (size_t i = 0; i < files.size(); ++i) {
    Slot slot = workers.Take(i);
    if (slot.stored_id) ReportStored(db, files[i], slot.stored_id, org, report);
    else LoadOne(db, files[i], *slot.result, verbose, org, report);
  }
}

}  // namespace

int RunIngestCommand(const Args& args) {
  IngestRequest req;
  if (std::optional<int> exit = ParseIngestArgs(args, &req)) return *exit;
  IngestReport report(req.options.quiet);
  const std::vector<std::string> files = CollectInputFiles(req.inputs, req.text, report);
  // The database is the output: never one of the inputs.
  for (const std::string& db_file : DatabaseFiles(req.db_path)) {
    if (std::optional<std::string> same = FindSameFile(db_file, files))
      return UsageError("ingest", "--db " + QuotePathForLog(db_file) + " is the input file " +
                                      QuotePathForLog(*same) + "; refusing to write over it");
  }
  Result<std::unique_ptr<Database>> db = OpenIngestDatabase(req.db_path, req.options.quiet);
  if (!db.ok()) {
    report.Failure(req.db_path, db.status().message());
    return kExitInputFailed;
  }
  {
    // Progress of long stages (OCR pages) on stderr, summed over the
    // documents in flight; silent with --quiet.
    ProgressReporter progress(req.options.quiet ? ProgressReporter::Mode::kQuiet : ProgressReporter::Mode::kAuto);
    ExtractionWorkers workers(files, req.options, LoadedDocuments((*db)->sql()), progress);
    LoadInOrder(**db, files, workers, req.verbose, req.org, report);
    workers.Join();
    progress.Finish();
  }
  report.PrintSummary(files.size(), req.db_path);
  if (files.empty() && report.failed() == 0) {
    std::cerr << "finsam: nothing to ingest\n";
    return kExitInputFailed;
  }
  return report.failed() > 0 ? kExitInputFailed : kExitOk;
}

}  // namespace finsam
