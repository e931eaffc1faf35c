#include "pipeline/ocr/tesseract_engine.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include <time.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <set>

#include "model/text_split.h"
#include "normalizers/text.h"
#include "pipeline/ocr/ocr_leptonica.h"
#include "pipeline/ocr/ocr_text.h"
#include "pipeline/ocr/ruling_lines.h"
#include "pipeline/ocr/speckles.h"

namespace finsam {
namespace {

constexpr double kPi = 3.14159265358979323846;
// Characters a table amount is printed with; used as Tesseract's whitelist
// when a numeric cell is re-recognized alone.
constexpr const char* kAmountWhitelist = "0123456789 ,.-%";

// Maps a point of the working image (after orientation fix and deskew) back
// to the image the engine was given.
struct Geometry {
  int orig_w = 0, orig_h = 0;  // input image
  int quads = 0;               // clockwise quarter turns applied to the input
  int rot_w = 0, rot_h = 0;    // after the quarter turns
  double skew_rad = 0;         // then rotated clockwise by this about the centre

  void ToInput(double x, double y, double& ox, double& oy) const {
    // Undo the deskew rotation (rotate counter-clockwise about the centre).
    double cx = rot_w / 2.0, cy = rot_h / 2.0;
    double dx = x - cx, dy = y - cy;
    double c = std::cos(-skew_rad), s = std::sin(-skew_rad);
    double rx = cx + dx * c - dy * s;
    double ry = cy + dx * s + dy * c;
    // Undo the quarter turns.
    switch (quads & 3) {
      case 0: ox = rx; oy = ry; break;
      case 1: ox = ry; oy = orig_h - rx; break;
      case 2: ox = orig_w - rx; oy = orig_h - ry; break;
      case 3: ox = orig_w - ry; oy = rx; break;
    }
  }
  // Maps a word box back to the input image. The deskew rotation is undone
  // only when `undo_skew`: by default boxes stay in the straightened frame
  // (see tesseract_engine.h), so that a table's rows stay level.
  void MapWord(OcrWord& w, bool undo_skew) const {
    if (!undo_skew) {
      Geometry level = *this;
      level.skew_rad = 0;
      level.MapWordImpl(w);
      return;
    }
    MapWordImpl(w);
  }
  void MapWordImpl(OcrWord& w) const {
    double xs[2] = {w.x0, w.x1}, ys[2] = {w.y0, w.y1};
    double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
    for (double x : xs)
      for (double y : ys) {
        double ox, oy;
        ToInput(x, y, ox, oy);
        x0 = std::min(x0, ox); x1 = std::max(x1, ox);
        y0 = std::min(y0, oy); y1 = std::max(y1, oy);
      }
    w.x0 = std::clamp(x0, 0.0, double(orig_w));
    w.x1 = std::clamp(x1, 0.0, double(orig_w));
    w.y0 = std::clamp(y0, 0.0, double(orig_h));
    w.y1 = std::clamp(y1, 0.0, double(orig_h));
  }
};

// Thread-CPU time per step, printed when FINSAM_OCR_DEBUG_DIR is set.
class StepTimer {
 public:
  StepTimer() : on_(std::getenv("FINSAM_OCR_DEBUG_DIR") != nullptr), last_(Cpu()) {}
  void Mark(const char* step) {
    if (!on_) return;
    double now = Cpu();
    fprintf(stderr, "step %-20s %.3f s cpu\n", step, now - last_);
    last_ = now;
  }

 private:
  static double Cpu() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  }
  bool on_;
  double last_;
};

class TesseractEngine : public OcrEngine {
 public:
  explicit TesseractEngine(TesseractOptions options) : options_(std::move(options)) {}
  ~TesseractEngine() override {
    api_.End();
    if (osd_) osd_->End();
  }

