// Stable ids of facts and flags (issue 11, pipeline/store/stable_keys.h):
// the same in two databases, after a re-ingest and after a re-extraction by
// a newer pipeline version; decisions stay attached to them or are listed
// as orphaned; decisions made before ids existed are re-keyed by migration 6.
#include "pipeline/store/stable_keys.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "pipeline/pipeline.h"
#include "pipeline/store/cross_checks.h"
#include "pipeline/store/database.h"
#include "pipeline/store/schema.h"
#include "tests/support/text_files.h"

namespace finsam {
namespace {

namespace fs = std::filesystem;

std::string Corpus(const std::string& rel) { return std::string(FINSAM_SOURCE_DIR) + "/corpus/" + rel; }

Extraction Extract(const std::string& path) {
  PipelineOptions opts;
  opts.quiet = true;
  opts.ocr = OcrPolicy::kNever;
  Result<Extraction> ex = RunPipeline(path, opts);
  EXPECT_TRUE(ex.ok()) << ex.status().ToString();
  return ex.ok() ? *ex : Extraction{};
}

class StableKeysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "/finsam_keys_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Database> Open(const std::string& name) {
    Result<std::unique_ptr<Database>> db = Database::Open(dir_ + "/" + name);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  static std::vector<std::string> Column(Database& db, const std::string& sql) {
    std::vector<std::string> out;
    Result<SqliteStatement> q = db.sql().Prepare(sql);
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    while (q.ok() && q->Step()) out.push_back(q->Text(0));
    return out;
  }

  // stable id → rule|status, every flag.
  static std::map<std::string, std::string> FlagIds(Database& db) {
    std::map<std::string, std::string> out;
    Result<SqliteStatement> q = db.sql().Prepare("SELECT stable_id, rule || '|' || status FROM v_flags");
    while (q.ok() && q->Step()) {
      EXPECT_TRUE(out.emplace(q->Text(0), q->Text(1)).second) << "duplicate id " << q->Text(0);
    }
    return out;
  }

  std::string dir_;
};

TEST(StableIdTest, FormatAndDeterminism) {
  std::string a = StableId(kFlagIdPrefix, "abc|document|sum.section|T:x#0|R:y#0|C:budget:2020#0");
  EXPECT_EQ(a.size(), 10u);
  EXPECT_EQ(a.substr(0, 2), "F-");
  for (char c : a.substr(2)) EXPECT_NE(std::string("0123456789ABCDEFGHJKMNPQRSTVWXYZ").find(c), std::string::npos) << a;
  EXPECT_EQ(a, StableId(kFlagIdPrefix, "abc|document|sum.section|T:x#0|R:y#0|C:budget:2020#0"));
  EXPECT_NE(a, StableId(kFlagIdPrefix, "abc|document|sum.section|T:x#0|R:y#0|C:budget:2021#0"));
  EXPECT_EQ(StableId(kFactIdPrefix, "k").substr(0, 2), "V-");
  // Folding: case, diacritics and spacing do not change a key.
  EXPECT_EQ(FoldForKey("  Summa   Intäkter "), FoldForKey("summa intakter"));
  EXPECT_EQ(FoldForKey("Övriga kostnader"), "ovriga kostnader");
}

TEST_F(StableKeysTest, SameIdsInTwoDatabasesAndAfterReextraction) {
  std::vector<std::string> docs = {Corpus("gavleborg-vp-2020/received.txt"), Corpus("gavleborg-ar-2020/received.txt"),
                                   Corpus("jamtland-vp-2019/received.txt")};
  std::vector<Extraction> ex;
  for (const std::string& d : docs) ex.push_back(Extract(d));
  std::unique_ptr<Database> a = Open("a.db");
  std::unique_ptr<Database> b = Open("b.db");
  for (const Extraction& e : ex) ASSERT_TRUE(a->Load(e).ok());
  // The other database loads them in another order: other row ids, same stable ids.
  for (auto it = ex.rbegin(); it != ex.rend(); ++it) ASSERT_TRUE(b->Load(*it).ok());
  std::map<std::string, std::string> ids_a = FlagIds(*a), ids_b = FlagIds(*b);
  ASSERT_GT(ids_a.size(), 50u);
  EXPECT_EQ(ids_a, ids_b);
  EXPECT_EQ(Column(*a, "SELECT stable_id FROM facts ORDER BY stable_id"),
            Column(*b, "SELECT stable_id FROM facts ORDER BY stable_id"));
  EXPECT_EQ(a->sql().QueryInt("SELECT count(*) FROM flags WHERE stable_id IS NULL"), 0);
  EXPECT_EQ(a->sql().QueryInt("SELECT count(*) FROM facts WHERE stable_id IS NULL"), 0);
  EXPECT_EQ(a->sql().QueryInt("SELECT count(DISTINCT stable_id) = count(*) FROM facts"), 1);
  // Numeric ids differ between the two databases (the reason for stable ids).
  EXPECT_NE(Column(*a, "SELECT flag_id || stable_id FROM flags ORDER BY stable_id"),
            Column(*b, "SELECT flag_id || stable_id FROM flags ORDER BY stable_id"));
  // Re-extraction by a "newer" pipeline: every document again.
  ASSERT_TRUE(a->sql().Exec("UPDATE documents SET pipeline_version = 0").ok());
  for (const Extraction& e : ex) {
    Result<LoadResult> r = a->Load(e);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->outcome, LoadOutcome::kReextracted);
  }
  EXPECT_EQ(FlagIds(*a), ids_b);
}

