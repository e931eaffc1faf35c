#include "normalizers/swedish_lexicon.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include "model/data_dir.h"
#include "normalizers/unicode.h"
#include "normalizers/utf8.h"

#ifdef FINSAM_HAVE_HUNSPELL
#include <hunspell/hunspell.hxx>
#endif

namespace finsam {

struct SwedishLexicon::HunspellHolder {
#ifdef FINSAM_HAVE_HUNSPELL
  std::unique_ptr<Hunspell> h;
  std::mutex mu;  // Hunspell objects are not documented as thread-safe
#endif
};

namespace {

// Mixture weights and Zipf constants of the frequency model. The web lists
// carry ranks only; a rank r is read as probability 1 / (H * (r + 2)), with H
// the harmonic number of the list's size (Zipf's law, exponent 1).
constexpr double kWebWeight = 0.5;
constexpr double kWebHarmonic = 13.5;
constexpr double kBigramHarmonic = 13.0;
constexpr double kBigramWeight = 0.7;  // interpolation with the unigram
// Our own domain's clean documents count this many times a dasher word: they
// are the closest text to what we repair ("stöd", "mål", "län" are far more
// common in förbund plans than in general prose).
constexpr float kDomainWeight = 5;
constexpr double kCleanDiscount = 0.8;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Calls fn(line) for each line of text, without its "\n" or "\r\n".
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(line);
  }
}

// Dasher's prose, one paragraph a line: fn(paragraph, held_out) for each
// non-blank one; every tenth (index % 10 == 0) is held out of training for
// measurements (HeldOutDasherParagraphs), the rest is trained on.
template <typename Fn>
void ForEachDasherParagraph(std::string_view text, Fn fn) {
  int index = 0;
  ForEachLine(text, [&](std::string_view line) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;
    fn(line, index++ % 10 == 0);
  });
}

// Lowercase NFC (NFKC for lines with compatibility characters such as ﬁ).
std::string LowerKey(std::string_view s) {
  // Fast path for ASCII and precomposed å ä ö é (and capitals), which are
  // already NFC: most of the 400 000 list entries. ICU for the rest.
  std::string out(s);
  bool fast = true;
  for (size_t i = 0; i < out.size() && fast; ++i) {
    unsigned char c = out[i];
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = out[i + 1];
      if (d == 0x85 || d == 0x84 || d == 0x96 || d == 0x89) out[i + 1] = static_cast<char>(d + 0x20);  // Å Ä Ö É
      else if (!(d == 0xA5 || d == 0xA4 || d == 0xB6 || d == 0xA9)) fast = false;
      ++i;
    } else {
      fast = false;
    }
  }
  if (fast) return out;
  bool compat = false;
  for (size_t i = 0; i < s.size();) {
    if (NextCodePoint(s, &i) > 0xFF) compat = true;
  }
  std::string norm = compat ? Nfkc(s) : Nfc(s);
  return U32ToUtf8(LowerU32(Utf8ToU32(norm)));
}

bool IsWordChar(UChar32 c) { return u_isalpha(c); }

// Splits clean text into lowercase word tokens with ICU's word
// BreakIterator (Swedish rules); "" marks a sentence, line or table-cell
// boundary; numbers become their '?' form ("2020" → "????", "13,5" → "??,?")
// as in the web bigram list. Clean text has no OCR garbles, so the
// iterator's splitting is what we want here (on damaged text it would split
// "&r" and "6ver"; the repairer tokenizes those itself).
void CleanTokens(std::string_view text, const std::function<void(const std::string&)>& emit) {
  static thread_local std::unique_ptr<icu::BreakIterator> words;
  if (!words) {
    UErrorCode err = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale("sv", "SE"), err));
    if (U_FAILURE(err)) words.reset();
  }
  if (!words) return;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  words->setText(u);
  std::string utf8;
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    const int32_t status = words->getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT) {
      // Spaces and punctuation: a line break, tab or sentence mark ends the
      // context.
      for (int32_t k = start; k < end; ++k) {
        UChar c = u.charAt(k);
        if (c == u'\n' || c == u'\t' || c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u';') {
          emit("");
          break;
        }
      }
      continue;
    }
    utf8.clear();
    u.tempSubStringBetween(start, end).toUTF8String(utf8);
    std::u32string w = Utf8ToU32(utf8);
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      std::string q;
      for (char32_t c : w) q += u_isdigit(c) ? '?' : static_cast<char>(c < 0x80 ? c : '?');
      emit(q);
      continue;
    }
    bool letters = true;
    for (char32_t c : w) letters &= IsWordChar(c);
    emit(letters ? U32ToUtf8(LowerU32(w)) : std::string());
  }
  emit("");
}

// Alphabet of the character model: 0 boundary, 1..26 a-z, 27 å, 28 ä,
// 29 ö, 30 é, 31 anything else.
int CharClass(char32_t c) {
  if (c >= U'a' && c <= U'z') return static_cast<int>(c - U'a') + 1;
  switch (c) {
    case U'å': return 27;
    case U'ä': return 28;
    case U'ö': return 29;
    case U'é': return 30;
    default: return 31;
  }
}

constexpr const char* kSentenceStart = "<s>";

uint64_t TripleKey(int32_t a, int32_t b, int32_t c) {
  return (static_cast<uint64_t>(a) << 42) | (static_cast<uint64_t>(b) << 21) | static_cast<uint64_t>(c);
}

uint64_t PairKey(int32_t a, int32_t b) { return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b); }

}  // namespace

std::u32string LowerU32(std::u32string_view s) {
  std::u32string out(s);
  for (char32_t& c : out) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return out;
}