  Status Init() {
    const char* datapath = options_.datapath.empty() ? nullptr : options_.datapath.c_str();
    api_.SetVariable("debug_file", "/dev/null");
    if (api_.Init(datapath, options_.language.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
      return Status::NotFound("Tesseract could not load the '" + options_.language +
                              "' model (install tesseract-ocr-" + options_.language + ")");
    // The recognizer's runner-up characters (CollectWords: a figure's other
    // readings): 4.1-4.3 → 4.5 s recognizing one page alone; the whole
    // engine stays at 0.99× the tesseract CLI's CPU time (scripts/bench_ocr.sh).
    api_.SetVariable("lstm_choice_mode", "2");
    if (options_.detect_orientation) {
      osd_ = std::make_unique<tesseract::TessBaseAPI>();
      osd_->SetVariable("debug_file", "/dev/null");
      if (osd_->Init(datapath, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
        osd_.reset();  // no osd.traineddata: orientation detection off
      } else {
        osd_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
      }
    }
    identity_ = ComputeIdentity();
    return Status::Ok();
  }

  void SetDeadline(std::chrono::steady_clock::time_point deadline) override { deadline_ = deadline; }

  std::string CacheIdentity() const override { return identity_; }

  Result<OcrPageResult> Recognize(const GrayImage& image) override {
    try {
      return RecognizeImpl(image);
    } catch (const std::exception& e) {
      return Status::Internal(std::string("Tesseract failed: ") + e.what());
    } catch (...) {
      return Status::Internal("Tesseract failed");
    }
  }

 private:
  // The Tesseract version, the model files actually loaded (path, size,
  // modification time), every option and the adapter's own code.
  std::string ComputeIdentity() {
    namespace fs = std::filesystem;
    std::string id = std::string("tesseract ") + tesseract::TessBaseAPI::Version() + "; code " +
                     OcrCodeFingerprint() + "; options " + options_.language + " " +
                     std::to_string(options_.detect_orientation) + std::to_string(options_.deskew) +
                     std::to_string(options_.remove_ruling_lines) + std::to_string(options_.recheck_cells) +
                     std::to_string(options_.remove_speckles) + std::to_string(options_.second_read_figures) +
                     std::to_string(options_.reread_garbled_words) +
                     std::to_string(options_.boxes_in_skewed_frame) + std::to_string(osd_ != nullptr);
    const std::string dir = api_.GetDatapath();
    std::vector<std::string> models;
    for (size_t start = 0; start <= options_.language.size();) {
      size_t plus = options_.language.find('+', start);
      if (plus == std::string::npos) plus = options_.language.size();
      models.push_back(options_.language.substr(start, plus - start));
      start = plus + 1;
    }
    if (osd_) models.push_back("osd");
    for (const std::string& m : models) {
      const std::string path = dir + (dir.ends_with('/') ? "" : "/") + m + ".traineddata";
      std::error_code ec;
      const auto size = fs::file_size(path, ec);
      const auto mtime = ec ? 0 : fs::last_write_time(path, ec).time_since_epoch().count();
      id += "; " + path + (ec ? " ?" : " " + std::to_string(size) + " " + std::to_string(mtime));
    }
    return id;
  }

  // Clockwise quarter turns that make the page upright (0 when unsure).
  // Leptonica's text-orientation test (ascender/descender statistics on a
  // 1 bpp copy, ~20 ms) decides most pages; Tesseract OSD (~0.25 s a page)
  // is asked only when Leptonica is unsure.
  int DetectQuads(const GrayImage& image) {
    PixPtr pix = PixFromGray(image);
    if (!pix) return 0;
    const double dpi = image.dpi > 0 ? image.dpi : 300;
    PixPtr bin(pixConvertTo1(pix.get(), 130));
    if (bin) {
      if (dpi > 250) {
        PixPtr half(pixReduceRankBinary2(bin.get(), 1, nullptr));
        if (half) bin = std::move(half);
      }
      l_float32 up = 0, left = 0;
      l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
      if (pixOrientDetect(bin.get(), &up, &left, 0, 0) == 0 &&
          makeOrientDecision(up, left, 0.0f, 0.0f, &orient, 0) == 0) {
        if (std::getenv("FINSAM_OCR_DEBUG_DIR"))
          fprintf(stderr, "leptonica orientation up=%.2f left=%.2f -> %d\n", up, left, orient);
        switch (orient) {
          case L_TEXT_ORIENT_UP: return 0;
          case L_TEXT_ORIENT_LEFT: return 1;   // text's top points left: turn clockwise
          case L_TEXT_ORIENT_DOWN: return 2;
          case L_TEXT_ORIENT_RIGHT: return 3;  // text's top points right: turn counter-clockwise
          default: break;
        }
      }
    }
    if (!osd_) return 0;
    // OSD only needs blob shapes: above 250 dpi half resolution is plenty
    // and 4x cheaper; below it OSD starts to miss.
    const float scale = dpi > 250 ? 0.5f : 1.0f;
    if (scale != 1.0f) {
      PixPtr half(pixScale(pix.get(), scale, scale));
      if (!half) return 0;
      pix = std::move(half);
    }
    osd_->SetImage(pix.get());
    osd_->SetSourceResolution(static_cast<int>(dpi * scale));
    int orient_deg = 0;
    float orient_conf = 0, script_conf = 0;
    const char* script = nullptr;
    bool ok = osd_->DetectOrientationScript(&orient_deg, &orient_conf, &script, &script_conf);
    osd_->Clear();
    if (std::getenv("FINSAM_OCR_DEBUG_DIR"))
      fprintf(stderr, "osd ok=%d deg=%d conf=%.2f script=%s\n", ok, orient_deg, orient_conf, script ? script : "-");
    if (!ok || orient_conf < kMinOrientationConfidence) return 0;
    // orient_deg is how far the content is turned clockwise (an image turned
    // 90° clockwise reports 90); undo it with the remaining quarter turns.
    // Verified in ocr_corpus_ocr_test.
    return (4 - ((orient_deg / 90) % 4 + 4) % 4) % 4;
  }

  Result<OcrPageResult> RecognizeImpl(const GrayImage& input) {
    OcrPageResult result;
    if (input.empty()) return result;
    QuietLeptonica();
    StepTimer timer;
    const double dpi = input.dpi > 0 ? input.dpi : 300;
    Geometry geo;
    geo.orig_w = input.width;
    geo.orig_h = input.height;

    // 1-2: orientation and skew, on a Pix; `work` is the image we recognize.
    GrayImage work;
    geo.quads = options_.detect_orientation ? DetectQuads(input) : 0;
    timer.Mark("osd");
    if (geo.quads != 0 || options_.deskew) {
      PixPtr pix = PixFromGray(input);
      if (!pix) return Status::Internal("out of memory converting the page image");
      if (geo.quads != 0) {
        PixPtr turned(pixRotateOrth(pix.get(), geo.quads));
        if (turned) pix = std::move(turned);
        else geo.quads = 0;
      }
      geo.rot_w = pixGetWidth(pix.get());
      geo.rot_h = pixGetHeight(pix.get());
      if (options_.deskew) {
        PixPtr bin(pixConvertTo1(pix.get(), 160));
        l_float32 angle = 0, conf = 0;
        if (bin && pixFindSkew(bin.get(), &angle, &conf) == 0 && conf >= 3.0f && std::fabs(angle) >= 0.05f) {
          PixPtr straight(pixRotate(pix.get(), static_cast<l_float32>(angle * kPi / 180.0), L_ROTATE_AREA_MAP,
                                    L_BRING_IN_WHITE, 0, 0));
          if (straight) {
            pix = std::move(straight);
            geo.skew_rad = angle * kPi / 180.0;
            result.skew_degrees = angle;
          }
        }
      }
      work = GrayFromPix(pix.get(), dpi);
    } else {
      work = input;
      geo.rot_w = input.width;
      geo.rot_h = input.height;
    }
    result.orientation_degrees = geo.quads * 90;
    timer.Mark("orientation+deskew");

    // 3: ruling lines.
    std::vector<RulingLine> rulings;
    if (options_.remove_ruling_lines) {
      rulings = FindRulingLines(work);
      EraseRulingLines(LinesToErase(rulings), work);
      // Debugging aid: FINSAM_OCR_DEBUG_DIR=/tmp/x writes the image Tesseract
      // sees and lists the ruling lines and cell re-reads on stderr.
      if (const char* dir = std::getenv("FINSAM_OCR_DEBUG_DIR"); dir && *dir) {
        WriteGrayPng(work, std::string(dir) + "/erased.png");
        for (const RulingLine& l : rulings)
          fprintf(stderr, "ruling %c %d,%d-%d,%d\n", l.horizontal ? 'h' : 'v', l.x0, l.y0, l.x1, l.y1);
      }
      result.ruling_lines = static_cast<int>(rulings.size());
    }

    timer.Mark("ruling lines");
    // 3b: specks, on a page strewn with them (speckles.h).
    if (options_.remove_speckles) {
      result.speckles_removed = RemoveSpeckles(work);
      EraseLeaders(work);  // tab leaders' dots (speckles.h)
      EraseCounterDots(work);  // dotted zeros, specks in glyph counters (speckles.h)
    }
    if (const char* dir = std::getenv("FINSAM_OCR_DEBUG_DIR"); dir && *dir)
      WriteGrayPng(work, std::string(dir) + "/recognized.png");  // what Tesseract reads
    timer.Mark("specks");
    // 4: recognition.
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    api_.SetImage(work.pixels.data(), work.width, work.height, 1, work.width);
    api_.SetSourceResolution(static_cast<int>(dpi + 0.5));
    tesseract::ETEXT_DESC monitor;
    if (!ArmMonitor(monitor) || api_.Recognize(&monitor) != 0) {
      if (PastDeadline()) return Status::TooLarge("Tesseract stopped at the page's OCR deadline");
      return Status::Internal("Tesseract recognition failed");
    }
    CollectWords(0, result.words);
    DropRuleSlivers(rulings, result.words);
    if (std::getenv("FINSAM_OCR_DEBUG_DIR"))
      for (const OcrWord& w : result.words) fprintf(stderr, "first %s %.0f,%.0f-%.0f,%.0f %.2f\n", w.text.c_str(), w.x0, w.y0, w.x1, w.y1, w.confidence);

    timer.Mark("recognize");
    // 5: re-recognize bad numeric cells alone.
    if (options_.recheck_cells && !rulings.empty()) RecheckCells(work, rulings, result);
    if (!rulings.empty()) {
      MergeWrappedNumbers(rulings, result.words);
      JoinNumberPartsInCells(rulings, result.words);
    }
    // 5b: ink the page's reading left without words, read alone (figures
    //     only; see ReadUnreadInk). Before step 6, which sets other images.
    if (options_.recheck_cells) ReadUnreadInk(work, result);
    // 6: words the first reading got wrong, read again alone before the
    //    figures' second reading: a figure word spanning two columns split
    //    at its gap (SplitFiguresAtWideGaps), words read with next to no
    //    confidence and no digit (RereadGarbledWords). One option for both:
    //    each re-reads a word the page's layout analysis misjudged.
    if (options_.reread_garbled_words) {
      SplitFiguresAtWideGaps(work, result);
      RereadGarbledWords(work, result);
    }
    // 7: a second reading of every figure, alone (see SecondReadFigures).
    if (options_.second_read_figures) SecondReadFigures(work, result);

    timer.Mark("cells");
    for (OcrWord& w : result.words) geo.MapWord(w, options_.boxes_in_skewed_frame);
    api_.Clear();
    return result;
  }

  // A dash read off a table rule the page keeps (rules between rows, not a
  // grid: only a grid's lines are erased): next to no confidence, its box no
  // taller than a rule, lying on a horizontal ruling line. In a section row
  // ("VERKSAMHETENS INTÄKTER - - -") such dashes read as nil figures.
  static void DropRuleSlivers(const std::vector<RulingLine>& rulings, std::vector<OcrWord>& words) {
    std::erase_if(words, [&rulings](const OcrWord& w) {
      if (w.confidence >= 0.2f || (w.text != "-" && w.text != "—" && w.text != "–" && w.text != "_")) return false;
      for (const RulingLine& l : rulings) {
        if (!l.horizontal) continue;
        const double thick = std::max(2.0, static_cast<double>(l.y1 - l.y0) + 2);
        if (w.y1 - w.y0 <= 2 * thick && w.x0 >= l.x0 - 2 && w.x1 <= l.x1 + 2 && w.y0 >= l.y0 - thick &&
            w.y1 <= l.y1 + thick)
          return true;
      }
      return false;
    });
  }

  // A figure word's other readings from the recognizer's runner-up
  // characters (lstm_choice_mode 2): each digit the recognizer also gave a
  // probability of kMinRunnerUp or more where it read another digit, that
  // one digit replaced ("5 590 800": 0 at 0.40 beside the 9), likeliest
  // first. `it` stands at the word and is not moved.
  static void RunnerUpReadings(const tesseract::ResultIterator& at, OcrWord& w) {
    constexpr float kMinRunnerUp = 20.0f;  // of Tesseract's 0-100 choice scale
    tesseract::ResultIterator it(at);
    std::vector<std::string> symbols;
    struct Alt {
      size_t symbol;
      std::string text;
      float conf;
    };
    std::vector<Alt> alts;
    do {
      std::unique_ptr<char[]> s(it.GetUTF8Text(tesseract::RIL_SYMBOL));
      const std::string sym = s ? s.get() : "";
      symbols.push_back(sym);
      if (sym.size() == 1 && sym[0] >= '0' && sym[0] <= '9') {
        tesseract::ChoiceIterator ci(it);
        do {
          const char* c = ci.GetUTF8Text();
          if (!c || std::strlen(c) != 1 || c[0] < '0' || c[0] > '9' || c[0] == sym[0]) continue;
          if (ci.Confidence() >= kMinRunnerUp) alts.push_back({symbols.size() - 1, c, ci.Confidence()});
        } while (ci.Next());
      }
    } while (it.Next(tesseract::RIL_SYMBOL) && !it.IsAtBeginningOf(tesseract::RIL_WORD));
    std::string joined;
    for (const std::string& s : symbols) joined += s;
    if (joined != w.text) return;  // symbols that do not spell the word: no place to put a digit
    std::stable_sort(alts.begin(), alts.end(), [](const Alt& a, const Alt& b) { return a.conf > b.conf; });
    for (const Alt& a : alts) {
      std::string text;
      for (size_t k = 0; k < symbols.size(); ++k) text += k == a.symbol ? a.text : symbols[k];
      AddReading(w.text, text, &w.readings);
    }
  }

  // Appends the words of the last recognition; line ids continue after
  // `line_base`.
  void CollectWords(int line_base, std::vector<OcrWord>& out) {
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (!it) return;
    int block = -1, line = line_base - 1;
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) ++block;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || text[0] == 0) continue;
      int l, t, r, b;
      if (!it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) continue;
      OcrWord w;
      w.text = text.get();
      w.x0 = l; w.y0 = t; w.x1 = r; w.y1 = b;
      w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0f, 0.0f, 1.0f);
      w.block = std::max(block, 0);
      w.line = std::max(line, 0);
      if (DigitShare(w.text) >= 0.5) RunnerUpReadings(*it, w);
      out.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }

