// SwedishLexicon: the Swedish word knowledge behind diacritic repair and the
// page decision's "is this stripped Swedish?" test.
//
// It merges, once per process (lazily, thread-safe, read-only afterwards):
//  - data/lexicon/swe.wordlist, swe.word.bigrams: web-frequency ranks of words
//    and word pairs (tesseract langdata, Apache-2.0). Used for frequency only,
//    never to decide validity: the web list holds English and stripped junk.
//  - data/lexicon/clean/*.txt: clean Swedish documents of our own domain
//    (förbund plans and reports, domain word list); counted for words and pairs.
//  - data/gazetteer.tsv: kommuner, regioner, myndigheter, place names.
//  - /usr/share/dict/swedish (Debian wswedish, ISO-8859-1 → ICU ucnv).
//  - /usr/share/dasher/training_swedish_SE.txt (Debian dasher-data): clean
//    prose; every paragraph whose index % 10 != 0 is counted, the rest is kept
//    out as held-out evaluation text (see HeldOutDasherParagraphs()).
//  - /usr/share/hunspell/sv_SE.{aff,dic} through libhunspell (when built with
//    FINSAM_HAVE_HUNSPELL): validates inflections and compounds.
// Missing system files only weaken the lexicon; a missing data/lexicon folder
// makes Shared() return nullptr. The parsed lists are kept as a deterministic
// compiled cache (LexiconSources::cache_dir; Shared() uses DefaultCacheDir())
// so later processes skip the parsing; derived indexes are rebuilt on load.
//
// Words are keyed by their lowercase NFC UTF-8 form.
#ifndef FINSAM_NORMALIZERS_SWEDISH_LEXICON_H_
#define FINSAM_NORMALIZERS_SWEDISH_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace finsam {

// Where the lexicon reads its files. Empty system paths are skipped.
struct LexiconSources {
  std::string data_dir;  // holds lexicon/ and gazetteer.tsv
  std::string wswedish = "/usr/share/dict/swedish";
  std::string dasher = "/usr/share/dasher/training_swedish_SE.txt";
  std::string hunspell_aff = "/usr/share/hunspell/sv_SE.aff";
  std::string hunspell_dic = "/usr/share/hunspell/sv_SE.dic";
  bool use_dasher = true;
  // File names under lexicon/clean/ to leave out (held-out measurements).
  std::vector<std::string> exclude_clean;
  // Where a compiled copy of the parsed lists is kept between runs ("" = no
  // cache). DefaultCacheDir() for the shared lexicon.
  std::string cache_dir;
};