std::u32string SwedishLexicon::SkeletonOf(std::u32string_view lower) {
  std::u32string out(lower);
  for (char32_t& c : out) {
    switch (c) {
      case U'å': case U'ä': case U'à': case U'á': case U'â': c = U'a'; break;
      case U'ö': case U'ø': case U'ó': case U'ò': case U'ô': c = U'o'; break;
      case U'é': case U'è': case U'ê': c = U'e'; break;
      default: break;
    }
  }
  return out;
}

FlatStringIndex::FlatStringIndex(size_t expected) {
  size_t cap = 16;
  while (cap < expected * 2) cap <<= 1;
  slots_.assign(cap, Slot());
  filter_.assign(cap / 16, 0);
}

int32_t FlatStringIndex::Find(std::string_view key) const { return Find(key, Hash(key)); }

int32_t& FlatStringIndex::Insert(std::string_view key, int32_t value) {
  if ((size_ + 1) * 10 > slots_.size() * 7) Grow();
  uint64_t h = std::hash<std::string_view>()(key);
  size_t i = Probe(key, h);
  Slot& s = slots_[i];
  if (s.value == -1) {
    s.value = value;
    s.hash = static_cast<uint32_t>(h >> 32);
    s.offset = static_cast<uint32_t>(arena_.size());
    s.length = static_cast<uint32_t>(key.size());
    arena_.append(key);
    AddToFilter(h);
    ++size_;
  }
  return s.value;
}

void FlatStringIndex::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot());
  filter_.assign(slots_.size() / 16, 0);
  for (const Slot& s : old) {
    if (s.value == -1) continue;
    std::string_view key(arena_.data() + s.offset, s.length);
    const uint64_t h = Hash(key);
    slots_[Probe(key, h)] = s;
    AddToFilter(h);
  }
}