  // A number wrapped inside one bordered cell ("13" over "320" in a narrow
  // column) becomes one word "13 320": the cell boundaries say they belong
  // together. Only a 1-3 digit head followed by 3-digit groups is joined.
  static void MergeWrappedNumbers(const std::vector<RulingLine>& rulings, std::vector<OcrWord>& words) {
    auto is_head = [](const std::string& t) {
      std::string c = CleanOcrToken(t);
      size_t i = (!c.empty() && c[0] == '-') ? 1 : 0;
      size_t n = c.size() - i;
      if (n < 1 || n > 3) return false;
      for (size_t k = i; k < c.size(); ++k)
        if (c[k] < '0' || c[k] > '9') return false;
      return true;
    };
    auto is_group = [](const std::string& t) {
      std::string c = CleanOcrToken(t);
      if (c.size() < 3) return false;
      for (size_t k = 0; k < 3; ++k)
        if (c[k] < '0' || c[k] > '9') return false;
      return c.size() == 3 || c[3] == ',';
    };
    std::vector<bool> gone(words.size(), false);
    for (size_t i = 0; i < words.size(); ++i) {
      if (gone[i] || !is_head(words[i].text)) continue;
      OcrWord& head = words[i];
      std::optional<PixelRect> cell = CellAround(rulings, (head.x0 + head.x1) / 2, (head.y0 + head.y1) / 2);
      if (!cell) continue;
      // The word directly below the head in the same cell.
      size_t below = words.size();
      for (size_t j = 0; j < words.size(); ++j) {
        if (j == i || gone[j]) continue;
        const OcrWord& w = words[j];
        double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
        if (cx < cell->x0 || cx > cell->x1 || cy < cell->y0 || cy > cell->y1) continue;
        if (w.y0 < head.y1 - 0.3 * (head.y1 - head.y0)) continue;  // not below
        if (below == words.size() || w.y0 < words[below].y0) below = j;
      }
      if (below == words.size() || !is_group(words[below].text)) continue;
      // Nothing else to the right of the head on its line inside the cell.
      bool alone = true;
      for (size_t j = 0; j < words.size(); ++j) {
        if (j == i || j == below || gone[j]) continue;
        const OcrWord& w = words[j];
        double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
        if (cx >= cell->x0 && cx <= cell->x1 && cy >= cell->y0 && cy <= cell->y1) alone = false;
      }
      if (!alone) continue;
      OcrWord& tail = words[below];
      const std::string head_text = CleanOcrToken(head.text), tail_text = CleanOcrToken(tail.text);
      head.readings = JoinedReadings(head_text, head.readings, " ", tail_text, tail.readings);
      head.text = head_text + " " + tail_text;
      head.x0 = std::min(head.x0, tail.x0);
      head.y0 = std::min(head.y0, tail.y0);
      head.x1 = std::max(head.x1, tail.x1);
      head.y1 = std::max(head.y1, tail.y1);
      head.confidence = std::min(head.confidence, tail.confidence);
      gone[below] = true;
    }
    std::vector<OcrWord> kept;
    for (size_t i = 0; i < words.size(); ++i)
      if (!gone[i]) kept.push_back(std::move(words[i]));
    words = std::move(kept);
  }

  // Bounding box of dark pixels inside `r`, nullopt when the area is blank.
  static std::optional<PixelRect> InkBox(const GrayImage& img, const PixelRect& r) {
    int x0 = r.x1, y0 = r.y1, x1 = r.x0, y1 = r.y0;
    for (int y = std::max(0, r.y0); y < std::min(img.height, r.y1); ++y)
      for (int x = std::max(0, r.x0); x < std::min(img.width, r.x1); ++x)
        if (img.at(x, y) < 128) {
          x0 = std::min(x0, x); x1 = std::max(x1, x + 1);
          y0 = std::min(y0, y); y1 = std::max(y1, y + 1);
        }
    if (x1 <= x0 || y1 <= y0) return std::nullopt;
    return PixelRect{x0, y0, x1, y1};
  }

  // A cell's other figure readings (`readings`, each its words joined by a
  // space) as the other readings of the words that now stand for it
  // (`words`, left to right): one word takes a reading whole ("2000" and
  // "3 000"); several take one token each where a reading has as many
  // ("5" "900" and "6 900": "6" for the first); other readings are lost.
  static void AttachReadings(const std::vector<std::string>& readings, std::vector<OcrWord>& words) {
    if (words.empty()) return;
    for (const std::string& r : readings) {
      if (words.size() == 1) {
        AddReading(words[0].text, r, &words[0].readings);
        continue;
      }
      const std::vector<std::string> tokens = SplitOn(r, ' ');
      if (tokens.size() != words.size()) continue;
      for (size_t k = 0; k < words.size(); ++k) AddReading(words[k].text, tokens[k], &words[k].readings);
    }
  }