TEST_F(StableKeysTest, DecisionsSurvivePipelineVersionReextraction) {
  Extraction vp = Extract(Corpus("gavleborg-vp-2020/received.txt"));
  Extraction ar = Extract(Corpus("gavleborg-ar-2020/received.txt"));
  std::unique_ptr<Database> db = Open("d.db");
  ASSERT_TRUE(db->Load(vp).ok());
  ASSERT_TRUE(db->Load(ar).ok());
  // Accept one in-document and one cross-document flag; correct one fact.
  std::vector<std::string> flags = Column(*db,
      "SELECT stable_id FROM v_flags WHERE rule IN ('sum.section', 'cross.plan_budget') "
      "GROUP BY rule ORDER BY rule");
  ASSERT_EQ(flags.size(), 2u);
  for (const std::string& id : flags) {
    Result<ResolvedId> r = ResolveFlag(db->sql(), id);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_TRUE(AcceptFlag(db->sql(), r->row_id, "reviewer", "as printed").ok());
  }
  std::string fact = Column(*db,
      "SELECT stable_id FROM v_financial WHERE category = 'income.total' AND column_kind = 'budget' "
      "AND doc_kind LIKE '%rsredovisning' LIMIT 1").at(0);
  Result<ResolvedId> f = ResolveFact(db->sql(), fact);
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE(CorrectFact(db->sql(), f->row_id, 13321, "reviewer", "test").ok());
  auto verify = [&] {
    for (const std::string& id : flags)
      EXPECT_EQ(Column(*db, "SELECT status FROM v_flags WHERE stable_id = '" + id + "'"),
                std::vector<std::string>{"accepted"});
    EXPECT_EQ(Column(*db, "SELECT amount_sek || ' ' || status FROM v_financial WHERE stable_id = '" + fact + "'"),
              std::vector<std::string>{"13321000 corrected"});
    Result<std::vector<OrphanDecision>> orphans = OrphanDecisions(db->sql());
    ASSERT_TRUE(orphans.ok());
    EXPECT_TRUE(orphans->empty());
  };
  verify();
  // A newer pipeline version meets the same bytes: everything re-extracted,
  // all row ids new.
  int64_t max_fact = *db->sql().QueryInt("SELECT max(fact_id) FROM facts");
  ASSERT_TRUE(db->sql().Exec("UPDATE documents SET pipeline_version = " + std::to_string(kPipelineVersion - 1)).ok());
  for (const Extraction* e : {&vp, &ar}) {
    Result<LoadResult> r = db->Load(*e);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->outcome, LoadOutcome::kReextracted);
  }
  EXPECT_GT(*db->sql().QueryInt("SELECT min(fact_id) FROM facts"), max_fact);
  verify();
}

