/*
 * The schema and its migrations. Migration N brings a model from user_version N-1 to N; each
 * runs in the transaction that bumps user_version, so a model is never half-migrated.
 */
#include "db_schema.h"

#include "util.h"

static const char migration_1[] =
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
    "CREATE TABLE element (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  slug TEXT NOT NULL UNIQUE,\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('external_entity','process','data_store',"
    "'data_flow','trust_boundary')),\n"
    "  type TEXT,\n"
    "  name TEXT NOT NULL,\n"
    "  description TEXT,\n"
    "  boundary_id INTEGER REFERENCES element(id) ON DELETE SET NULL,\n"
    "  is_log INTEGER NOT NULL DEFAULT 0,\n"
    "  out_of_scope INTEGER NOT NULL DEFAULT 0,\n"
    "  out_of_scope_reason TEXT,\n"
    "  source_id INTEGER REFERENCES element(id) ON DELETE CASCADE,\n"
    "  target_id INTEGER REFERENCES element(id) ON DELETE CASCADE,\n"
    "  protocol TEXT,\n"
    "  bidirectional INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE TABLE element_tag (element_id INTEGER NOT NULL REFERENCES element(id) ON DELETE "
    "CASCADE, pos INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (element_id, pos));\n"
    "CREATE TABLE flow_data (element_id INTEGER NOT NULL REFERENCES element(id) ON DELETE "
    "CASCADE, pos INTEGER NOT NULL, item TEXT NOT NULL, PRIMARY KEY (element_id, pos));\n"
    "CREATE TABLE assumption (id INTEGER PRIMARY KEY, text TEXT NOT NULL);\n"
    "CREATE TABLE threat (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  ref TEXT NOT NULL UNIQUE,\n"
    "  element_id INTEGER NOT NULL REFERENCES element(id) ON DELETE CASCADE,\n"
    "  letter TEXT NOT NULL CHECK (letter IN ('S','T','R','I','D','E')),\n"
    "  extra_letters TEXT NOT NULL DEFAULT '',\n"
    "  title TEXT NOT NULL,\n"
    "  description TEXT,\n"
    "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),\n"
    "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),\n"
    "  status TEXT NOT NULL,\n"
    "  justification TEXT,\n"
    "  origin TEXT NOT NULL,\n"
    "  raised_by TEXT,\n"
    "  raised_at TEXT,\n"
    "  provenance TEXT);\n"
    "CREATE INDEX threat_element ON threat(element_id);\n"
    "CREATE TABLE mitigation (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  ref TEXT NOT NULL UNIQUE,\n"
    "  title TEXT NOT NULL,\n"
    "  description TEXT,\n"
    "  status TEXT NOT NULL,\n"
    "  owner TEXT,\n"
    "  ticket TEXT,\n"
    "  due TEXT,\n"
    "  verification TEXT);\n"
    "CREATE TABLE threat_mitigation (\n"
    "  threat_id INTEGER NOT NULL REFERENCES threat(id) ON DELETE CASCADE,\n"
    "  mitigation_id INTEGER NOT NULL REFERENCES mitigation(id) ON DELETE CASCADE,\n"
    "  PRIMARY KEY (threat_id, mitigation_id));\n"
    "CREATE INDEX threat_mitigation_m ON threat_mitigation(mitigation_id);\n"
    "CREATE TABLE coverage (\n"
    "  element_id INTEGER NOT NULL REFERENCES element(id) ON DELETE CASCADE,\n"
    "  letter TEXT NOT NULL CHECK (letter IN ('S','T','R','I','D','E')),\n"
    "  state TEXT NOT NULL CHECK (state IN ('none','n/a')),\n"
    "  reason TEXT NOT NULL,\n"
    "  PRIMARY KEY (element_id, letter));\n"
    "CREATE TABLE session (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  mode TEXT NOT NULL DEFAULT 'workshop',\n"
    "  facilitator TEXT,\n"
    "  started_at TEXT NOT NULL,\n"
    "  ended_at TEXT,\n"
    "  notes TEXT);\n"
    "CREATE TABLE phase (\n"
    "  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,\n"
    "  pos INTEGER NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  timebox_min INTEGER NOT NULL,\n"
    "  started_at TEXT,\n"
    "  ended_at TEXT,\n"
    "  PRIMARY KEY (session_id, pos));\n"
    "CREATE TABLE answer (\n"
    "  element_id INTEGER NOT NULL REFERENCES element(id) ON DELETE CASCADE,\n"
    "  questionnaire TEXT NOT NULL,\n"
    "  question TEXT NOT NULL,\n"
    "  value TEXT NOT NULL,\n"
    "  note TEXT,\n"
    "  who TEXT,\n"
    "  answered_at TEXT,\n"
    "  session_id INTEGER REFERENCES session(id) ON DELETE SET NULL,\n"
    "  PRIMARY KEY (element_id, questionnaire, question));\n"
    "CREATE TABLE open_item (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  ref TEXT NOT NULL UNIQUE,\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('question','parking')),\n"
    "  text TEXT NOT NULL,\n"
    "  owner TEXT,\n"
    "  due TEXT,\n"
    "  element_id INTEGER REFERENCES element(id) ON DELETE SET NULL,\n"
    "  closed INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE TABLE participant (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL UNIQUE,\n"
    "  role TEXT);\n"
    "CREATE TABLE vote (\n"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,\n"
    "  threat_id INTEGER NOT NULL REFERENCES threat(id) ON DELETE CASCADE,\n"
    "  count INTEGER NOT NULL CHECK (count > 0),\n"
    "  PRIMARY KEY (participant_id, threat_id));\n"
    "CREATE TABLE change (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  at TEXT NOT NULL,\n"
    "  who TEXT NOT NULL,\n"
    "  action TEXT NOT NULL,\n"
    "  summary TEXT NOT NULL,\n"
    "  undone_by INTEGER REFERENCES change(id));\n"
    "CREATE TABLE change_row (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  change_id INTEGER NOT NULL REFERENCES change(id) ON DELETE CASCADE,\n"
    "  tbl TEXT NOT NULL,\n"
    "  row_key TEXT NOT NULL,\n"
    "  before TEXT,\n"
    "  after TEXT);\n"
    "CREATE INDEX change_row_change ON change_row(change_id);\n";