  // Step 5 of RecognizeImpl on a page with a grid: each word is boxed
  // inside its cell; a cell whose words include junk or doubtful figures is
  // read again alone (a cell of letters with junk also from a cleaned copy
  // of its ink, for a shaded header: CleanShadedCrop); junk with no ink in
  // its cell, specks read beside a label's print, and junk of a cell that a
  // broken rule merged with the one above go.
  void RecheckCells(const GrayImage& work, const std::vector<RulingLine>& rulings, OcrPageResult& result) {
    struct Cell {
      PixelRect rect;
      std::vector<size_t> words;
      bool suspect = false;
      bool numeric = true;
    };
    std::vector<Cell> cells;
    std::vector<bool> drop(result.words.size(), false);
    for (size_t i = 0; i < result.words.size(); ++i) {
      const OcrWord& w = result.words[i];
      double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
      // A word reaching over a row's rule into the next row of the grid,
      // read with little confidence and no figure in it, is junk made of a
      // column of short figures ("EE" over four rows of "0"): dropped, or
      // it would join those rows into one; its cells are read alone below.
      const double h = w.y1 - w.y0;
      std::optional<PixelRect> top = CellAround(rulings, cx, w.y0 + 0.15 * h);
      std::optional<PixelRect> bottom = CellAround(rulings, cx, w.y1 - 0.15 * h);
      if (top && bottom && top->y0 != bottom->y0 && w.confidence < 0.6f && DigitShare(w.text) < 0.5) {
        drop[i] = true;
        continue;
      }
      std::optional<PixelRect> r = CellAround(rulings, cx, cy);
      if (!r) continue;
      // A word's ink lies inside its cell: a box reaching over the cell's
      // rules took in bits of them or specks beyond ("Intäkter" boxed from
      // inside the header row above, which then joined it to the header).
      {
        OcrWord& mw = result.words[i];
        mw.x0 = std::max(mw.x0, static_cast<double>(r->x0));
        mw.x1 = std::min(mw.x1, static_cast<double>(r->x1));
        mw.y0 = std::max(mw.y0, static_cast<double>(r->y0));
        mw.y1 = std::min(mw.y1, static_cast<double>(r->y1));
      }
      Cell* cell = nullptr;
      for (Cell& c : cells)
        if (c.rect.x0 == r->x0 && c.rect.y0 == r->y0 && c.rect.x1 == r->x1 && c.rect.y1 == r->y1) cell = &c;
      if (!cell) {
        cells.push_back(Cell{*r, {}, false, true});
        cell = &cells.back();
      }
      cell->words.push_back(i);
      // Digits misread as letters come back with low confidence ("FRAS
      // NAR" for "4 443 4 443"): such a word does not make a cell a label.
      const bool garbage = w.confidence < 0.6f;
      if (DigitShare(w.text) < 0.5 && !IsBorderDebris(w.text) && !garbage) cell->numeric = false;
      if (IsSuspectNumber(w.text, w.confidence) || IsBorderDebris(w.text) || garbage) cell->suspect = true;
    }
    const double dpi = work.dpi > 0 ? work.dpi : 300;
    const int pad = std::max(2, static_cast<int>(dpi / 100));
    std::vector<OcrWord> added;
    int line_base = 0;
    for (const OcrWord& w : result.words) line_base = std::max(line_base, w.line + 1);
    // Each bad cell is read again alone in a few modes; the reading with the
    // best score (its weakest word's confidence, 0 when it still holds
    // characters no amount has) replaces the page-level reading when better.
    struct Mode {
      tesseract::PageSegMode psm;
      bool whitelist;
    };
    // Raw line is the best reader of a lone number in practice (page-level
    // layout analysis and the whitelist both hurt); single block catches
    // numbers wrapped over two lines.
    static constexpr Mode kModes[] = {{tesseract::PSM_RAW_LINE, false},
                                      {tesseract::PSM_SINGLE_LINE, false},
                                      {tesseract::PSM_SINGLE_BLOCK, false}};
    constexpr float kGoodEnough = 0.9f;
    constexpr float kEmptyCellMinConfidence = 0.15f;
    auto score = [](const std::vector<OcrWord>& words, const std::vector<size_t>* idx,
                    const std::vector<OcrWord>* all, bool figure_cell = true) {
      float s = 1.0f;
      size_t n = idx ? idx->size() : words.size();
      if (n == 0) return 0.0f;
      // A reading of a figure cell without a digit anywhere that is no nil
      // dash ("$" at 0.90 where the lone "0" read at 0.59) is no better
      // than junk.
      constexpr float kNoDigitScore = 0.3f;
      bool any_digit = false, nil = false;
      for (size_t k = 0; k < n; ++k) {
        const std::string& t = (idx ? (*all)[(*idx)[k]] : words[k]).text;
        any_digit = any_digit || HasDigit(t);
        nil = nil || t == "-" || t == "\u2013" || t == "\u2014" || t == "\u2212";
      }
      if (figure_cell && !any_digit && !nil) s = kNoDigitScore;
      for (size_t k = 0; k < n; ++k) {
        const OcrWord& w = idx ? (*all)[(*idx)[k]] : words[k];
        if (IsBorderDebris(w.text)) continue;
        float c = w.confidence;
        if (IsSuspectNumber(w.text, 1.0f)) c = 0;
        s = std::min(s, c);
      }
      return s;
    };
    // A text cell's reading (a header's "Utfall jan-jun 2025") that holds
    // solid print is scored by its characters' mean confidence: Tesseract
    // gives one word of a right reading next to none ("jan-jun" at 0.03),
    // and the weakest word's score would prefer a junk "NN" at 0.39.
    auto text_score = [&score](const std::vector<OcrWord>& words) {
      if (!std::any_of(words.begin(), words.end(),
                       [](const OcrWord& w) { return IsSolidWord(w.text, w.confidence); }))
        return score(words, nullptr, nullptr, false);
      double sum = 0, chars = 0;
      for (const OcrWord& w : words) {
        if (IsBorderDebris(w.text)) continue;
        const double n = static_cast<double>(w.text.size());
        sum += n * w.confidence;
        chars += n;
      }
      return chars > 0 ? static_cast<float>(sum / chars) : 0.0f;
    };
    bool whitelist_on = false;
    // Reads the ink of `inner` alone in each mode until one is good enough;
    // the best reading and its score, or nothing when none beat `floor`.
    // A text cell (`text_cell`) is also read from a cleaned copy of its ink
    // (CleanShadedCrop), and its readings are scored by text_score.
    auto read_cell = [&](const PixelRect& inner, float floor, std::vector<OcrWord>* best,
                         bool text_cell = false, std::vector<std::string>* figure_readings = nullptr) -> float {
      best->clear();
      // Tesseract reads a short number far better from a tight crop (ink plus
      // a small margin) than from a mostly empty cell.
      std::optional<PixelRect> ink = InkBox(work, inner);
      if (!ink) return floor;
      const int margin = std::max(4, static_cast<int>(dpi / 30));
      PixelRect r{std::max(inner.x0, ink->x0 - margin), std::max(inner.y0, ink->y0 - margin),
                  std::min(inner.x1, ink->x1 + margin), std::min(inner.y1, ink->y1 + margin)};
      float best_score = floor;
      // Keeps a reading as the best when it scores higher. A shaded cell's
      // dots read as short words beside its print (ocr_text.h) are dropped
      // first, or the weakest word's score would be theirs. `how` names the
      // reading in the debug output.
      auto consider = [&](std::vector<OcrWord> fresh, const std::string& how) {
        const bool solid = std::any_of(fresh.begin(), fresh.end(),
                                       [](const OcrWord& w) { return IsSolidWord(w.text, w.confidence); });
        std::erase_if(fresh, [solid](const OcrWord& w) { return IsShadingDebris(w.text, w.confidence, solid); });
        const float sc = text_cell ? text_score(fresh) : score(fresh, nullptr, nullptr);
        if (figure_readings && !fresh.empty() &&
            std::all_of(fresh.begin(), fresh.end(), [](const OcrWord& w) { return DigitShare(w.text) >= 0.5; })) {
          std::string joined;
          for (const OcrWord& w : fresh) joined += (joined.empty() ? "" : " ") + w.text;
          figure_readings->push_back(joined);
        }
        if (std::getenv("FINSAM_OCR_DEBUG_DIR")) {
          fprintf(stderr, "cell %d,%d %s score %.2f:", r.x0, r.y0, how.c_str(), sc);
          for (auto& w : fresh) fprintf(stderr, " %s(%.2f)", w.text.c_str(), w.confidence);
          fprintf(stderr, "\n");
        }
        if (!fresh.empty() && sc > best_score) {
          best_score = sc;
          *best = std::move(fresh);
        }
      };
      for (const Mode& mode : kModes) {
        api_.SetPageSegMode(mode.psm);
        if (mode.whitelist != whitelist_on) {
          api_.SetVariable("tessedit_char_whitelist", mode.whitelist ? kAmountWhitelist : "");
          whitelist_on = mode.whitelist;
        }
        api_.SetRectangle(r.x0, r.y0, r.width(), r.height());
        tesseract::ETEXT_DESC cell_monitor;
        if (!ArmMonitor(cell_monitor)) break;  // out of time: keep the page's first reading
        if (api_.Recognize(&cell_monitor) != 0) continue;
        std::vector<OcrWord> fresh;
        CollectWords(line_base, fresh);
        consider(std::move(fresh), "mode " + std::to_string(int(mode.psm)) + "/" + std::to_string(mode.whitelist));
        if (best_score >= kGoodEnough) break;
      }
      if (text_cell && best_score < kGoodEnough) {
        GrayImage crop;
        crop.width = r.width();
        crop.height = r.height();
        crop.dpi = dpi;
        crop.pixels.resize(static_cast<size_t>(crop.width) * crop.height);
        for (int y = 0; y < crop.height; ++y)
          for (int x = 0; x < crop.width; ++x)
            crop.pixels[static_cast<size_t>(y) * crop.width + x] = work.at(r.x0 + x, r.y0 + y);
        CleanShadedCrop(crop);
        api_.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
        if (whitelist_on) {
          api_.SetVariable("tessedit_char_whitelist", "");
          whitelist_on = false;
        }
        api_.SetImage(crop.pixels.data(), crop.width, crop.height, 1, crop.width);
        api_.SetSourceResolution(static_cast<int>(dpi + 0.5));
        tesseract::ETEXT_DESC crop_monitor;
        std::vector<OcrWord> fresh;
        if (ArmMonitor(crop_monitor) && api_.Recognize(&crop_monitor) == 0) CollectWords(line_base, fresh);
        // Back to the page for the next cell's SetRectangle.
        api_.SetImage(work.pixels.data(), work.width, work.height, 1, work.width);
        api_.SetSourceResolution(static_cast<int>(dpi + 0.5));
        for (OcrWord& w : fresh) {
          w.x0 += r.x0;
          w.x1 += r.x0;
          w.y0 += r.y0;
          w.y1 += r.y0;
        }
        consider(std::move(fresh), "cleaned");
      }
      return best_score;
    };
    // A rule broken by a shaded row's dots ends a cell for some words and
    // not for others: a cell with another inside it is that artifact (a
    // grid's cells do not nest), and is not read again over the inner one.
    auto holds_another = [&cells](const Cell& c) {
      return std::any_of(cells.begin(), cells.end(), [&c](const Cell& d) {
        return &d != &c && d.rect.x0 >= c.rect.x0 && d.rect.x1 <= c.rect.x1 && d.rect.y0 >= c.rect.y0 &&
               d.rect.y1 <= c.rect.y1;
      });
    };
    // Drops a cell's junk: words with no figure read with next to no
    // confidence.
    auto drop_junk = [&](const Cell& cell) {
      for (size_t i : cell.words)
        if (result.words[i].confidence < 0.3f && DigitShare(result.words[i].text) < 0.5) drop[i] = true;
    };
    for (const Cell& cell : cells) {
      if (!cell.suspect) continue;
      if (!cell.numeric) {
        // A label or header cell's print with specks read beside it ("Tusentaf
        // kronor DE ns" in a shaded header: "DE" at 0.18, "ns" at 0.02): the
        // specks' words go, or they split the words they stand between.
        const bool solid = std::any_of(cell.words.begin(), cell.words.end(), [&](size_t i) {
          return result.words[i].confidence >= 0.6f && LetterCount(result.words[i].text) >= 4;
        });
        for (size_t i : cell.words) {
          const OcrWord& w = result.words[i];
          if (w.confidence < 0.2f && DigitShare(w.text) < 0.5 && IsShadingDebris(w.text, 0.0f, solid)) drop[i] = true;
        }
      }
      if (holds_another(cell)) {
        // Its junk (no figure, next to no confidence: specks on the broken
        // rule, "om") would join the row below to the header; figures stay.
        drop_junk(cell);
        continue;
      }
      if (!cell.numeric) continue;
      // A cell of junk whose first reading has a word of letters holds text
      // (a shaded header's: "'Helårsbudget" at 0.00, "NET"), however little
      // OCR believed it.
      const bool text_cell = std::any_of(cell.words.begin(), cell.words.end(), [&](size_t i) {
        return LetterCount(result.words[i].text) >= 3;
      });
      PixelRect inner{cell.rect.x0 + pad, cell.rect.y0 + pad, cell.rect.x1 - pad, cell.rect.y1 - pad};
      if (inner.width() < 8 || inner.height() < 8) continue;
      if (!InkBox(work, inner)) {
        // No ink inside the cell's rules: a word read there with no figure
        // and next to no confidence is made of the rules' and specks' bits
        // ("om" in a section row's empty cell, which then joined the row to
        // the header above).
        drop_junk(cell);
        continue;
      }
      std::vector<OcrWord> best;
      // Every figure reading of the cell, the page's first one too: those
      // the best one does not take stay as its other readings.
      std::vector<std::string> figure_readings;
      {
        std::vector<size_t> order = cell.words;
        std::sort(order.begin(), order.end(),
                  [&](size_t a, size_t b) { return result.words[a].x0 < result.words[b].x0; });
        std::string first;
        bool figures = true;
        for (size_t i : order) {
          first += (first.empty() ? "" : " ") + result.words[i].text;
          figures = figures && DigitShare(result.words[i].text) >= 0.5;
        }
        if (figures) figure_readings.push_back(first);
      }
      read_cell(inner, score({}, &cell.words, &result.words, !text_cell), &best, text_cell, &figure_readings);
      ++result.cells_rechecked;
      if (best.empty()) continue;
      AttachReadings(figure_readings, best);
      for (const OcrWord& w : best) line_base = std::max(line_base, w.line + 1);
      for (size_t i : cell.words) drop[i] = true;
      // Words of an outer cell (holds_another) over this one's ink, or on
      // its rules, are replaced by the reading too.
      for (size_t i = 0; i < result.words.size(); ++i) {
        const OcrWord& o = result.words[i];
        const double ox = (o.x0 + o.x1) / 2, oy = (o.y0 + o.y1) / 2;
        if (ox >= cell.rect.x0 - pad && ox <= cell.rect.x1 + pad && oy >= cell.rect.y0 - pad &&
            oy <= cell.rect.y1 + pad)
          drop[i] = true;
      }
      for (OcrWord& w : best) {
        w.cell_rechecked = true;
        if (std::getenv("FINSAM_OCR_DEBUG_DIR"))
          fprintf(stderr, "cell word %s %.0f,%.0f-%.0f,%.0f\n", w.text.c_str(), w.x0, w.y0, w.x1, w.y1);
        // SetRectangle results are already in whole-image pixels; keep the
        // block of the first word the cell had so the layout stays grouped.
        w.block = result.words[cell.words.front()].block;
        added.push_back(std::move(w));
      }
    }
    // Cells no word fell in, in a row and a column of the grid where other
    // cells hold words: the page's layout analysis drops a column of short
    // figures at the table's edge (an Avvikelse column of "0", "85", "−130"
    // read as nothing, or as one tall junk word over several rows). A cell
    // whose ink is the size of a character is read alone; a reading that is
    // all figures, each at kEmptyCellMinConfidence or more, is added. The
    // floor is low because Tesseract is unsure of a minus sign ("−130" at
    // 0.21): the words keep their confidence, so a figure no check vouches
    // for loads suspect (read.ocr) like any other OCR figure.
    std::vector<std::pair<int, int>> rows, cols;  // (y0, y1), (x0, x1) of cells with words
    std::vector<int> row_block;
    for (const Cell& c : cells) {
      if (std::find(cols.begin(), cols.end(), std::make_pair(c.rect.x0, c.rect.x1)) == cols.end())
        cols.emplace_back(c.rect.x0, c.rect.x1);
      if (!c.numeric) continue;  // a row of figures
      if (std::find(rows.begin(), rows.end(), std::make_pair(c.rect.y0, c.rect.y1)) == rows.end()) {
        rows.emplace_back(c.rect.y0, c.rect.y1);
        row_block.push_back(result.words[c.words.front()].block);
      }
    }
    std::vector<PixelRect> tried;
    const int min_ink_height = static_cast<int>(dpi / 20), min_ink_width = std::max(3, static_cast<int>(dpi / 75));
    for (size_t ri = 0; ri < rows.size(); ++ri) {
      for (const auto& [cx0, cx1] : cols) {
        std::optional<PixelRect> rect = CellAround(rulings, (cx0 + cx1) / 2.0, (rows[ri].first + rows[ri].second) / 2.0);
        // Only a cell exactly in this row and column (not a merged one).
        if (!rect || rect->x0 != cx0 || rect->x1 != cx1 || rect->y0 != rows[ri].first || rect->y1 != rows[ri].second)
          continue;
        // Known: read before, or holding a word of the page's reading or
        // of a cell read above (a word's own cell can be another rectangle
        // where a rule stops short).
        bool known = false;
        for (const PixelRect& t : tried) known |= t.x0 == rect->x0 && t.y0 == rect->y0;
        auto inside = [&](const OcrWord& w) {
          const double x = (w.x0 + w.x1) / 2, y = (w.y0 + w.y1) / 2;
          return x >= rect->x0 && x < rect->x1 && y >= rect->y0 && y < rect->y1;
        };
        for (size_t i = 0; i < result.words.size() && !known; ++i) known |= !drop[i] && inside(result.words[i]);
        for (const OcrWord& w : added) known |= inside(w);
        if (known) continue;
        tried.push_back(*rect);
        PixelRect inner{rect->x0 + pad, rect->y0 + pad, rect->x1 - pad, rect->y1 - pad};
        if (inner.width() < 8 || inner.height() < 8) continue;
        std::optional<PixelRect> ink = InkBox(work, inner);
        if (!ink || ink->height() < min_ink_height || ink->width() < min_ink_width) continue;
        std::vector<OcrWord> best;
        const float sc = read_cell(inner, 0.0f, &best);
        ++result.cells_rechecked;
        if (best.empty() || sc < kEmptyCellMinConfidence) continue;
        if (!AllFigures(best, 0.0f)) continue;
        for (const OcrWord& w : best) line_base = std::max(line_base, w.line + 1);
        for (OcrWord& w : best) {
          w.cell_rechecked = true;
          w.block = row_block[ri];
          added.push_back(std::move(w));
        }
      }
    }
    if (whitelist_on) api_.SetVariable("tessedit_char_whitelist", "");
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    if (added.empty() && std::find(drop.begin(), drop.end(), true) == drop.end()) return;
    std::vector<OcrWord> kept;
    for (size_t i = 0; i < result.words.size(); ++i)
      if (!drop[i]) kept.push_back(std::move(result.words[i]));
    for (OcrWord& w : added) kept.push_back(std::move(w));
    result.words = std::move(kept);
  }