std::string SwedishLexicon::SkeletonOf(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = s[i + 1];
      char rep = 0;
      if (d == 0xA5 || d == 0xA4 || d == 0xA0 || d == 0xA1 || d == 0xA2) rep = 'a';
      else if (d == 0xB6 || d == 0xB8 || d == 0xB3 || d == 0xB2 || d == 0xB4) rep = 'o';
      else if (d == 0xA9 || d == 0xA8 || d == 0xAA) rep = 'e';
      if (rep) {
        out.push_back(rep);
        ++i;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string SwedishLexicon::DefaultDataDir() { return DataDir(); }

const SwedishLexicon* SwedishLexicon::Shared() {
  static std::once_flag once;
  static SwedishLexicon* shared = nullptr;
  std::call_once(once, [] {
    LexiconSources src;
    src.data_dir = DefaultDataDir();
    src.cache_dir = DefaultCacheDir();
    std::string error;
    shared = Load(src, &error).release();
  });
  return shared;
}

SwedishLexicon::~SwedishLexicon() = default;

int32_t SwedishLexicon::Intern(const std::string& lower) {
  int32_t next = static_cast<int32_t>(words_.size());
  int32_t id = index_.Insert(lower, next);
  if (id == next) {
    words_.push_back(lower);
    entries_.emplace_back();
  }
  return id;
}

int32_t SwedishLexicon::Find(std::string_view lower) const { return index_.Find(lower); }

int SwedishLexicon::Rank(std::string_view lower) const {
  int32_t id = Find(lower);
  return id < 0 ? 0 : static_cast<int>(entries_[id].web_rank);
}

void SwedishLexicon::CountCleanText(std::string_view text, float weight, bool stream) {
  // Sentence starts are counted as the pair (<s>, word), so that the
  // context model knows "Våra" opens sentences more often than "Vara".
  if (bos_ < 0) bos_ = Intern(kSentenceStart);
  int32_t prev = bos_, prev2 = -1;
  entries_[bos_].clean_count += weight;
  uint8_t next_break = kBreakBefore | kDocumentStart;
  CleanTokens(text, [&](const std::string& tok) {
    if (tok.empty()) {
      if (prev != bos_) entries_[bos_].clean_count += weight;
      prev = bos_;
      prev2 = -1;
      next_break |= kBreakBefore;
      return;
    }
    int32_t id = Intern(tok);
    if (stream) {
      clean_stream_.push_back(id);
      clean_breaks_.push_back(next_break);
      next_break = 0;
    }
    entries_[id].clean_count += weight;
    if (tok[0] != '?') entries_[id].flags |= kCurated;
    clean_tokens_ += weight;
    if (prev >= 0) clean_bigram_count_[PairKey(prev, id)] += weight;
    if (prev2 >= 0 && prev2 < (1 << 21) && prev < (1 << 21) && id < (1 << 21)) {
      clean_trigram_count_[TripleKey(prev2, prev, id)] += weight;
    }
    prev2 = prev;
    prev = id;
  });
}

std::vector<std::string> SwedishLexicon::HeldOutDasherParagraphs(const std::string& path) {
  std::string text;
  std::vector<std::string> out;
  if (!ReadFile(path, &text)) return out;
  ForEachDasherParagraph(text, [&](std::string_view paragraph, bool held_out) {
    if (held_out) out.emplace_back(paragraph);
  });
  return out;
}

std::string SwedishLexicon::DefaultCacheDir() {
  if (const char* env = std::getenv("FINSAM_CACHE_DIR"); env && *env) {
    return std::string(env) == "off" ? std::string() : std::string(env);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/finsam";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/finsam";
  return "";
}

namespace {

// Identifies the inputs of a parse: this file's build, every source file's
// path, size and modification time, and the options. Any change → new cache.
std::string CacheKey(const LexiconSources& src) {
  namespace fs = std::filesystem;
  std::string key = "finsam-lexicon-cache 1 " __DATE__ " " __TIME__ "\n";
  auto add = [&](const std::string& path) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec) {
      key += path + " missing\n";
      return;
    }
    auto mtime = fs::last_write_time(path, ec).time_since_epoch().count();
    key += path + " " + std::to_string(size) + " " + std::to_string(mtime) + "\n";
  };
  const std::string dir = src.data_dir + "/lexicon";
  add(dir + "/swe.wordlist");
  add(dir + "/swe.word.bigrams");
  std::vector<std::string> clean;
  std::error_code ec;
  for (const auto& de : fs::directory_iterator(dir + "/clean", ec)) clean.push_back(de.path().string());
  std::sort(clean.begin(), clean.end());
  for (const std::string& f : clean) add(f);
  for (const std::string& x : src.exclude_clean) key += "exclude " + x + "\n";
  add(src.data_dir + "/gazetteer.tsv");
  if (!src.wswedish.empty()) add(src.wswedish);
  if (src.use_dasher && !src.dasher.empty()) add(src.dasher);
  return key;
}

std::string CachePath(const std::string& cache_dir, const std::string& key) {
  if (cache_dir.empty()) return "";
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ULL;
  char name[64];
  std::snprintf(name, sizeof name, "/lexicon-%016llx.bin", static_cast<unsigned long long>(h));
  return cache_dir + name;
}

template <typename T>
void Put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

struct Reader {
  std::string_view data;
  size_t pos = 0;
  bool ok = true;
  template <typename T>
  T Get() {
    T v{};
    if (pos + sizeof v > data.size()) {
      ok = false;
      return v;
    }
    std::memcpy(&v, data.data() + pos, sizeof v);
    pos += sizeof v;
    return v;
  }
  std::string_view Bytes(size_t n) {
    if (pos + n > data.size()) {
      ok = false;
      return {};
    }
    std::string_view v = data.substr(pos, n);
    pos += n;
    return v;
  }
};

constexpr char kCacheMagic[8] = {'F', 'S', 'L', 'X', 'C', 'v', '0', '2'};

}  // namespace

void SwedishLexicon::WriteCache(const std::string& path, const std::string& key) const {
  std::string out;
  out.append(kCacheMagic, sizeof kCacheMagic);
  Put<uint64_t>(out, key.size());
  out += key;
  Put<uint64_t>(out, words_.size());
  for (size_t i = 0; i < words_.size(); ++i) {
    Put<uint32_t>(out, static_cast<uint32_t>(words_[i].size()));
    out += words_[i];
    Put<uint32_t>(out, entries_[i].web_rank);
    Put<float>(out, entries_[i].clean_count);
    Put<uint8_t>(out, entries_[i].flags);
  }
  Put<uint64_t>(out, web_bigram_rank_.size());
  web_bigram_rank_.ForEach([&](uint64_t k, uint32_t v) {
    Put<uint64_t>(out, k);
    Put<uint32_t>(out, v);
  });
  for (const FlatU64Map<float>* m : {&clean_bigram_count_, &clean_trigram_count_}) {
    Put<uint64_t>(out, m->size());
    m->ForEach([&](uint64_t k, float v) {
      Put<uint64_t>(out, k);
      Put<float>(out, v);
    });
  }
  Put<double>(out, clean_tokens_);
  Put<int32_t>(out, bos_);
  Put<uint64_t>(out, clean_stream_.size());
  for (size_t i = 0; i < clean_stream_.size(); ++i) {
    Put<int32_t>(out, clean_stream_[i]);
    Put<uint8_t>(out, clean_breaks_[i]);
  }
  out.append(kCacheMagic, sizeof kCacheMagic);
  // Write to a private name, then rename: readers never see a partial file.
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return;
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!f) {
      std::filesystem::remove(tmp, ec);
      return;
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return;
  }
  // Caches of other builds or data versions pile up otherwise: drop those
  // unused for a day (a concurrent build's fresh cache stays).
  const auto now = std::filesystem::file_time_type::clock::now();
  for (const auto& de : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path(), ec)) {
    const std::string name = de.path().filename().string();
    if (de.path() == path || name.rfind("lexicon-", 0) != 0) continue;
    std::error_code ec2;
    auto t = std::filesystem::last_write_time(de.path(), ec2);
    if (!ec2 && now - t > std::chrono::hours(24)) std::filesystem::remove(de.path(), ec2);
  }
}

bool SwedishLexicon::ReadCache(const std::string& path, const std::string& key) {
  std::string data;
  if (!ReadFile(path, &data)) return false;
  Reader r{data};
  if (r.Bytes(sizeof kCacheMagic) != std::string_view(kCacheMagic, sizeof kCacheMagic)) return false;
  uint64_t key_len = r.Get<uint64_t>();
  if (!r.ok || r.Bytes(key_len) != key) return false;
  uint64_t n = r.Get<uint64_t>();
  if (!r.ok || n > data.size()) return false;
  for (uint64_t i = 0; i < n && r.ok; ++i) {
    uint32_t len = r.Get<uint32_t>();
    std::string_view w = r.Bytes(len);
    Entry e;
    e.web_rank = r.Get<uint32_t>();
    e.clean_count = r.Get<float>();
    e.flags = r.Get<uint8_t>();
    if (!r.ok) break;
    if (Intern(std::string(w)) != static_cast<int32_t>(i)) return false;  // duplicate: corrupt
    entries_[i] = e;
  }
  uint64_t pairs = r.Get<uint64_t>();
  for (uint64_t i = 0; i < pairs && r.ok; ++i) {
    uint64_t k = r.Get<uint64_t>();
    web_bigram_rank_[k] = r.Get<uint32_t>();
  }
  for (FlatU64Map<float>* m : {&clean_bigram_count_, &clean_trigram_count_}) {
    uint64_t count = r.Get<uint64_t>();
    for (uint64_t i = 0; i < count && r.ok; ++i) {
      uint64_t k = r.Get<uint64_t>();
      (*m)[k] = r.Get<float>();
    }
  }
  clean_tokens_ = r.Get<double>();
  bos_ = r.Get<int32_t>();
  uint64_t stream = r.Get<uint64_t>();
  if (!r.ok || stream > data.size()) return false;
  clean_stream_.resize(stream);
  clean_breaks_.resize(stream);
  for (uint64_t i = 0; i < stream && r.ok; ++i) {
    clean_stream_[i] = r.Get<int32_t>();
    clean_breaks_[i] = r.Get<uint8_t>();
    if (clean_stream_[i] < -1 || clean_stream_[i] >= static_cast<int32_t>(words_.size())) return false;
  }
  return r.ok && r.Bytes(sizeof kCacheMagic) == std::string_view(kCacheMagic, sizeof kCacheMagic) &&
         r.pos == data.size();
}

