// Default sanitizer options compiled into the reliability build's test and
// fuzz binaries (CMake option FINSAM_FUZZ), so that ctest, a fuzzer started
// by hand and a test binary run alone behave the same without environment
// variables. ASAN_OPTIONS / LSAN_OPTIONS / UBSAN_OPTIONS still override.
#ifndef FINSAM_LSAN_SUPP
#error "FINSAM_LSAN_SUPP must name tests/fuzz/lsan.supp"
#endif

extern "C" {

// Leaks inside third-party libraries we cannot fix (each entry commented in
// the file).
const char* __lsan_default_options() { return "suppressions=" FINSAM_LSAN_SUPP; }

// A UBSan report names the line it came from.
const char* __ubsan_default_options() { return "print_stacktrace=1"; }

}  // extern "C"
