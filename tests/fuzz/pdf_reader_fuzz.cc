// Fuzz target: PDF bytes through the Poppler adapter
// (pipeline/input/pdf_reader.h): ReadPdf must turn any file into pages or a
// Status (kCorrupt, kEncrypted, ...), never crash or leak. Poppler itself is
// not instrumented; what the sanitizers watch is our side of the adapter.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/document.h"
#include "pipeline/input/pdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  finsam::Document doc;
  finsam::Status st = finsam::ReadPdf(bytes, /*max_pages=*/4, doc);
  (void)st;
  return 0;
}