std::unique_ptr<SwedishLexicon> SwedishLexicon::Load(const LexiconSources& src, std::string* error) {
  auto t0 = std::chrono::steady_clock::now();
  const std::string dir = src.data_dir + "/lexicon";
  if (!std::filesystem::exists(dir + "/swe.wordlist")) {
    if (error) *error = dir + "/swe.wordlist: cannot read";
    return nullptr;
  }
#ifdef FINSAM_HAVE_HUNSPELL
  // Hunspell parses its dictionary (~50 ms) on another thread meanwhile.
  std::future<std::unique_ptr<Hunspell>> hunspell;
  if (!src.hunspell_aff.empty() && std::filesystem::exists(src.hunspell_aff) &&
      std::filesystem::exists(src.hunspell_dic)) {
    hunspell = std::async(std::launch::async, [aff = src.hunspell_aff, dic = src.hunspell_dic] {
      return std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    });
  }
#endif
  std::unique_ptr<SwedishLexicon> lex(new SwedishLexicon());
  const std::string key = src.cache_dir.empty() ? std::string() : CacheKey(src);
  const std::string cache = CachePath(src.cache_dir, key);
  bool cached = !cache.empty() && lex->ReadCache(cache, key);
  if (!cached) {
    lex.reset(new SwedishLexicon());  // drop a half-read cache
    if (!lex->ParseSources(src)) {
      if (error) *error = dir + "/swe.wordlist: cannot read";
      return nullptr;
    }
    if (!cache.empty()) lex->WriteCache(cache, key);
  }
#ifdef FINSAM_HAVE_HUNSPELL
  if (hunspell.valid()) {
    lex->hunspell_ = std::make_unique<HunspellHolder>();
    lex->hunspell_->h = hunspell.get();
  }
#endif
  lex->Finish();
  lex->load_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return lex;
}

bool SwedishLexicon::ParseSources(const LexiconSources& src) {
  SwedishLexicon* lex = this;
  const std::string dir = src.data_dir + "/lexicon";
  std::string text;
  if (!ReadFile(dir + "/swe.wordlist", &text)) return false;
  // Web word ranks. Keys are looked up in batches, prefetched a batch ahead:
  // the index is far larger than the CPU caches.
  constexpr size_t kBatch = 64;
  std::vector<std::string> batch;
  batch.reserve(2 * kBatch);
  {
    uint32_t rank = 0;
    auto flush_words = [&] {
      for (const std::string& key : batch) {
        ++rank;
        int32_t id = lex->Intern(key);
        Entry& e = lex->entries_[id];
        if (e.web_rank == 0) e.web_rank = rank;
        e.flags |= kWeb;
      }
      batch.clear();
    };
    ForEachLine(text, [&](std::string_view line) {
      if (line.empty()) return;
      batch.push_back(LowerKey(line));
      lex->index_.Prefetch(batch.back());
      if (batch.size() == kBatch) flush_words();
    });
    flush_words();
  }
  // Web bigram ranks.
  if (ReadFile(dir + "/swe.word.bigrams", &text)) {
    uint32_t rank = 0;
    auto flush_pairs = [&] {
      for (size_t i = 0; i + 1 < batch.size(); i += 2) {
        int32_t a = lex->Intern(batch[i]);
        int32_t b = lex->Intern(batch[i + 1]);
        uint32_t& r = lex->web_bigram_rank_[PairKey(a, b)];
        if (r == 0) r = ++rank;
        else ++rank;
      }
      batch.clear();
    };
    ForEachLine(text, [&](std::string_view line) {
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) return;
      batch.push_back(LowerKey(line.substr(0, sp)));
      lex->index_.Prefetch(batch.back());
      batch.push_back(LowerKey(line.substr(sp + 1)));
      lex->index_.Prefetch(batch.back());
      if (batch.size() >= 2 * kBatch) flush_pairs();
    });
    flush_pairs();
  }
  // Clean domain texts and word lists we ship.
  {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& de : fs::directory_iterator(dir + "/clean", ec)) {
      if (de.path().extension() != ".txt") continue;
      const std::string name = de.path().filename().string();
      if (std::find(src.exclude_clean.begin(), src.exclude_clean.end(), name) != src.exclude_clean.end()) continue;
      files.push_back(de.path().string());
    }
    std::sort(files.begin(), files.end());  // deterministic order
    for (const std::string& f : files) {
      if (ReadFile(f, &text)) lex->CountCleanText(text, kDomainWeight, /*stream=*/true);
    }
  }
  // Gazetteer: kind<TAB>name; names are valid words (each part of a
  // multi-word name too) and counted once as clean text.
  if (ReadFile(src.data_dir + "/gazetteer.tsv", &text)) {
    ForEachLine(text, [&](std::string_view line) {
      if (line.empty() || line[0] == '#') return;
      size_t tab = line.find('\t');
      std::string name(tab == std::string_view::npos ? line : line.substr(tab + 1));
      while (!name.empty() && name.back() == ' ') name.pop_back();
      lex->CountCleanText(name, 1);
      CleanTokens(name, [&](const std::string& tok) {
        if (tok.empty() || tok[0] == '?') return;
        lex->entries_[lex->Intern(tok)].flags |= kCurated | kGazetteer;
      });
    });
  }
  // Dasher prose: training paragraphs only.
  if (src.use_dasher && !src.dasher.empty() && ReadFile(src.dasher, &text)) {
    ForEachDasherParagraph(text, [&](std::string_view paragraph, bool held_out) {
      if (!held_out) lex->CountCleanText(paragraph, 1, /*stream=*/true);
    });
  }
  // wswedish: ISO-8859-1 word list, one word a line → valid words.
  if (!src.wswedish.empty() && ReadFile(src.wswedish, &text)) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* conv = ucnv_open("ISO-8859-1", &err);
    if (U_SUCCESS(err)) {
      std::u16string u16(text.size() + 1, u'\0');
      int32_t len = ucnv_toUChars(conv, reinterpret_cast<UChar*>(u16.data()), static_cast<int32_t>(u16.size()),
                                  text.data(), static_cast<int32_t>(text.size()), &err);
      ucnv_close(conv);
      if (U_SUCCESS(err)) {
        std::u32string word;
        auto flush = [&] {
          if (!word.empty()) {
            int32_t id = lex->Intern(U32ToUtf8(LowerU32(word)));
            lex->entries_[id].flags |= kCurated;
          }
          word.clear();
        };
        for (int32_t i = 0; i < len; ++i) {
          char16_t c = u16[i];
          if (c == u'\n' || c == u'\r') flush();
          else word.push_back(c);  // Latin-1 is BMP, no surrogates
        }
        flush();
      }
    }
  }
  return true;
}

