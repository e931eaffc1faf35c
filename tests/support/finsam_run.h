// Running the `finsam` binary (FINSAM_BINARY) from end-to-end tests, and
// reading a database back to compare before and after.
#ifndef FINSAM_TESTS_SUPPORT_FINSAM_RUN_H_
#define FINSAM_TESTS_SUPPORT_FINSAM_RUN_H_

#include <sys/wait.h>

#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/store/sqlite_db.h"
#include "tests/support/text_files.h"

namespace finsam {

struct RunResult {
  int code = -1;
  std::string out, err;
};

// Runs `ENV finsam ARGS` in `dir` (ARGS go to the shell as is); stdout and
// stderr are captured in files in `dir`.
inline RunResult RunFinsam(const std::string& binary, const std::string& dir, const std::string& args,
                           const std::string& env = "") {
  std::string out = dir + "/.stdout", err = dir + "/.stderr";
  std::string cmd = "cd '" + dir + "' && " + env + " '" + binary + "' " + args + " >'" + out + "' 2>'" + err +
                    "' </dev/null";
  int st = std::system(cmd.c_str());
  RunResult r;
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream s(text);
  for (std::string l; std::getline(s, l);) out.push_back(l);
  return out;
}

// Every row of every table in rowid order, read through a read-only
// connection: equal dumps = unchanged data. An error reads as its message.
inline std::string DumpDatabase(const std::string& db_path) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(db_path, DbAccess::kRead);
  if (!db.ok()) return "error: " + db.status().ToString();
  std::vector<std::string> tables;
  {
    Result<SqliteStatement> q = (*db)->Prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name");
    while (q.ok() && q->Step()) tables.push_back(q->Text(0));
  }
  std::string dump;
  for (const std::string& t : tables) {
    dump += "## " + t + "\n";
    Result<SqliteStatement> q = (*db)->Prepare("SELECT * FROM \"" + t + "\"");
    while (q.ok() && q->Step()) {
      for (int c = 0; c < q->ColumnCount(); ++c) dump += (q->IsNull(c) ? "\\N" : q->Text(c)) + "|";
      dump += "\n";
    }
  }
  return dump;
}

}  // namespace finsam

#endif  // FINSAM_TESTS_SUPPORT_FINSAM_RUN_H_