// Open-addressing string → int32 map with its keys in one arena: the
// lexicon's 700 000 keys load several times faster than in unordered_map.
class FlatStringIndex {
 public:
  explicit FlatStringIndex(size_t expected = 1024);
  int32_t Find(std::string_view key) const;  // -1 when absent
  // The same with the key's Hash() given: one hash serves several indexes.
  int32_t Find(std::string_view key, uint64_t hash) const {
    if (!MayHold(hash)) return -1;
    return slots_[Probe(key, hash)].value;
  }
  static uint64_t Hash(std::string_view key) { return std::hash<std::string_view>()(key); }
  // Hints the CPU to fetch key's home slot: loaders call it a batch ahead.
  void Prefetch(std::string_view key) const {
    __builtin_prefetch(&slots_[std::hash<std::string_view>()(key) & (slots_.size() - 1)]);
  }
  // Returns a reference to the value slot, inserting `value` when absent.
  int32_t& Insert(std::string_view key, int32_t value);
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t hash = 0;   // high bits of the key's hash
    int32_t value = -1;  // -1: empty
    uint32_t offset = 0, length = 0;  // key bytes in arena_
  };
  void Grow();
  // A one-word Bloom filter over the keys (two bits per key in one 64-bit
  // word; 4 bits per slot): most lookups of the candidate search are for
  // spellings no word has, and the filter answers those from a table that
  // stays in cache instead of the megabytes of slots. Bits only ever get set.
  static uint64_t FilterBits(uint64_t h) { return (1ULL << ((h >> 52) & 63)) | (1ULL << ((h >> 58) & 63)); }
  size_t FilterWord(uint64_t h) const { return (h >> 20) & (filter_.size() - 1); }
  bool MayHold(uint64_t h) const {
    const uint64_t bits = FilterBits(h);
    return (filter_[FilterWord(h)] & bits) == bits;
  }
  void AddToFilter(uint64_t h) { filter_[FilterWord(h)] |= FilterBits(h); }
  // The slot holding key, or the empty slot where it would go. Inline: the
  // repair's candidate search calls it millions of times.
  size_t Probe(std::string_view key, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    const uint32_t h32 = static_cast<uint32_t>(h >> 32);
    while (slots_[i].value != -1) {
      const Slot& s = slots_[i];
      if (s.hash == h32 && s.length == key.size() && std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return i;
  }
  std::vector<Slot> slots_;
  std::vector<uint64_t> filter_;  // slots_.size() / 16 words
  std::string arena_;
  size_t size_ = 0;
};

// Open-addressing uint64 → V map (keys are stored + 1 so 0 marks empty).
template <typename V>
class FlatU64Map {
 public:
  explicit FlatU64Map(size_t expected = 1024) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    keys_.assign(cap, 0);
    values_.assign(cap, V());
  }
  const V* Find(uint64_t key) const {
    const size_t mask = keys_.size() - 1;
    for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key + 1) return &values_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }
  // Calls fn(key, value) for every entry, in slot order (deterministic for
  // the same insertions).
  template <typename F>
  void ForEach(F fn) const {
    for (size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i]) fn(keys_[i] - 1, values_[i]);
  }
  size_t size() const { return size_; }
  V& operator[](uint64_t key) {
    if ((size_ + 1) * 10 > keys_.size() * 7) Grow();
    const size_t mask = keys_.size() - 1;
    size_t i = Mix(key) & mask;
    while (keys_[i] != 0 && keys_[i] != key + 1) i = (i + 1) & mask;
    if (keys_[i] == 0) {
      keys_[i] = key + 1;
      ++size_;
    }
    return values_[i];
  }

 private:
  static uint64_t Mix(uint64_t k) {  // splitmix64 finalizer
    k ^= k >> 30;
    k *= 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 27;
    k *= 0x94d049bb133111ebULL;
    return k ^ (k >> 31);
  }
  void Grow() {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<V> old_values = std::move(values_);
    keys_.assign(old_keys.size() * 2, 0);
    values_.assign(old_keys.size() * 2, V());
    size_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i]) (*this)[old_keys[i] - 1] = old_values[i];
  }
  std::vector<uint64_t> keys_;
  std::vector<V> values_;
  size_t size_ = 0;
};

class SwedishLexicon {
 public:
  // Entry flags.
  static constexpr uint8_t kCurated = 1;    // in a curated list: valid Swedish
  static constexpr uint8_t kGazetteer = 2;  // proper name from the gazetteer
  static constexpr uint8_t kWeb = 4;        // in the web frequency list

  // The process-wide lexicon, loaded on first call from DefaultDataDir()
  // through the cache in DefaultCacheDir(). nullptr when data/lexicon is
  // missing. Never freed.
  static const SwedishLexicon* Shared();
  // $FINSAM_DATA_DIR, else data/ next to the executable or its parent, else
  // the source tree's data/ (same rule as pipeline's DataDir()).
  static std::string DefaultDataDir();
  // $FINSAM_CACHE_DIR, else $XDG_CACHE_HOME/finsam, else $HOME/.cache/finsam;
  // "" when none is set. FINSAM_CACHE_DIR=off disables the cache.
  static std::string DefaultCacheDir();
  // Loads from explicit sources; nullptr and *error set when data_dir lacks
  // the lexicon files.
  static std::unique_ptr<SwedishLexicon> Load(const LexiconSources& sources, std::string* error);

  ~SwedishLexicon();
  SwedishLexicon(const SwedishLexicon&) = delete;
  SwedishLexicon& operator=(const SwedishLexicon&) = delete;