void SwedishLexicon::TrainCharModel() {
  char4_.assign(32 * 32 * 32 * 32, 0);
  char3_.assign(32 * 32 * 32, 0);
  char2_.assign(32 * 32, 0);
  char1_.assign(32, 0);
  for (size_t i = 0; i < words_.size(); ++i) {
    if (!(entries_[i].flags & kCurated)) continue;
    const std::string& w = words_[i];
    int a = 0, b = 0, c = 0;  // three boundary symbols before the word
    auto add = [&](int d) {
      ++char4_[((a * 32 + b) * 32 + c) * 32 + d];
      ++char3_[(b * 32 + c) * 32 + d];
      ++char2_[c * 32 + d];
      ++char1_[d];
      a = b;
      b = c;
      c = d;
    };
    for (size_t k = 0; k < w.size();) add(CharClass(NextCodePoint(w, &k)));
    add(0);
  }
  char_total_ = 0;
  for (uint32_t n : char1_) char_total_ += n;
}

double SwedishLexicon::CharLogProb(std::u32string_view w) const {
  if (char1_.empty()) return 0;
  // Interpolated estimates; each order backs off to the one below with
  // weight kBack (Witten-Bell-like, fixed for speed).
  constexpr double kBack = 2.0;
  const double total1 = char_total_;
  int a = 0, b = 0, c = 0;
  double lp = 0;
  auto step = [&](int d) {
    double p1 = (char1_[d] + 1.0) / (total1 + 32.0);
    double n2ctx = char1_[c];
    double p2 = (char2_[c * 32 + d] + kBack * p1) / (n2ctx + kBack);
    double n3ctx = char2_[b * 32 + c];
    double p3 = (char3_[(b * 32 + c) * 32 + d] + kBack * p2) / (n3ctx + kBack);
    double n4ctx = char3_[(a * 32 + b) * 32 + c];
    double p4 = (char4_[((a * 32 + b) * 32 + c) * 32 + d] + kBack * p3) / (n4ctx + kBack);
    lp += std::log(p4);
    a = b;
    b = c;
    c = d;
  };
  for (char32_t ch : w) step(CharClass(ch));
  step(0);
  return lp;
}

void SwedishLexicon::Finish() {
  TrainCharModel();
  const size_t n = words_.size();
  log_prob_.assign(n, static_cast<float>(LogProbUnseen()));
  skeleton_next_.assign(n, -1);
  for (size_t i = 0; i < n; ++i) {
    const Entry& e = entries_[i];
    double p = 0;
    if (e.web_rank) p += kWebWeight / (kWebHarmonic * (e.web_rank + 2.0));
    if (e.clean_count > 0 && clean_tokens_ > 0) p += (1 - kWebWeight) * e.clean_count / clean_tokens_;
    if (p > 0) log_prob_[i] = static_cast<float>(std::max(std::log(p), LogProbUnseen()));
    // Skeleton chains: every word that some stripped form could stand for.
    // A word without diacritics is its own skeleton and found through index_.
    std::string skel = SkeletonOf(std::string_view(words_[i]));
    if (skel == words_[i]) continue;
    int32_t& head = skeleton_head_.Insert(skel, static_cast<int32_t>(i));
    if (head != static_cast<int32_t>(i)) {
      skeleton_next_[i] = head;
      head = static_cast<int32_t>(i);
    }
  }
  TrainContextModel();
}