  // The word's box with a margin of the page around it (the ink's soft
  // edge), set on white padding: Tesseract reads a crop alone without the
  // page's layout analysis. crop.dpi is the page's (300 when unknown); an
  // empty crop for a box too small to read.
  static GrayImage CropAround(const GrayImage& work, const OcrWord& w) {
    const double dpi = work.dpi > 0 ? work.dpi : 300;
    const int margin = std::max(1, static_cast<int>(dpi / 150));
    const int pad = std::max(8, static_cast<int>(dpi / 15));
    GrayImage crop;
    const int x0 = std::max(0, static_cast<int>(w.x0) - margin), y0 = std::max(0, static_cast<int>(w.y0) - margin);
    const int x1 = std::min(work.width, static_cast<int>(std::ceil(w.x1)) + margin);
    const int y1 = std::min(work.height, static_cast<int>(std::ceil(w.y1)) + margin);
    if (x1 - x0 < 4 || y1 - y0 < 4) return crop;
    crop.width = x1 - x0 + 2 * pad;
    crop.height = y1 - y0 + 2 * pad;
    crop.dpi = dpi;
    crop.pixels.assign(static_cast<size_t>(crop.width) * crop.height, 255);
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x)
        crop.pixels[static_cast<size_t>(y - y0 + pad) * crop.width + (x - x0 + pad)] = work.at(x, y);
    return crop;
  }