/* Version 2: what the questionnaire engine and review mode record. */
static const char migration_2[] =
    "CREATE TABLE questionnaire_snapshot (\n"
    "  id TEXT PRIMARY KEY,\n"
    "  version INTEGER NOT NULL,\n"
    "  hash TEXT NOT NULL,\n"
    "  content TEXT NOT NULL,\n"
    "  taken_at TEXT NOT NULL);\n"
    "CREATE TABLE suggestion_decision (\n"
    "  element_id INTEGER NOT NULL REFERENCES element(id) ON DELETE CASCADE,\n"
    "  questionnaire TEXT NOT NULL,\n"
    "  question TEXT NOT NULL,\n"
    "  answer TEXT NOT NULL,\n"
    "  idx INTEGER NOT NULL,\n"
    "  decision TEXT NOT NULL CHECK (decision IN ('accepted','skipped')),\n"
    "  threat_id INTEGER REFERENCES threat(id) ON DELETE SET NULL,\n"
    "  PRIMARY KEY (element_id, questionnaire, question, answer, idx));\n"
    "CREATE TABLE review (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  subject TEXT NOT NULL UNIQUE,\n"
    "  comment TEXT,\n"
    "  who TEXT,\n"
    "  at TEXT NOT NULL);\n";

/* Version 3: credit for decisions, resolved parking-lot items, who attended each session and
 * which questionnaire packs it chose, and who was speaking on which cell when it stopped. */
static const char migration_3[] =
    "ALTER TABLE coverage ADD COLUMN who TEXT;\n"
    "ALTER TABLE open_item ADD COLUMN resolution TEXT;\n"
    "ALTER TABLE session ADD COLUMN packs TEXT;\n"
    "CREATE TABLE session_participant (\n"
    "  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,\n"
    "  pos INTEGER NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  PRIMARY KEY (session_id, pos));\n"
    /* Where the room was: not the model (no audit, no undo, never exported). */
    "CREATE TABLE session_room (\n"
    "  session_id INTEGER PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,\n"
    "  speaker TEXT,\n"
    "  element TEXT,\n"
    "  letter TEXT);\n";

/*
 * Version 4: where infrastructure code put an element (file, line, resource, what the last import
 * did to it), and the evidence behind an answer the code settles (the team's value may differ:
 * it overruled the code). The indexes let a re-import replace thousands of elements: without
 * them each deleted element scanned the whole table for the boundaries and flows naming it.
 */
static const char migration_4[] =
    "ALTER TABLE element ADD COLUMN origin_file TEXT;\n"
    "ALTER TABLE element ADD COLUMN origin_line INTEGER;\n"
    "ALTER TABLE element ADD COLUMN origin_resource TEXT;\n"
    "ALTER TABLE element ADD COLUMN origin_type TEXT;\n"
    "ALTER TABLE element ADD COLUMN origin_property TEXT;\n"
    "ALTER TABLE element ADD COLUMN import_state TEXT NOT NULL DEFAULT '' "
    "CHECK (import_state IN ('','new','changed','removed'));\n"
    "ALTER TABLE answer ADD COLUMN evidence_file TEXT;\n"
    "ALTER TABLE answer ADD COLUMN evidence_line INTEGER;\n"
    "ALTER TABLE answer ADD COLUMN evidence_resource TEXT;\n"
    "ALTER TABLE answer ADD COLUMN evidence_property TEXT;\n"
    "ALTER TABLE answer ADD COLUMN evidence_value TEXT;\n"
    "CREATE INDEX element_boundary ON element(boundary_id);\n"
    "CREATE INDEX element_source ON element(source_id);\n"
    "CREATE INDEX element_target ON element(target_id);\n"
    "CREATE INDEX open_item_element ON open_item(element_id);\n";

static const char *const migrations[] = {migration_1, migration_2, migration_3, migration_4};

int db_schema_version(void)
{
	return (int)ARRAY_SIZE(migrations);
}

const char *db_schema_migration(int version)
{
	if (version < 1 || version > db_schema_version())
		return NULL;
	return migrations[version - 1];
}