void SwedishLexicon::TrainContextModel() {
  // Which words compete with another word of the same skeleton: both known
  // Swedish (a curated list) with a frequency. Decided once per word.
  std::vector<int8_t> ambiguous(words_.size(), -1);
  auto is_ambiguous = [&](int32_t id) {
    if (ambiguous[id] < 0) {
      int members = 0;
      ForEachWithSkeleton(SkeletonOf(std::string_view(words_[id])), [&](int32_t other) {
        if (Seen(other) && (entries_[other].flags & kCurated)) ++members;
      });
      ambiguous[id] = members >= 2 ? 1 : 0;
    }
    return ambiguous[id] == 1;
  };
  std::vector<uint32_t> features;
  const size_t n = clean_stream_.size();
  for (size_t i = 0; i < n; ++i) {
    const int32_t id = clean_stream_[i];
    if (id < 0 || words_[id][0] == '?' || !is_ambiguous(id)) continue;
    features.clear();
    ContextFeatures(clean_stream_.data(), clean_breaks_.data(), n, i, &features);
    // Each occurrence counts once (domain texts are not weighted up here):
    // the significance test below needs real counts.
    for (int kind = 0; kind < 3; ++kind) context_total_[(static_cast<uint64_t>(id) << 2) | kind] += 1;
    for (uint32_t f : features) context_count_[(static_cast<uint64_t>(id) << 32) | f] += 1;
  }
  // The web pair list adds the neighbours' word classes: far more text than
  // the clean documents, read as counts in a corpus of kWebPairCorpus pairs
  // (the list's last pairs then count about three times).
  constexpr double kWebPairCorpus = 1e7;
  web_bigram_rank_.ForEach([&](uint64_t key, uint32_t rank) {
    const int32_t a = static_cast<int32_t>(key >> 32), b = static_cast<int32_t>(key & 0xFFFFFFFFu);
    if (a < 0 || b < 0 || a >= static_cast<int32_t>(words_.size()) || b >= static_cast<int32_t>(words_.size())) return;
    const float count = static_cast<float>(kWebPairCorpus / (kBigramHarmonic * (rank + 2.0)));
    if (words_[a][0] != '?' && is_ambiguous(a)) {
      context_total_[(static_cast<uint64_t>(a) << 2) | 2] += count;
      context_count_[(static_cast<uint64_t>(a) << 32) | WordClassFeature(b, true)] += count;
    }
    if (words_[b][0] != '?' && is_ambiguous(b)) {
      context_total_[(static_cast<uint64_t>(b) << 2) | 1] += count;
      context_count_[(static_cast<uint64_t>(b) << 32) | WordClassFeature(a, false)] += count;
    }
  });
}

uint32_t SwedishLexicon::WordClassFeature(int32_t id, bool right) const {
  std::string cls;
  if (id < 0) {
    cls = "<s>";
  } else if (words_[id][0] == '?') {
    cls = words_[id];  // its shape: "??" (64 år) is not "????" (2020 är)
  } else {
    // Short words stand for themselves (att, och, vi, som); longer ones for
    // their ending, a cheap stand-in for the part of speech (-er, -ar, -or
    // plurals after "våra"; -a infinitives before "vägar").
    std::u32string w = Utf8ToU32(words_[id]);
    cls = w.size() <= 3 ? words_[id] : "-" + U32ToUtf8(w.substr(w.size() - 2));
  }
  uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : cls) h = (h ^ c) * 16777619u;
  return 0x80000000u | (right ? 0x40000000u : 0u) | (h & 0x3FFFFFFFu);
}

void SwedishLexicon::ContextFeatures(const int32_t* ids, const uint8_t* breaks, size_t n, size_t i,
                                     std::vector<uint32_t>* features) const {
  // Window words: content words of middling frequency. The 100 most frequent
  // words go with every candidate alike, and rare words (beyond rank 5000)
  // name the topic of the few texts a rare candidate was seen in rather than
  // anything about the candidate. The two neighbours are left to their word
  // classes and to the n-gram model.
  constexpr uint32_t kWindowMinRank = 100, kWindowMaxRank = 5000;
  // A neighbour among the 300 most frequent words is the n-gram model's
  // business (its exact pairs are in the web list); rarer ones add their
  // class.
  constexpr uint32_t kClassMinRank = 300;
  const size_t first = features->size();
  auto add_word = [&](int32_t id) {
    if (id < 0 || id == ids[i] || words_[id][0] == '?') return;
    const uint32_t rank = entries_[id].web_rank;
    if (rank <= kWindowMinRank || rank > kWindowMaxRank) return;
    features->push_back(static_cast<uint32_t>(id));
  };
  for (size_t d = 1; d <= static_cast<size_t>(kContextWindow) && d <= i; ++d) {
    if (breaks[i - d + 1] & kDocumentStart) break;
    if (d >= 2) add_word(ids[i - d]);
  }
  for (size_t d = 1; d <= static_cast<size_t>(kContextWindow) && i + d < n; ++d) {
    if (breaks[i + d] & kDocumentStart) break;
    if (d >= 2) add_word(ids[i + d]);
  }
  // A word counts once however often it occurs in the window.
  std::sort(features->begin() + static_cast<long>(first), features->end());
  features->erase(std::unique(features->begin() + static_cast<long>(first), features->end()), features->end());
  const bool left_break = i == 0 || (breaks[i] & kBreakBefore);
  const bool right_break = i + 1 >= n || (breaks[i + 1] & kBreakBefore);
  // A word no list holds (-1) has no class we could look up.
  auto class_ok = [&](int32_t id) {
    return id >= 0 && (entries_[id].web_rank == 0 || entries_[id].web_rank > kClassMinRank);
  };
  if (left_break || class_ok(ids[i - 1])) features->push_back(WordClassFeature(left_break ? -1 : ids[i - 1], false));
  if (!(breaks[i] & kOpenEnd) && (right_break || class_ok(ids[i + 1]))) {
    features->push_back(WordClassFeature(right_break ? -1 : ids[i + 1], true));
  }
}

