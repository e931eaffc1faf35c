// SHA-256 of a byte string (FIPS 180-4), lowercase hex. Used as the identity
// of an ingested document: same bytes, same document.
#ifndef FINSAM_PIPELINE_INPUT_SHA256_H_
#define FINSAM_PIPELINE_INPUT_SHA256_H_

#include <string>
#include <string_view>

namespace finsam {

std::string Sha256Hex(std::string_view data);

}  // namespace finsam

#endif  // FINSAM_PIPELINE_INPUT_SHA256_H_