  // Index of a lowercase word, -1 when unknown to every list.
  int32_t Find(std::string_view lower) const;
  // True for a valid Swedish word form: curated lists, gazetteer, or
  // (lowercase or capitalized) accepted by hunspell, which covers compounds
  // such as "samordningsförbundets". Takes the lowercase form.
  bool Contains(std::string_view lower) const;
  // Web frequency rank, 1 = most frequent; 0 when not in the web list.
  int Rank(std::string_view lower) const;
  // The same for a word's id (-1: 0), without looking the word up again.
  int RankOf(int32_t id) const { return id < 0 ? 0 : static_cast<int>(entries_[id].web_rank); }
  // Natural log of the word's unigram probability (web ranks mixed with clean
  // counts); LogProbUnseen() for a valid word met in no frequency list.
  double LogProb(int32_t id) const;
  double LogProbUnseen() const { return -17.0; }
  // For a valid word no frequency list holds (a compound hunspell accepts):
  // the best split into a head and a tail that the lists do hold (a linking
  // s allowed), log P(head) + log P(tail) + a bonus, within [unseen, -12]; else
  // LogProbUnseen(). "spridningstillfällen" outscores "spridningstillfallen"
  // because "tillfällen" is a common word and "tillfallen" is not.
  double CompoundLogProb(std::u32string_view lower) const;
  // The unclamped score behind it: log P(head) + log P(tail) of the best
  // split, -1e9 when there is none.
  double CompoundSplitScore(std::u32string_view lower) const;
  // True when the word has a frequency (web rank or clean count).
  bool Seen(int32_t id) const { return id >= 0 && log_prob_[id] > LogProbUnseen(); }
  // log P(next | prev) from the bigram model, interpolated with the unigram.
  // prev may be -1 (unknown/boundary): then the unigram.
  double BigramLogProb(int32_t prev, int32_t next) const;
  // Character 4-gram log probability of a lowercase word (with word
  // boundaries), trained on the curated word types: how Swedish-looking a
  // spelling is. Ranks restorations of words no list holds.
  double CharLogProb(std::u32string_view lower) const;
  // log P(c | a b): clean-text trigram counts interpolated with the bigram
  // model; the bigram model alone when the clean texts never saw "a b c".
  // Any id may be -1 (unknown or boundary).
  double TrigramLogProb(int32_t a, int32_t b, int32_t c) const;
  // Context-word model for words that share their skeleton with another
  // word ("man"/"män", "vara"/"våra", "vagar"/"vägar"): which words occur
  // within kContextWindow words of each, and how the neighbouring words end,
  // counted over the clean texts (Golding 1995, a Bayesian classifier for
  // context-sensitive spelling correction). It sees further than the n-gram
  // model: "kvinnor 40%, män" and "vi uppmuntrar våra parter".
  static constexpr int kContextWindow = 6;
  // Break flags of a token stream, one per token: a boundary (sentence, cell)
  // or a document start before the token.
  static constexpr uint8_t kBreakBefore = 1;
  static constexpr uint8_t kDocumentStart = 2;
  // On the token itself: it ends its context (a blank line or the end of the
  // text follows) without a sentence mark. Clean text breaks at sentence
  // marks and line ends, so there a boundary after a word says the sentence
  // ended; after an OCR page's "... intressentgrupper ar" over a table it
  // says nothing, and the word has no right neighbour class.
  static constexpr uint8_t kOpenEnd = 4;
  // Appends the feature codes of position i of ids (word ids, -1 unknown)
  // with their break flags: the words within the window (not across a
  // document start; numbers left out) and the word classes of the two
  // neighbours (short words as themselves, longer ones by their last two
  // letters, numbers by their shape ("????"), boundaries as one more class).
  void ContextFeatures(const int32_t* ids, const uint8_t* breaks, size_t n, size_t i,
                       std::vector<uint32_t>* features) const;
  // For candidates (ids; -1 for an invalid one) competing for one position:
  // log P(features | candidate) − log P(features | the candidates together),
  // each feature smoothed towards the candidates' pooled rate and bounded.
  // All zeros when the clean texts saw too few of them.
  void ContextLogLikelihoods(const std::vector<int32_t>& candidates, const std::vector<uint32_t>& features,
                             std::vector<double>* out) const;
  uint8_t Flags(int32_t id) const { return entries_[id].flags; }
  // The pseudo-word that stands before a sentence (or cell, or paragraph) in
  // the context model; -1 when no clean text was loaded.
  int32_t SentenceStart() const { return bos_; }
  const std::string& Word(int32_t id) const { return words_[id]; }
  // Calls fn(id) for every word whose skeleton (SkeletonOf) equals skel.
  // (A template: the candidate search calls it for every spelling it tries.)
  template <typename F>
  void ForEachWithSkeleton(std::string_view skel, F&& fn) const {
    const uint64_t h = FlatStringIndex::Hash(skel);  // both indexes hash alike
    if (int32_t plain = index_.Find(skel, h); plain >= 0) fn(plain);
    for (int32_t id = skeleton_head_.Find(skel, h); id >= 0; id = skeleton_next_[id]) fn(id);
  }
  // True when some word has this skeleton.
  bool HasSkeleton(std::string_view skel) const;
  bool has_hunspell() const { return hunspell_ != nullptr; }
  double load_ms() const { return load_ms_; }
  size_t size() const { return words_.size(); }

