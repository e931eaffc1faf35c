// The long-format export of every fact (`finsam export`), callable without
// the command line: `finsam serve`'s export buttons run the same code.
#ifndef FINSAM_CLI_EXPORT_H_
#define FINSAM_CLI_EXPORT_H_

#include <string>

#include "model/status.h"
#include "pipeline/store/sqlite_db.h"

namespace finsam {

// Writes the export into *out: `format` csv | jsonl, `dialect` rfc4180 |
// excel-sv (csv only), `org` a part of an organisation's name ("" = all).
// InvalidArgument when `org` matches no organisation; database errors as is.
Status ExportFacts(SqliteDb& db, const std::string& format, const std::string& dialect, const std::string& org,
                   std::string* out);

}  // namespace finsam

#endif  // FINSAM_CLI_EXPORT_H_