TEST_F(StableKeysTest, DecisionOnARowANewerPipelineReadsDifferentlyIsOrphanedNotLost) {
  Extraction ar = Extract(Corpus("gavleborg-ar-2020/received.txt"));
  std::unique_ptr<Database> db = Open("o.db");
  ASSERT_TRUE(db->Load(ar).ok());
  // A flag about "Kortfristiga skulder"-like row: take any sum.section flag
  // and the label of its main row.
  std::vector<std::string> row = Column(*db,
      "SELECT f.stable_id || '|' || r.label FROM flags f JOIN flag_facts ff ON ff.flag_id = f.flag_id AND ff.seq = 0 "
      "JOIN facts x ON x.fact_id = ff.fact_id JOIN fin_rows r ON r.row_id = x.row_id "
      "WHERE f.rule = 'sum.section' ORDER BY f.stable_id LIMIT 1");
  ASSERT_EQ(row.size(), 1u);
  std::string id = row[0].substr(0, row[0].find('|')), label = row[0].substr(row[0].find('|') + 1);
  Result<ResolvedId> r = ResolveFlag(db->sql(), id);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(AcceptFlag(db->sql(), r->row_id, "reviewer", "checked").ok());
  // The "newer pipeline" reads that label differently.
  Extraction changed = ar;
  int renamed = 0;
  for (FinancialTable& t : changed.tables)
    for (TableRow& rw : t.rows)
      if (rw.label == label) {
        rw.label = "Summa (read differently)";
        ++renamed;
      }
  ASSERT_GT(renamed, 0);
  ASSERT_TRUE(db->sql().Exec("UPDATE documents SET pipeline_version = 0").ok());
  ASSERT_TRUE(db->Load(changed).ok());
  Result<std::vector<OrphanDecision>> orphans = OrphanDecisions(db->sql());
  ASSERT_TRUE(orphans.ok());
  ASSERT_EQ(orphans->size(), 1u);
  EXPECT_EQ((*orphans)[0].kind, "accept");
  EXPECT_EQ((*orphans)[0].stable_id, id);
  EXPECT_NE((*orphans)[0].content_key.find("sum.section"), std::string::npos) << (*orphans)[0].content_key;
  EXPECT_NE((*orphans)[0].document.find("received.txt"), std::string::npos);
  EXPECT_EQ(db->sql().QueryInt("SELECT count(*) FROM decisions"), 1);  // kept
  // Back to the old reading: attached again.
  ASSERT_TRUE(db->sql().Exec("UPDATE documents SET pipeline_version = 0").ok());
  ASSERT_TRUE(db->Load(ar).ok());
  EXPECT_TRUE(OrphanDecisions(db->sql())->empty());
  EXPECT_EQ(Column(*db, "SELECT status FROM v_flags WHERE stable_id = '" + id + "'"),
            std::vector<std::string>{"accepted"});
}

TEST_F(StableKeysTest, ResolvesTypedIds) {
  std::unique_ptr<Database> db = Open("r.db");
  ASSERT_TRUE(db->Load(Extract(Corpus("gavleborg-vp-2020/received.txt"))).ok());
  std::string id = Column(*db, "SELECT stable_id FROM flags ORDER BY flag_id LIMIT 1").at(0);
  int64_t row = *db->sql().QueryInt("SELECT flag_id FROM flags WHERE stable_id = '" + id + "'");
  struct Case {
    std::string typed;
    bool ok;
  };
  std::string lower = id;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Case& c : std::vector<Case>{{id, true},
                                         {lower, true},
                                         {id.substr(0, 6), true},  // a prefix, unique in this small database
                                         {id.substr(0, 5), false}, // fewer than 4 digits
                                         {"V" + id.substr(1), false},
                                         {"F-ZZZZZZZZ", false},
                                         {std::to_string(row), true},
                                         {"999999", false}}) {
    Result<ResolvedId> r = ResolveFlag(db->sql(), c.typed);
    EXPECT_EQ(r.ok(), c.ok) << c.typed;
    if (r.ok() && c.ok) {
      EXPECT_EQ(r->row_id, row) << c.typed;
      EXPECT_EQ(r->stable_id, id);
    }
  }
}