void SwedishLexicon::ContextLogLikelihoods(const std::vector<int32_t>& candidates,
                                           const std::vector<uint32_t>& features, std::vector<double>* out) const {
  // Smoothing: a feature's rate for a candidate is pulled towards the
  // candidates' pooled rate with the weight of kPrior occurrences, so a word
  // seen a handful of times says little; a feature must have been seen
  // kMinFeature times with the candidates together (web pairs count as
  // occurrences in a corpus of 10^7 pairs); one feature
  // moves the log-likelihood by at most kMaxFeature (naive Bayes is
  // overconfident on sparse counts).
  constexpr double kPrior = 10.0;
  constexpr double kMinFeature = 3.0;
  constexpr double kMinTotal = 5.0;
  constexpr double kMaxFeature = 2.0;
  constexpr double kMinChiSquare = 3.84;
  out->assign(candidates.size(), 0.0);
  // Totals per kind of feature: 0 window words, 1 left class, 2 right class.
  std::vector<double> totals[3];
  double pooled_totals[3] = {0, 0, 0};
  for (int kind = 0; kind < 3; ++kind) {
    totals[kind].assign(candidates.size(), 0.0);
    for (size_t c = 0; c < candidates.size(); ++c) {
      if (candidates[c] < 0) continue;
      if (const float* t = context_total_.Find((static_cast<uint64_t>(candidates[c]) << 2) | kind)) totals[kind][c] = *t;
      pooled_totals[kind] += totals[kind][c];
    }
  }
  std::vector<double> count(candidates.size());
  for (uint32_t f : features) {
    const int kind = !(f & 0x80000000u) ? 0 : (f & 0x40000000u) ? 2 : 1;
    const std::vector<double>& total = totals[kind];
    const double pooled_total = pooled_totals[kind];
    if (pooled_total < kMinTotal) continue;
    double pooled = 0;
    for (size_t c = 0; c < candidates.size(); ++c) {
      count[c] = 0;
      if (candidates[c] < 0) continue;
      if (const float* k = context_count_.Find((static_cast<uint64_t>(candidates[c]) << 32) | f)) count[c] = *k;
      pooled += count[c];
    }
    if (pooled < kMinFeature) continue;
    const double rate = pooled / pooled_total;
    // Only features whose presence depends on the candidate (Pearson's
    // chi-square on present/absent × candidate, p < 0.05 at one degree of
    // freedom): words such as "och" that go with every candidate alike only
    // add noise to a naive Bayes sum.
    double chi2 = 0;
    for (size_t c = 0; c < candidates.size(); ++c) {
      if (candidates[c] < 0 || total[c] <= 0) continue;
      const double expect_in = total[c] * rate, expect_out = total[c] * (1 - rate);
      const double in = count[c], out_n = total[c] - count[c];
      if (expect_in > 0) chi2 += (in - expect_in) * (in - expect_in) / expect_in;
      if (expect_out > 0) chi2 += (out_n - expect_out) * (out_n - expect_out) / expect_out;
    }
    if (chi2 < kMinChiSquare) continue;
    for (size_t c = 0; c < candidates.size(); ++c) {
      if (candidates[c] < 0) continue;
      const double p = (count[c] + kPrior * rate) / (total[c] + kPrior);
      (*out)[c] += std::clamp(std::log(p / rate), -kMaxFeature, kMaxFeature);
    }
  }
}

double SwedishLexicon::LogProb(int32_t id) const {
  return id < 0 ? LogProbUnseen() : log_prob_[id];
}

double SwedishLexicon::BigramLogProb(int32_t prev, int32_t next) const {
  double uni = std::exp(LogProb(next));
  if (next < 0) return std::log(uni);
  // After a token no list holds there is no pair to count, as after a word
  // whose pairs were never seen: the same share of the unigram (else an
  // unreadable token would pass its neighbour more mass than a rare word).
  if (prev < 0) return std::log((1 - kBigramWeight) * uni);
  double b = 0;
  uint64_t key = PairKey(prev, next);
  if (const uint32_t* r = web_bigram_rank_.Find(key)) {
    b += kWebWeight / (kBigramHarmonic * (*r + 2.0));
  }
  if (clean_tokens_ > 0) {
    if (const float* it = clean_bigram_count_.Find(key)) {
      // Absolute discounting: a pair seen once in 100 000 clean words is
      // weak evidence next to a web rank.
      b += (1 - kWebWeight) * std::max(0.0, *it - kCleanDiscount) / clean_tokens_;
    }
  }
  double cond = b > 0 ? std::min(1.0, b / std::exp(LogProb(prev))) : 0.0;
  return std::log(kBigramWeight * cond + (1 - kBigramWeight) * uni);
}

double SwedishLexicon::CompoundLogProb(std::u32string_view w) const {
  constexpr double kBonus = 6.0;
  double best = CompoundSplitScore(w);
  if (best < -1e8) return LogProbUnseen();
  return std::clamp(best + kBonus, LogProbUnseen(), -12.0);
}

double SwedishLexicon::CompoundSplitScore(std::u32string_view w) const {
  constexpr size_t kMinPart = 3;
  double best = -1e9;
  if (w.size() < 2 * kMinPart) return best;
  // The word once in UTF-8 with its letters' byte offsets: every head and
  // tail below is a view of it.
  std::string utf8;
  std::vector<size_t> at(w.size() + 1);
  for (size_t k = 0; k < w.size(); ++k) {
    at[k] = utf8.size();
    AppendUtf8(w[k], &utf8);
  }
  at[w.size()] = utf8.size();
  const std::string_view all(utf8);
  for (size_t i = kMinPart; i + kMinPart <= w.size(); ++i) {
    int32_t tail = Find(all.substr(at[i]));
    if (!Seen(tail)) continue;
    double t = LogProb(tail);
    int32_t head = Find(all.substr(0, at[i]));
    if (Seen(head)) best = std::max(best, LogProb(head) + t);
    if (w[i - 1] == U's' && i - 1 >= kMinPart) {
      int32_t linked = Find(all.substr(0, at[i - 1]));
      if (Seen(linked)) best = std::max(best, LogProb(linked) + t - 0.5);
    }
  }
  return best;
}