  // True when every word read alone is a figure (digits mostly, no
  // character an amount cannot have) read with at least `min_confidence`:
  // what a re-read of an empty cell or of stray ink may add.
  static bool AllFigures(const std::vector<OcrWord>& words, float min_confidence) {
    for (const OcrWord& w : words)
      if (DigitShare(w.text) < 0.5 || IsSuspectNumber(w.text, 1.0f) || w.confidence < min_confidence) return false;
    return true;
  }

  // Ink the page's reading left without words: the layout analysis can skip
  // a whole column of figures in a table drawn with rules but no grid (a
  // budget's third column, in every row not set in bold, on a speckled
  // 1-bit scan), where no cell proves where the figures are. Dark pixels
  // outside every word's box (grown by a margin) are grouped, at a quarter
  // of the resolution, into runs the height of a line of text (a rule is
  // too thin, a speck too small, a picture too tall); runs on one line
  // closer than a character's height are one piece, read alone as one line
  // of text. A reading that is all figures is added with its own
  // confidence, so a figure no check vouches for loads suspect; anything
  // else (a logo, a stamp, words) is left out, but for a lone nought read
  // as a letter ("O") on a line of figures, which is the nought.
  void ReadUnreadInk(const GrayImage& work, OcrPageResult& result) {
    if (result.words.size() < 4) return;
    std::vector<double> heights;
    for (const OcrWord& w : result.words)
      if (w.confidence >= 0.5f && !IsBorderDebris(w.text)) heights.push_back(w.y1 - w.y0);
    if (heights.size() < 4) return;
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    const double line_h = heights[heights.size() / 2];
    if (line_h < 6) return;
    constexpr int kScale = 4;
    const int gw = (work.width + kScale - 1) / kScale, gh = (work.height + kScale - 1) / kScale;
    std::vector<uint8_t> grid(static_cast<size_t>(gw) * gh, 0);  // 1 = ink, 2 = covered
    for (int y = 0; y < work.height; ++y)
      for (int x = 0; x < work.width; ++x)
        if (work.at(x, y) < 128) grid[static_cast<size_t>(y / kScale) * gw + x / kScale] = 1;
    const double grow = std::max(2.0, line_h * 0.25);
    for (const OcrWord& w : result.words) {
      const int x0 = std::max(0, static_cast<int>((w.x0 - grow) / kScale));
      const int x1 = std::min(gw - 1, static_cast<int>((w.x1 + grow) / kScale));
      const int y0 = std::max(0, static_cast<int>((w.y0 - grow) / kScale));
      const int y1 = std::min(gh - 1, static_cast<int>((w.y1 + grow) / kScale));
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) grid[static_cast<size_t>(y) * gw + x] = 2;
    }
    // Connected runs of uncovered ink (8-neighbours), as pixel boxes.
    std::vector<PixelRect> blobs;
    std::vector<int> stack;
    for (int start = 0; start < gw * gh; ++start) {
      if (grid[start] != 1) continue;
      PixelRect b{gw, gh, -1, -1};
      grid[start] = 3;
      stack.assign(1, start);
      while (!stack.empty()) {
        const int at = stack.back();
        stack.pop_back();
        const int x = at % gw, y = at / gw;
        b.x0 = std::min(b.x0, x); b.x1 = std::max(b.x1, x);
        b.y0 = std::min(b.y0, y); b.y1 = std::max(b.y1, y);
        for (int dy = -1; dy <= 1; ++dy)
          for (int dx = -1; dx <= 1; ++dx) {
            const int nx = x + dx, ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
            const int n = ny * gw + nx;
            if (grid[n] == 1) {
              grid[n] = 3;
              stack.push_back(n);
            }
          }
      }
      PixelRect px{b.x0 * kScale, b.y0 * kScale, (b.x1 + 1) * kScale, (b.y1 + 1) * kScale};
      // A character's height (a digit is 0.6-0.8 of a line's box).
      if (px.height() < 0.4 * line_h || px.height() > 1.6 * line_h) continue;
      if (px.width() > 20 * line_h) continue;
      blobs.push_back(px);
    }
    if (blobs.empty()) return;
    // Runs on one line and closer than a line's height are one piece.
    std::sort(blobs.begin(), blobs.end(), [](const PixelRect& a, const PixelRect& b) { return a.x0 < b.x0; });
    std::vector<PixelRect> pieces;
    std::vector<bool> used(blobs.size(), false);
    for (size_t i = 0; i < blobs.size(); ++i) {
      if (used[i]) continue;
      PixelRect p = blobs[i];
      used[i] = true;
      for (size_t j = i + 1; j < blobs.size(); ++j) {
        if (used[j]) continue;
        const PixelRect& b = blobs[j];
        const int overlap = std::min(p.y1, b.y1) - std::max(p.y0, b.y0);
        if (b.x0 - p.x1 > line_h) break;  // sorted by x0: the rest lie further right
        if (overlap < 0.5 * std::min(p.height(), b.height())) continue;
        p = PixelRect{std::min(p.x0, b.x0), std::min(p.y0, b.y0), std::max(p.x1, b.x1), std::max(p.y1, b.y1)};
        used[j] = true;
      }
      if (p.width() >= 0.3 * line_h && p.height() <= 1.6 * line_h) pieces.push_back(p);
    }
    constexpr float kMinConfidence = 0.15f;
    const int margin = std::max(4, static_cast<int>(line_h / 4));
    int line_base = 0;
    for (const OcrWord& w : result.words) line_base = std::max(line_base, w.line + 1);
    std::vector<OcrWord> added;
    bool any = false;
    for (const PixelRect& p : pieces) {
      PixelRect r{std::max(0, p.x0 - margin), std::max(0, p.y0 - margin), std::min(work.width, p.x1 + margin),
                  std::min(work.height, p.y1 + margin)};
      api_.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
      api_.SetRectangle(r.x0, r.y0, r.width(), r.height());
      any = true;
      tesseract::ETEXT_DESC monitor;
      if (!ArmMonitor(monitor)) break;  // out of time: the page's reading stands
      if (api_.Recognize(&monitor) != 0) continue;
      std::vector<OcrWord> fresh;
      CollectWords(line_base, fresh);
      if (std::getenv("FINSAM_OCR_DEBUG_DIR")) {
        fprintf(stderr, "ink %d,%d-%d,%d ->", r.x0, r.y0, r.x1, r.y1);
        for (const OcrWord& f : fresh) fprintf(stderr, " %s(%.2f)", f.text.c_str(), f.confidence);
        fprintf(stderr, "\n");
      }
      if (fresh.empty()) continue;
      // A lone nought read as a letter ("O") beside the line's figures is
      // the nought, at a confidence no higher than a doubted figure's: it
      // loads suspect unless a sum holds with it.
      if (fresh.size() == 1 && IsZeroLike(fresh[0].text) && fresh[0].confidence >= kMinConfidence) {
        const double cy = (p.y0 + p.y1) / 2.0;
        const bool beside_figures = std::any_of(result.words.begin(), result.words.end(), [cy](const OcrWord& w) {
          return cy >= w.y0 && cy <= w.y1 && HasDigit(w.text) && DigitShare(w.text) >= 0.5;
        });
        if (!beside_figures) continue;
        fresh[0].text = "0";
        fresh[0].readings.clear();
        fresh[0].confidence = std::min(fresh[0].confidence, kSecondReadDoubt);
      }
      if (!AllFigures(fresh, kMinConfidence)) continue;
      // The block of the page's word beside it on the same line, so the
      // line builder keeps the row together.
      int block = 0;
      double best_gap = 1e18;
      const double cy = (p.y0 + p.y1) / 2.0;
      for (const OcrWord& w : result.words) {
        if (cy < w.y0 || cy > w.y1) continue;
        const double gap = std::min(std::abs(w.x1 - p.x0), std::abs(p.x1 - w.x0));
        if (gap < best_gap) {
          best_gap = gap;
          block = w.block;
        }
      }
      for (OcrWord& f : fresh) {
        line_base = std::max(line_base, f.line + 1);
        f.block = block;
        added.push_back(std::move(f));
      }
    }
    if (any) api_.SetPageSegMode(tesseract::PSM_AUTO);
    for (OcrWord& w : added) result.words.push_back(std::move(w));
  }

  // A word the page's reading barely believes and that holds no digit ("a"
  // and "Rn" for a header's "2023-12-31 2022-12-31" set on a rule, the page's
  // layout analysis confused by the line) is read again alone, as one text
  // line. The new text replaces it only when that reading is one word read
  // with confidence; a figure it gives then gets its own second reading
  // (SecondReadFigures) like every other. Words with a digit are never
  // rewritten here: their doubts are SecondReadFigures' business. A word
  // that looks like a nought ("Oo", "[Ö", IsZeroLike) on a line of figures
  // is read again at any confidence and becomes "0" when its reading alone
  // looks like one too ("0", "O").
  void RereadGarbledWords(const GrayImage& work, OcrPageResult& result) {
    constexpr float kGarbled = 0.3f;  // first reading under this: read again
    constexpr float kBelieved = 0.8f; // the new reading replaces it from this
    // Lines that hold a figure: a nought read as letters ("Oo", "[Ö") is
    // only looked for among them.
    std::set<int> figure_lines;
    for (const OcrWord& w : result.words)
      if (HasDigit(w.text) && DigitShare(w.text) >= 0.5) figure_lines.insert(w.line);
    bool any = false;
    for (OcrWord& w : result.words) {
      if (HasDigit(w.text)) continue;
      const bool zero_like = IsZeroLike(w.text) && figure_lines.count(w.line) > 0;
      if (w.confidence >= kGarbled && !zero_like) continue;
      GrayImage crop = CropAround(work, w);
      if (crop.pixels.empty()) continue;
      api_.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
      api_.SetImage(crop.pixels.data(), crop.width, crop.height, 1, crop.width);
      api_.SetSourceResolution(static_cast<int>(crop.dpi + 0.5));
      any = true;
      tesseract::ETEXT_DESC monitor;
      if (!ArmMonitor(monitor)) break;  // out of time: the first readings stand
      if (api_.Recognize(&monitor) != 0) continue;
      std::vector<OcrWord> fresh;
      CollectWords(0, fresh);
      if (std::getenv("FINSAM_OCR_DEBUG_DIR")) {
        fprintf(stderr, "garbled %s(%.2f) ->", w.text.c_str(), w.confidence);
        for (const OcrWord& f : fresh) fprintf(stderr, " %s(%.2f)", f.text.c_str(), f.confidence);
        fprintf(stderr, "\n");
      }
      ++result.words_reread;
      // A nought read alone as "0" is one, at the lower of the two
      // readings' confidences: no check can tell a nought from nothing, so
      // it loads suspect unless a sum holds with it.
      if (zero_like && fresh.size() == 1 && (fresh[0].text == "0" || IsZeroLike(fresh[0].text))) {
        w.text = "0";
        w.confidence = std::min(w.confidence, fresh[0].confidence);
        ++result.words_replaced;
        continue;
      }
      if (fresh.size() != 1 || fresh[0].confidence < kBelieved) continue;
      w.text = fresh[0].text;
      w.readings = fresh[0].readings;
      w.confidence = fresh[0].confidence;
      ++result.words_replaced;
    }
    if (any) api_.SetPageSegMode(tesseract::PSM_AUTO);
  }

  // Reads `w`'s crop alone as one text line of amount characters; the
  // words read (none when out of time or the read failed), their boxes in
  // the crop's pixels.
  std::vector<OcrWord> ReadAsFigures(const GrayImage& work, const OcrWord& w) {
    std::vector<OcrWord> fresh;
    GrayImage crop = CropAround(work, w);
    if (crop.pixels.empty()) return fresh;
    api_.SetVariable("tessedit_char_whitelist", kAmountWhitelist);
    api_.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    api_.SetImage(crop.pixels.data(), crop.width, crop.height, 1, crop.width);
    api_.SetSourceResolution(static_cast<int>(crop.dpi + 0.5));
    tesseract::ETEXT_DESC monitor;
    if (ArmMonitor(monitor) && api_.Recognize(&monitor) == 0) CollectWords(0, fresh);
    api_.SetVariable("tessedit_char_whitelist", "");
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    return fresh;
  }

  // A figure word whose ink has a blank gap wider than the word is tall
  // ("1015-507" for "10,1" and "5,07", two narrow columns side by side that
  // the page's layout analysis read as one word): no amount prints such a
  // gap (a thousands space is a quarter of an em, under half a digit's
  // height), so it is two words. Each part is read alone; the parts replace
  // the word only when every one reads as a figure with confidence, else
  // the word stands (and its second reading will doubt it).
  void SplitFiguresAtWideGaps(const GrayImage& work, OcrPageResult& result) {
    constexpr double kGapHeights = 1.0;   // blank run, in the word's heights
    constexpr float kBelieved = 0.6f;     // each part's reading, at least
    constexpr int kDark = 128;            // a pixel under this is ink
    std::vector<OcrWord> out;
    out.reserve(result.words.size());
    for (OcrWord& w : result.words) {
      const int x0 = std::max(0, static_cast<int>(w.x0)), x1 = std::min(work.width, static_cast<int>(std::ceil(w.x1)));
      const int y0 = std::max(0, static_cast<int>(w.y0)), y1 = std::min(work.height, static_cast<int>(std::ceil(w.y1)));
      const int h = y1 - y0;
      if (!HasDigit(w.text) || DigitShare(w.text) < 0.5 || h < 8 || x1 - x0 < 3 * h) {
        out.push_back(std::move(w));
        continue;
      }
      // Ink per pixel column; a column with a speck or two is blank.
      const int speck = std::max(1, h / 15);
      std::vector<bool> ink(static_cast<size_t>(x1 - x0));
      for (int x = x0; x < x1; ++x) {
        int n = 0;
        for (int y = y0; y < y1; ++y) n += work.at(x, y) < kDark;
        ink[static_cast<size_t>(x - x0)] = n > speck;
      }
      // The inked runs between blank runs of kGapHeights or more.
      std::vector<std::pair<int, int>> parts;
      int start = -1, last_ink = -1;
      for (int i = 0; i < x1 - x0; ++i) {
        if (!ink[static_cast<size_t>(i)]) continue;
        if (start < 0) start = i;
        else if (i - last_ink - 1 >= kGapHeights * h) {
          parts.push_back({start, last_ink});
          start = i;
        }
        last_ink = i;
      }
      if (start >= 0) parts.push_back({start, last_ink});
      if (parts.size() < 2) {
        out.push_back(std::move(w));
        continue;
      }
      std::vector<OcrWord> pieces;
      for (const auto& [a, b] : parts) {
        OcrWord piece = w;
        piece.x0 = x0 + a;
        piece.x1 = x0 + b + 1;
        std::vector<OcrWord> fresh = ReadAsFigures(work, piece);
        if (std::getenv("FINSAM_OCR_DEBUG_DIR")) {
          fprintf(stderr, "split %s [%d-%d] ->", w.text.c_str(), x0 + a, x0 + b + 1);
          for (const OcrWord& f : fresh) fprintf(stderr, " %s(%.2f)", f.text.c_str(), f.confidence);
          fprintf(stderr, "\n");
        }
        if (fresh.size() != 1 || !AllFigures(fresh, kBelieved)) break;
        piece.text = fresh[0].text;
        piece.readings = fresh[0].readings;
        piece.confidence = fresh[0].confidence;
        pieces.push_back(std::move(piece));
      }
      if (pieces.size() != parts.size()) {
        out.push_back(std::move(w));
        continue;
      }
      ++result.words_replaced;
      for (OcrWord& piece : pieces) out.push_back(std::move(piece));
    }
    result.words = std::move(out);
  }

  // Reads every figure word again from a crop of its own box (single text
  // line, amount characters only): a second opinion that does not depend on
  // the page's layout analysis. When the two readings' digits differ, the
  // word's confidence drops under kSecondReadDoubt: OcrDoubts (extractors/
  // ocr_doubts.h) then keeps the figure out of `ok` unless a check that
  // held used it. The word's text is never changed.
  void SecondReadFigures(const GrayImage& work, OcrPageResult& result) {
    auto digits = [](const std::string& t) {
      std::string d;
      for (char c : t)
        if (c >= '0' && c <= '9') d += c;
      return d;
    };
    auto is_figure = [&digits](const OcrWord& w) { return !digits(w.text).empty() && DigitShare(w.text) >= 0.5; };
    // A figure wrapped in its cell ("1" over "219", joined by
    // MergeWrappedNumbers) is read as a block, the others as one line.
    std::vector<double> heights;
    for (const OcrWord& w : result.words)
      if (is_figure(w)) heights.push_back(w.y1 - w.y0);
    if (heights.empty()) return;
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    const double line_height = heights[heights.size() / 2];
    api_.SetVariable("tessedit_char_whitelist", kAmountWhitelist);
    for (OcrWord& w : result.words) {
      if (!is_figure(w)) continue;
      const std::string first = digits(w.text);
      GrayImage crop = CropAround(work, w);
      if (crop.pixels.empty()) continue;
      api_.SetPageSegMode(w.y1 - w.y0 > 1.6 * line_height ? tesseract::PSM_SINGLE_BLOCK : tesseract::PSM_SINGLE_LINE);
      api_.SetImage(crop.pixels.data(), crop.width, crop.height, 1, crop.width);
      api_.SetSourceResolution(static_cast<int>(crop.dpi + 0.5));
      tesseract::ETEXT_DESC monitor;
      if (!ArmMonitor(monitor)) break;  // out of time: the first readings stand
      if (api_.Recognize(&monitor) != 0) continue;
      std::unique_ptr<char[]> text(api_.GetUTF8Text());
      std::string read = text ? text.get() : "";
      // A lone "0" comes back empty under the amount whitelist (and only
      // under it): nothing read is no second opinion, so it is read once
      // more without the whitelist.
      if (digits(read).empty() && first.size() == 1) {
        api_.SetVariable("tessedit_char_whitelist", "");
        tesseract::ETEXT_DESC again;
        if (ArmMonitor(again) && api_.Recognize(&again) == 0) {
          std::unique_ptr<char[]> plain(api_.GetUTF8Text());
          read = plain ? plain.get() : "";
        }
        api_.SetVariable("tessedit_char_whitelist", kAmountWhitelist);
      }
      // ("O" alone, read so without the whitelist, is the nought.)
      std::string trimmed = read;
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
      const std::string second = first == "0" && IsZeroLike(trimmed) ? "0" : digits(read);
      ++result.figures_reread;
      if (const char* dir = std::getenv("FINSAM_OCR_DEBUG_DIR"); dir && *dir) {
        for (char& c : read)
          if (c == '\n') c = ' ';
        const int x0 = static_cast<int>(w.x0), y0 = static_cast<int>(w.y0);
        fprintf(stderr, "second %s -> %s (%d,%d %dx%d)\n", w.text.c_str(), read.c_str(), x0, y0, crop.width, crop.height);
        WriteGrayPng(crop, std::string(dir) + "/second-" + std::to_string(x0) + "-" + std::to_string(y0) + ".png");
      }
      if (second != first) {
        AddReading(w.text, read, &w.readings);
        w.confidence = std::min(w.confidence, kSecondReadDoubt);
        ++result.figures_doubted;
      }
    }
    api_.SetVariable("tessedit_char_whitelist", "");
    api_.SetPageSegMode(tesseract::PSM_AUTO);
  }

  static constexpr float kMinOrientationConfidence = 5.0f;
  TesseractOptions options_;
  // Gives `monitor` the time left until deadline_ (Tesseract then stops
  // recognizing at it); false when the deadline has already passed.
  bool ArmMonitor(tesseract::ETEXT_DESC& monitor) const {
    if (deadline_ == std::chrono::steady_clock::time_point{}) return true;
    const int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           deadline_ - std::chrono::steady_clock::now()).count();
    if (ms <= 0) return false;
    monitor.set_deadline_msecs(static_cast<int32_t>(std::min<int64_t>(ms, INT32_MAX)));
    return true;
  }
  bool PastDeadline() const {
    return deadline_ != std::chrono::steady_clock::time_point{} && std::chrono::steady_clock::now() >= deadline_;
  }

  std::chrono::steady_clock::time_point deadline_{};
  tesseract::TessBaseAPI api_;
  std::unique_ptr<tesseract::TessBaseAPI> osd_;
  std::string identity_;  // CacheIdentity, set by Init
};

}  // namespace

void LimitOpenMpToOneThread() {
  setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
#ifdef _OPENMP
  // Tesseract asks for explicit team sizes (num_threads(10) in its LSTM), so
  // omp_set_num_threads alone is not enough; with no active levels allowed
  // every parallel region runs on the calling thread.
  omp_set_num_threads(1);
  omp_set_dynamic(0);
  omp_set_max_active_levels(0);
#endif
}

Result<std::unique_ptr<OcrEngine>> MakeTesseractEngine(const TesseractOptions& options) {
  LimitOpenMpToOneThread();
  try {
    auto engine = std::make_unique<TesseractEngine>(options);
    Status st = engine->Init();
    if (!st.ok()) return st;
    return std::unique_ptr<OcrEngine>(std::move(engine));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("Tesseract init failed: ") + e.what());
  }
}

std::string TesseractVersion() { return tesseract::TessBaseAPI::Version(); }

}  // namespace finsam