// A database from before stable ids (schema 4, decisions keyed by flag_key
// and by table seq / row label / column) is migrated: its acceptance and its
// correction attach to the new ids; one that matches nothing is orphaned.
TEST_F(StableKeysTest, MigrationSixRekeysOldDecisions) {
  std::string path = dir_ + "/old.db";
  Extraction ar = Extract(Corpus("gavleborg-ar-2020/received.txt"));
  std::string flag_key, sha;
  int64_t table_seq = 0, col = 0;
  std::string label;
  {
    std::unique_ptr<Database> db = Open("old.db");
    ASSERT_TRUE(db->Load(ar).ok());
    sha = Column(*db, "SELECT sha256 FROM documents").at(0);
    flag_key = Column(*db, "SELECT flag_key FROM flags WHERE rule = 'sum.section' ORDER BY flag_id LIMIT 1").at(0);
    std::vector<std::string> fact = Column(*db,
        "SELECT t.seq || '|' || x.col || '|' || r.label FROM facts x JOIN fin_rows r ON r.row_id = x.row_id "
        "JOIN fin_tables t ON t.table_id = r.table_id WHERE r.category = 'equity' ORDER BY x.fact_id LIMIT 1");
    ASSERT_EQ(fact.size(), 1u);
    table_seq = std::stoll(fact[0]);
    col = std::stoll(fact[0].substr(fact[0].find('|') + 1));
    label = fact[0].substr(fact[0].find('|', fact[0].find('|') + 1) + 1);
    // Turn it back into a database from before migration 6 (and 7).
    SqliteDb& s = db->sql();
    for (const std::string& v : OwnViewNames()) ASSERT_TRUE(s.Exec("DROP VIEW IF EXISTS " + v).ok());
    for (const char* sql :
         {"DROP INDEX facts_stable", "DROP INDEX flags_stable", "DROP INDEX decisions_stable",
          "ALTER TABLE facts DROP COLUMN fact_key", "ALTER TABLE facts DROP COLUMN stable_id",
          "ALTER TABLE flags DROP COLUMN content_key", "ALTER TABLE flags DROP COLUMN stable_id",
          "ALTER TABLE flags DROP COLUMN suggested_value", "ALTER TABLE flags DROP COLUMN suggested_fact_id",
          "ALTER TABLE decisions DROP COLUMN stable_id", "ALTER TABLE decisions DROP COLUMN content_key",
          "DROP TABLE fact_corrections",
          "ALTER TABLE fin_columns DROP COLUMN period",  // migration 7
          "CREATE TABLE corrections(document_sha256 TEXT NOT NULL, table_seq INTEGER NOT NULL, row_label TEXT NOT NULL,"
          " row_occurrence INTEGER NOT NULL, col INTEGER NOT NULL, amount_sek INTEGER, value REAL,"
          " decision_id INTEGER NOT NULL REFERENCES decisions(decision_id),"
          " PRIMARY KEY(document_sha256, table_seq, row_label, row_occurrence, col))",
          "UPDATE schema_info SET value = '5' WHERE key = 'schema_version'",  // migration 5 (organisations) stays
          "DELETE FROM schema_info WHERE key = 'views_key'"})
      ASSERT_TRUE(s.Exec(sql).ok()) << sql;
    // Old-style decisions: an acceptance, a correction, and an acceptance
    // of a flag that no longer exists.
    Result<SqliteStatement> ins = s.Prepare(
        "INSERT INTO decisions(kind, document_sha256, flag_key, table_seq, row_label, row_occurrence, col, "
        "amount_sek, value, decided_by, decided_at) VALUES(?,?,?,?,?,0,?,?,?,'old','2024-01-01T00:00:00Z')");
    ASSERT_TRUE(ins.ok());
    ins->Bind(1, "accept").Bind(2, sha).Bind(3, flag_key).BindNull(4).BindNull(5).BindNull(6).BindNull(7).BindNull(8);
    ASSERT_TRUE(ins->Run().ok());
    ins->Bind(1, "accept").Bind(2, sha).Bind(3, "sum.section|t99|Gone|c1").BindNull(4).BindNull(5).BindNull(6);
    ins->BindNull(7).BindNull(8);
    ASSERT_TRUE(ins->Run().ok());
    ins->Bind(1, "correct").Bind(2, sha).BindNull(3).Bind(4, table_seq).Bind(5, label).Bind(6, col);
    ins->Bind(7, static_cast<int64_t>(6631000)).Bind(8, 6631.0);
    ASSERT_TRUE(ins->Run().ok());
    ASSERT_TRUE(s.Exec("INSERT INTO corrections VALUES('" + sha + "', " + std::to_string(table_seq) + ", '" + label +
                       "', 0, " + std::to_string(col) + ", 6631000, 6631, 3)")
                    .ok());
  }
  std::unique_ptr<Database> db = Open("old.db");  // migrates
  ASSERT_TRUE(db);
  EXPECT_EQ(db->sql().QueryInt("SELECT CAST(value AS INTEGER) FROM schema_info WHERE key = 'schema_version'"),
            LatestSchemaVersion());
  EXPECT_EQ(db->sql().QueryInt("SELECT count(*) FROM facts WHERE stable_id IS NULL"), 0);
  EXPECT_EQ(db->sql().QueryInt("SELECT count(*) FROM v_flags WHERE status = 'accepted' AND flag_key = '" + flag_key +
                               "'"),
            1);
  EXPECT_EQ(Column(*db, "SELECT amount_sek || ' ' || status FROM v_financial WHERE category = 'equity' "
                        "ORDER BY fact_id LIMIT 1"),
            std::vector<std::string>{"6631000 corrected"});
  Result<std::vector<OrphanDecision>> orphans = OrphanDecisions(db->sql());
  ASSERT_TRUE(orphans.ok());
  ASSERT_EQ(orphans->size(), 1u);
  EXPECT_EQ((*orphans)[0].content_key, "sum.section|t99|Gone|c1");
}

}  // namespace
}  // namespace finsam
