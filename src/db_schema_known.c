/*
 * This build's model schema as db_verify_schema() compares it: "type name" and
 * its normalised definition in turn. Made by tests/unit/test_db.c, which fails
 * when the migrations change it (it writes the new table for this file).
 */
#include "db_internal.h"

const char *const db_schema_known[] = {
    "table meta",
    "meta create table meta(key text primary key,value text not null)",
    "index sqlite_autoindex_meta_1",
    "meta ",
    "table element",
    "element create table element(id integer primary key,slug text not null unique,kind text not "
    "null check(kind "
    "in('external_entity','process','data_store','data_flow','trust_boundary')),type text,name "
    "text not null,description text,boundary_id integer references element(id)on delete set "
    "null,is_log integer not null default 0,out_of_scope integer not null default "
    "0,out_of_scope_reason text,source_id integer references element(id)on delete "
    "cascade,target_id integer references element(id)on delete cascade,protocol text,bidirectional "
    "integer not null default 0,origin_file text,origin_line integer,origin_resource "
    "text,origin_type text,origin_property text,import_state text not null default '' "
    "check(import_state in('','new','changed','removed')))",
    "index sqlite_autoindex_element_1",
    "element ",
    "table element_tag",
    "element_tag create table element_tag(element_id integer not null references element(id)on "
    "delete cascade,pos integer not null,tag text not null,primary key(element_id,pos))",
    "index sqlite_autoindex_element_tag_1",
    "element_tag ",
    "table flow_data",
    "flow_data create table flow_data(element_id integer not null references element(id)on delete "
    "cascade,pos integer not null,item text not null,primary key(element_id,pos))",
    "index sqlite_autoindex_flow_data_1",
    "flow_data ",
    "table assumption",
    "assumption create table assumption(id integer primary key,text text not null)",
    "table threat",
    "threat create table threat(id integer primary key,ref text not null unique,element_id integer "
    "not null references element(id)on delete cascade,letter text not null check(letter "
    "in('S','T','R','I','D','E')),extra_letters text not null default '',title text not "
    "null,description text,likelihood integer not null check(likelihood between 1 and 5),impact "
    "integer not null check(impact between 1 and 5),status text not null,justification text,origin "
    "text not null,raised_by text,raised_at text,provenance text)",
    "index sqlite_autoindex_threat_1",
    "threat ",
    "index threat_element",
    "threat create index threat_element on threat(element_id)",
    "table mitigation",
    "mitigation create table mitigation(id integer primary key,ref text not null unique,title text "
    "not null,description text,status text not null,owner text,ticket text,due text,verification "
    "text)",
    "index sqlite_autoindex_mitigation_1",
    "mitigation ",
    "table threat_mitigation",
    "threat_mitigation create table threat_mitigation(threat_id integer not null references "
    "threat(id)on delete cascade,mitigation_id integer not null references mitigation(id)on delete "
    "cascade,primary key(threat_id,mitigation_id))",
    "index sqlite_autoindex_threat_mitigation_1",
    "threat_mitigation ",
    "index threat_mitigation_m",
    "threat_mitigation create index threat_mitigation_m on threat_mitigation(mitigation_id)",
    "table coverage",
    "coverage create table coverage(element_id integer not null references element(id)on delete "
    "cascade,letter text not null check(letter in('S','T','R','I','D','E')),state text not null "
    "check(state in('none','n/a')),reason text not null,who text,primary key(element_id,letter))",
    "index sqlite_autoindex_coverage_1",
    "coverage ",
    "table session",
    "session create table session(id integer primary key,mode text not null default "
    "'workshop',facilitator text,started_at text not null,ended_at text,notes text,packs text)",
    "table phase",
    "phase create table phase(session_id integer not null references session(id)on delete "
    "cascade,pos integer not null,name text not null,timebox_min integer not null,started_at "
    "text,ended_at text,primary key(session_id,pos))",
    "index sqlite_autoindex_phase_1",
    "phase ",
    "table answer",
    "answer create table answer(element_id integer not null references element(id)on delete "
    "cascade,questionnaire text not null,question text not null,value text not null,note text,who "
    "text,answered_at text,session_id integer references session(id)on delete set "
    "null,evidence_file text,evidence_line integer,evidence_resource text,evidence_property "
    "text,evidence_value text,primary key(element_id,questionnaire,question))",
    "index sqlite_autoindex_answer_1",
    "answer ",
    "table open_item",
    "open_item create table open_item(id integer primary key,ref text not null unique,kind text "
    "not null check(kind in('question','parking')),text text not null,owner text,due "
    "text,element_id integer references element(id)on delete set null,closed integer not null "
    "default 0,resolution text)",
    "index sqlite_autoindex_open_item_1",
    "open_item ",
    "table participant",
    "participant create table participant(id integer primary key,name text not null unique,role "
    "text)",
    "index sqlite_autoindex_participant_1",
    "participant ",
    "table vote",
    "vote create table vote(participant_id integer not null references participant(id)on delete "
    "cascade,threat_id integer not null references threat(id)on delete cascade,count integer not "
    "null check(count > 0),primary key(participant_id,threat_id))",
    "index sqlite_autoindex_vote_1",
    "vote ",
    "table change",
    "change create table change(id integer primary key,at text not null,who text not null,action "
    "text not null,summary text not null,undone_by integer references change(id))",
    "table change_row",
    "change_row create table change_row(id integer primary key,change_id integer not null "
    "references change(id)on delete cascade,tbl text not null,row_key text not null,before "
    "text,after text)",
    "index change_row_change",
    "change_row create index change_row_change on change_row(change_id)",
    "table questionnaire_snapshot",
    "questionnaire_snapshot create table questionnaire_snapshot(id text primary key,version "
    "integer not null,hash text not null,content text not null,taken_at text not null)",
    "index sqlite_autoindex_questionnaire_snapshot_1",
    "questionnaire_snapshot ",
    "table suggestion_decision",
    "suggestion_decision create table suggestion_decision(element_id integer not null references "
    "element(id)on delete cascade,questionnaire text not null,question text not null,answer text "
    "not null,idx integer not null,decision text not null check(decision "
    "in('accepted','skipped')),threat_id integer references threat(id)on delete set null,primary "
    "key(element_id,questionnaire,question,answer,idx))",
    "index sqlite_autoindex_suggestion_decision_1",
    "suggestion_decision ",
    "table review",
    "review create table review(id integer primary key,subject text not null unique,comment "
    "text,who text,at text not null)",
    "index sqlite_autoindex_review_1",
    "review ",
    "table session_participant",
    "session_participant create table session_participant(session_id integer not null references "
    "session(id)on delete cascade,pos integer not null,name text not null,primary "
    "key(session_id,pos))",
    "index sqlite_autoindex_session_participant_1",
    "session_participant ",
    "table session_room",
    "session_room create table session_room(session_id integer primary key references "
    "session(id)on delete cascade,speaker text,element text,letter text)",
    "index element_boundary",
    "element create index element_boundary on element(boundary_id)",
    "index element_source",
    "element create index element_source on element(source_id)",
    "index element_target",
    "element create index element_target on element(target_id)",
    "index open_item_element",
    "open_item create index open_item_element on open_item(element_id)",
    "table sqlite_stat1",
    "sqlite_stat1 create table sqlite_stat1(tbl,idx,stat)",
    "table sqlite_stat4",
    "sqlite_stat4 create table sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
    NULL,
};
