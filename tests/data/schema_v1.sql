-- qcoder project schema, version 1 (frozen): codings had no origin column.
-- Used by tests/core/test_store.py to check migration of an old project.
CREATE TABLE meta (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE documents (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	text TEXT NOT NULL, 
	content_hash VARCHAR(64) NOT NULL, 
	source_name VARCHAR(1024) NOT NULL, 
	import_format VARCHAR(16) NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	created DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uuid), 
	UNIQUE (name)
);
CREATE INDEX ix_documents_content_hash ON documents (content_hash);
CREATE TABLE cases (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uuid), 
	UNIQUE (name)
);
CREATE TABLE attributes (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	type VARCHAR(16) NOT NULL, 
	categories JSON, 
	PRIMARY KEY (id), 
	UNIQUE (uuid), 
	UNIQUE (name)
);
CREATE TABLE codebooks (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	ident VARCHAR(128) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	version INTEGER NOT NULL, 
	language VARCHAR(8) NOT NULL, 
	sources JSON, 
	description TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uuid), 
	UNIQUE (ident), 
	UNIQUE (name)
);
CREATE TABLE coders (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uuid), 
	UNIQUE (name)
);
CREATE TABLE speakers (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	document_id INTEGER NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	is_interviewer BOOLEAN NOT NULL, 
	case_id INTEGER, 
	PRIMARY KEY (id), 
	UNIQUE (document_id, name), 
	UNIQUE (uuid), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE SET NULL
);
CREATE TABLE document_cases (
	document_id INTEGER NOT NULL, 
	case_id INTEGER NOT NULL, 
	PRIMARY KEY (document_id, case_id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE
);
CREATE TABLE case_values (
	case_id INTEGER NOT NULL, 
	attribute_id INTEGER NOT NULL, 
	text_value TEXT, 
	number_value FLOAT, 
	date_value DATE, 
	bool_value BOOLEAN, 
	PRIMARY KEY (case_id, attribute_id), 
	FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE, 
	FOREIGN KEY(attribute_id) REFERENCES attributes (id) ON DELETE CASCADE
);
CREATE TABLE codes (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	codebook_id INTEGER NOT NULL, 
	parent_id INTEGER, 
	position INTEGER NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	label_da VARCHAR(255) NOT NULL, 
	label_en VARCHAR(255) NOT NULL, 
	color VARCHAR(9) NOT NULL, 
	definition TEXT NOT NULL, 
	include TEXT NOT NULL, 
	exclude TEXT NOT NULL, 
	indicators JSON, 
	example TEXT NOT NULL, 
	keywords JSON, 
	survey_items JSON, 
	origin VARCHAR(16) NOT NULL, 
	round_added INTEGER NOT NULL, 
	flagged TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uuid), 
	FOREIGN KEY(codebook_id) REFERENCES codebooks (id) ON DELETE CASCADE, 
	FOREIGN KEY(parent_id) REFERENCES codes (id) ON DELETE CASCADE
);
CREATE TABLE hypotheses (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	codebook_id INTEGER, 
	ident VARCHAR(32) NOT NULL, 
	parent_ident VARCHAR(32), 
	position INTEGER NOT NULL, 
	label VARCHAR(255) NOT NULL, 
	statement TEXT NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	display_columns JSON, 
	PRIMARY KEY (id), 
	UNIQUE (uuid), 
	FOREIGN KEY(codebook_id) REFERENCES codebooks (id) ON DELETE SET NULL, 
	UNIQUE (ident)
);
CREATE TABLE memos (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	target_kind VARCHAR(16) NOT NULL, 
	target_uuid VARCHAR(36), 
	coder_id INTEGER, 
	title VARCHAR(255) NOT NULL, 
	text TEXT NOT NULL, 
	created DATETIME NOT NULL, 
	updated DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uuid), 
	FOREIGN KEY(coder_id) REFERENCES coders (id) ON DELETE SET NULL
);
CREATE INDEX ix_memos_target ON memos (target_kind, target_uuid);
CREATE TABLE structure_ranges (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	label VARCHAR(255) NOT NULL, 
	speaker_id INTEGER, 
	time_start FLOAT, 
	time_end FLOAT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(speaker_id) REFERENCES speakers (id) ON DELETE SET NULL
);
CREATE INDEX ix_ranges_doc_kind ON structure_ranges (document_id, kind, start);
CREATE TABLE code_hypotheses (
	code_id INTEGER NOT NULL, 
	hypothesis_id INTEGER NOT NULL, 
	direction VARCHAR(16) NOT NULL, 
	PRIMARY KEY (code_id, hypothesis_id), 
	FOREIGN KEY(code_id) REFERENCES codes (id) ON DELETE CASCADE, 
	FOREIGN KEY(hypothesis_id) REFERENCES hypotheses (id) ON DELETE CASCADE
);
CREATE TABLE codings (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	document_id INTEGER NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	code_id INTEGER NOT NULL, 
	coder_id INTEGER NOT NULL, 
	round INTEGER NOT NULL, 
	created DATETIME NOT NULL, 
	memo TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (uuid), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(code_id) REFERENCES codes (id) ON DELETE CASCADE, 
	FOREIGN KEY(coder_id) REFERENCES coders (id) ON DELETE CASCADE
);
CREATE INDEX ix_codings_doc ON codings (document_id, start);
CREATE INDEX ix_codings_code ON codings (code_id);
CREATE INDEX ix_codings_coder ON codings (coder_id);