double SwedishLexicon::TrigramLogProb(int32_t a, int32_t b, int32_t c) const {
  double bigram = BigramLogProb(b, c);
  if (a < 0 || b < 0 || c < 0 || a >= (1 << 21) || b >= (1 << 21) || c >= (1 << 21)) return bigram;
  const float* t = clean_trigram_count_.Find(TripleKey(a, b, c));
  if (!t) return bigram;
  const float* h = clean_bigram_count_.Find(PairKey(a, b));
  if (!h || *h <= 0) return bigram;
  constexpr double kTrigramWeight = 0.6;
  double tri = std::max(0.0, *t - kCleanDiscount) / *h;
  double p = kTrigramWeight * tri + (1 - kTrigramWeight) * std::exp(bigram);
  return std::max(bigram, std::log(p));
}

bool SwedishLexicon::HasSkeleton(std::string_view skel) const {
  return index_.Find(skel) >= 0 || skeleton_head_.Find(skel) >= 0;
}

bool SwedishLexicon::HunspellSpell(const std::string& word) const {
#ifdef FINSAM_HAVE_HUNSPELL
  if (!hunspell_) return false;
  std::lock_guard<std::mutex> lock(hunspell_->mu);
  return hunspell_->h->spell(word);
#else
  return false;
#endif
}

bool SwedishLexicon::Contains(std::string_view lower) const {
  if (lower.empty()) return false;
  int32_t id = Find(lower);
  if (id >= 0 && (entries_[id].flags & kCurated)) return true;
  if (!hunspell_) return false;
  std::string key(lower);
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    if (auto it = valid_cache_.find(key); it != valid_cache_.end()) return it->second;
  }
  bool ok = HunspellSpell(key);
  if (!ok && id >= 0) {
    // Proper nouns: hunspell knows "Gävleborg", not "gävleborg". Only for
    // words some list holds (names are in the web list): a second hunspell
    // call on every unknown token would halve the speed.
    std::u32string u = Utf8ToU32(key);
    u[0] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(u[0])));
    ok = HunspellSpell(U32ToUtf8(u));
  }
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (valid_cache_.size() > 200000) valid_cache_.clear();  // bound memory on huge inputs
  valid_cache_.emplace(std::move(key), ok);
  return ok;
}

StrippedTextScore ScoreStrippedText(const std::vector<std::string>& words, const SwedishLexicon& lex) {
  StrippedTextScore s;
  for (const std::string& w : words) {
    std::u32string u = LowerU32(Utf8ToU32(Nfc(w)));
    size_t b = 0, e = u.size();
    auto inner = [](char32_t c) { return u_isalpha(c) || c == U'&' || c == U'6' || c == U'4'; };
    while (b < e && !u_isalpha(u[b]) && u[b] != U'&') ++b;
    while (e > b && !u_isalpha(u[e - 1])) --e;
    if (e - b < 2) continue;
    std::u32string core = u.substr(b, e - b);
    bool letters_only = true, has_diacritic = false, has_garble = false;
    int alpha = 0;
    for (char32_t c : core) {
      if (!inner(c)) letters_only = false;
      if (u_isalpha(c)) ++alpha;
      if (c == U'å' || c == U'ä' || c == U'ö') has_diacritic = true;
      if (c == U'é' || c == U'&' || c == U'6' || c == U'4') has_garble = true;
    }
    if (!letters_only || alpha < 1) continue;
    ++s.words;
    if (has_diacritic) ++s.with_diacritics;
    std::string lower = U32ToUtf8(core);
    if (lex.Contains(lower)) {
      ++s.swedish;
      continue;
    }
    if (has_garble) ++s.garbled;
    // Restorable: some valid word, different from the token, shares the
    // token's skeleton once garbled letters are read as stripped ones.
    std::u32string skel = SwedishLexicon::SkeletonOf(core);
    for (char32_t& c : skel) {
      if (c == U'6') c = U'o';
      else if (c == U'&' || c == U'4') c = U'a';
    }
    bool restorable = false;
    lex.ForEachWithSkeleton(U32ToUtf8(skel), [&](int32_t id) {
      if (!restorable && (lex.Flags(id) & SwedishLexicon::kCurated) && lex.Word(id) != lower) restorable = true;
    });
    if (!restorable && has_garble) {
      // é in "férbundet" maps to ö, whose skeleton is o.
      for (char32_t& c : skel) if (c == U'e') c = U'o';
      lex.ForEachWithSkeleton(U32ToUtf8(skel), [&](int32_t id) {
        if (!restorable && (lex.Flags(id) & SwedishLexicon::kCurated)) restorable = true;
      });
    }
    if (restorable) ++s.restorable;
  }
  if (s.words < 8) return s;
  // Clean Swedish has å/ä/ö in roughly a fifth of its words and few tokens
  // that only become words after restoring letters; stripped Swedish has
  // almost no å/ä/ö and many restorable tokens. Non-Swedish text has neither.
  double n = s.words;
  double missing = std::clamp(1.0 - (s.with_diacritics / n) / 0.12, 0.0, 1.0);
  double damaged = std::clamp((s.restorable + s.garbled) / n / 0.08, 0.0, 1.0);
  double swedish = std::clamp((s.swedish + s.restorable) / n / 0.6, 0.0, 1.0);
  s.evidence = missing * damaged * swedish;
  return s;
}

StrippedTextScore ScoreStrippedText(const std::vector<std::string>& words) {
  const SwedishLexicon* lex = SwedishLexicon::Shared();
  if (!lex) return {};
  return ScoreStrippedText(words, *lex);
}

}  // namespace finsam