  // Lowercase form with å/ä/à/á → a, ö/ø/ó → o, é/è → e: what an English OCR
  // model leaves of a word. One code point per code point, so positions align.
  static std::u32string SkeletonOf(std::u32string_view lower);
  // The same on UTF-8 (å/ä/ö/é and their kin become one ASCII byte).
  static std::string SkeletonOf(std::string_view lower_utf8);

  // The dasher paragraphs not used for training (index % 10 == 0), for
  // held-out measurements. Empty when the file is missing.
  static std::vector<std::string> HeldOutDasherParagraphs(const std::string& dasher_path);

 private:
  SwedishLexicon() = default;
  struct Entry {
    uint32_t web_rank = 0;
    float clean_count = 0;
    uint8_t flags = 0;
  };
  int32_t Intern(const std::string& lower);
  // Counts words, pairs and triples; `stream` also keeps the token sequence
  // for the context-word model (documents and prose, not name lists).
  void CountCleanText(std::string_view text, float weight, bool stream = false);
  void Finish();
  // Trains the context-word model from clean_stream_ (in Finish(): which
  // words are ambiguous depends on every list).
  void TrainContextModel();
  uint32_t WordClassFeature(int32_t id, bool right) const;
  bool HunspellSpell(const std::string& word) const;
  void TrainCharModel();
  // Parses every source list (the slow path); false when the word list is
  // missing.
  bool ParseSources(const LexiconSources& src);
  // The compiled cache: the parsed words, counts and pairs (not the derived
  // indexes, which Finish() rebuilds). Read fails on any mismatch.
  bool ReadCache(const std::string& path, const std::string& key);
  void WriteCache(const std::string& path, const std::string& key) const;

  std::deque<std::string> words_;
  std::vector<Entry> entries_;
  std::vector<float> log_prob_;
  FlatStringIndex index_{1 << 19};
  FlatStringIndex skeleton_head_{1 << 18};  // only for words with å/ä/ö/é
  std::vector<int32_t> skeleton_next_;
  FlatU64Map<uint32_t> web_bigram_rank_{1 << 18};
  FlatU64Map<float> clean_bigram_count_{1 << 17};
  FlatU64Map<float> clean_trigram_count_{1 << 17};  // ids packed 21 bits each
  double clean_tokens_ = 0;
  int32_t bos_ = -1;
  // The clean texts as token ids (numbers in their '?' form), with break
  // flags: the context model's training data (kept in the cache).
  std::vector<int32_t> clean_stream_;
  std::vector<uint8_t> clean_breaks_;
  // Context-word model: (word << 32 | feature) → count, and per ambiguous
  // word and kind of feature ((word << 2) | 0 window, 1 left class, 2 right
  // class) the total it is a share of.
  FlatU64Map<float> context_count_{1 << 16};
  FlatU64Map<float> context_total_{1 << 12};
  // Character n-gram counts over a 32-letter alphabet (CharClass in .cc).
  std::vector<uint32_t> char4_, char3_, char2_, char1_;
  double char_total_ = 0;
  double load_ms_ = 0;

  struct HunspellHolder;
  std::unique_ptr<HunspellHolder> hunspell_;
  mutable std::mutex cache_mu_;
  mutable std::unordered_map<std::string, bool> valid_cache_;
};

// How strongly a page's words look like Swedish whose å/ä/ö an English OCR
// model stripped or garbled. For the page decision and the repair stage.
struct StrippedTextScore {
  int words = 0;            // alphabetic tokens examined
  int swedish = 0;          // valid Swedish as written (incl. stripped forms that are also words)
  int with_diacritics = 0;  // containing å/ä/ö
  int garbled = 0;          // é/6/&/4 inside a word that is not valid as written
  int restorable = 0;       // not valid as written, valid after restoring å/ä/ö
  // 0..1: ~0 for clean Swedish or non-Swedish text, → 1 for stripped Swedish.
  double evidence = 0;
};

// `words` are whitespace-separated tokens (punctuation is trimmed here).
StrippedTextScore ScoreStrippedText(const std::vector<std::string>& words,
                                    const SwedishLexicon& lexicon);
// Convenience: with the shared lexicon; all-zero score when it is missing.
StrippedTextScore ScoreStrippedText(const std::vector<std::string>& words);

// Lowercase with ICU's Swedish-neutral simple case mapping (u_tolower).
std::u32string LowerU32(std::u32string_view s);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_SWEDISH_LEXICON_H_
