/**
 * Anki's schema-11 collection (the `collection.anki2` inside legacy .apkg files): tables and the
 * JSON held in the `col` row, written from Anki's documented database structure.
 */

export const BASIC_MODEL_ID = 1700000000001;
export const CLOZE_MODEL_ID = 1700000000002;

export const SCHEMA_11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const CSS = '.card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }';

function field(name: string, ord: number) {
  return { name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] };
}

function template(name: string, qfmt: string, afmt: string) {
  return { name, ord: 0, qfmt, afmt, did: null, bqfmt: '', bafmt: '' };
}

export function modelsJson(sec: number) {
  const common = { mod: sec, usn: -1, sortf: 0, did: 1, css: CSS, latexPre: '', latexPost: '', latexsvg: false, tags: [], vers: [] };
  return {
    [BASIC_MODEL_ID]: {
      ...common,
      id: BASIC_MODEL_ID,
      name: 'Basic (StudyRoom)',
      type: 0,
      flds: [field('Front', 0), field('Back', 1)],
      tmpls: [template('Card 1', '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}')],
      req: [[0, 'any', [0]]],
    },
    [CLOZE_MODEL_ID]: {
      ...common,
      id: CLOZE_MODEL_ID,
      name: 'Cloze (StudyRoom)',
      type: 1,
      flds: [field('Text', 0), field('Back Extra', 1)],
      tmpls: [template('Cloze', '{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}')],
      req: [[0, 'any', [0]]],
    },
  };
}

export function deckJson(id: number, name: string, sec: number) {
  return {
    id,
    name,
    desc: '',
    mod: sec,
    usn: -1,
    collapsed: false,
    browserCollapsed: false,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

export function deckConfJson(sec: number) {
  return {
    id: 1,
    name: 'Default',
    mod: sec,
    usn: -1,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  };
}
