/**
 * Every cell of docs/authorization.md: each endpoint × {guest, student member, student not member,
 * instructor owner, instructor not owner}. Refusals must carry the documented status and a message,
 * and must change nothing in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Actor, type Harness, type RouteModule } from './harness';
import { fingerprint, makeClass, signUpPeople, type ClassFixture, type People } from './fixtures';

type Who = 'guest' | 'outsider' | 'other' | 'member' | 'owner';
// why: refusals run first so the allowed calls (which change state) cannot mask them.
const ORDER: Who[] = ['guest', 'outsider', 'other', 'member', 'owner'];

interface Row {
  name: string;
  route: () => Promise<RouteModule>;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  params?: (fx: ClassFixture, p: People) => Record<string, string>;
  body?: (fx: ClassFixture, p: People) => unknown;
  prepare?: (fx: ClassFixture, p: People) => Promise<void>;
  expect: Record<Who, number>;
}

const classRoute = () => import('@/app/api/classes/route');
const classIdRoute = () => import('@/app/api/classes/[id]/route');
const memberRoute = () => import('@/app/api/classes/[id]/members/[userId]/route');
const classDecksRoute = () => import('@/app/api/classes/[id]/decks/route');
const classDeckRoute = () => import('@/app/api/classes/[id]/decks/[deckId]/route');
const classAssignmentsRoute = () => import('@/app/api/classes/[id]/assignments/route');
const assignmentRoute = () => import('@/app/api/assignments/[id]/route');
const startRoute = () => import('@/app/api/assignments/[id]/start/route');
const answerRoute = () => import('@/app/api/assignments/[id]/answer/route');
const submitRoute = () => import('@/app/api/assignments/[id]/submit/route');
const editorDecksRoute = () => import('@/app/api/editor/decks/route');
const editorDeckRoute = () => import('@/app/api/editor/decks/[id]/route');
const duplicateRoute = () => import('@/app/api/editor/decks/[id]/duplicate/route');
const cardsRoute = () => import('@/app/api/editor/decks/[id]/cards/route');
const cardRoute = () => import('@/app/api/editor/decks/[id]/cards/[cardId]/route');

const byClass = (fx: ClassFixture) => ({ id: fx.classId });
const byAssignment = (fx: ClassFixture) => ({ id: fx.assignmentId });
const CARD = { kind: 'basic', section: 'Own › Facts', prompt: 'What is SQS?', answer: 'A queue' };

let h: Harness;
let people: People;

async function startFor(p: People, fx: ClassFixture) {
  const { startAttempt } = await import('@/server/assignments/assignment-take');
  const { asUser } = await import('./fixtures');
  await startAttempt(await h.db(), asUser(p.member), fx.assignmentId, new Date('2026-01-05T09:00:00Z'));
}

async function firstChoice(fx: ClassFixture) {
  const prisma = await h.db();
  const a = await prisma.assignment.findUniqueOrThrow({ where: { id: fx.assignmentId } });
  const q = (a.questions as { kind: string }[])[0]!;
  return { questionIndex: 0, choice: q.kind === 'type' ? 'an answer' : [0] };
}

const CLASS_ROWS: Row[] = [
  { name: 'GET /api/classes', route: classRoute, method: 'GET', expect: { guest: 401, outsider: 200, other: 200, member: 200, owner: 200 } },
  { name: 'POST /api/classes', route: classRoute, method: 'POST', body: () => ({ name: 'New' }), expect: { guest: 401, outsider: 403, other: 201, member: 403, owner: 201 } },
  {
    name: 'POST /api/classes/join',
    route: () => import('@/app/api/classes/join/route'),
    method: 'POST',
    body: (fx) => ({ code: fx.joinCode }),
    expect: { guest: 401, outsider: 200, other: 403, member: 200, owner: 403 },
  },
  { name: 'GET /api/classes/:id', route: classIdRoute, method: 'GET', params: byClass, expect: { guest: 401, outsider: 404, other: 404, member: 200, owner: 200 } },
  {
    name: 'PATCH /api/classes/:id',
    route: classIdRoute,
    method: 'PATCH',
    params: byClass,
    body: () => ({ allowGuests: true, name: 'Renamed' }),
    expect: { guest: 401, outsider: 404, other: 404, member: 403, owner: 200 },
  },
  {
    name: 'DELETE /api/classes/:id/members/:userId (another student)',
    route: memberRoute,
    method: 'DELETE',
    params: (fx, p) => ({ id: fx.classId, userId: p.member2.id }),
    expect: { guest: 401, outsider: 404, other: 404, member: 403, owner: 200 },
  },
  {
    name: 'POST /api/classes/:id/decks',
    route: classDecksRoute,
    method: 'POST',
    params: byClass,
    body: () => ({ deckId: 'sns' }),
    expect: { guest: 401, outsider: 404, other: 404, member: 403, owner: 201 },
  },
  {
    name: 'DELETE /api/classes/:id/decks/:deckId',
    route: classDeckRoute,
    method: 'DELETE',
    params: (fx) => ({ id: fx.classId, deckId: 'sqs' }),
    expect: { guest: 401, outsider: 404, other: 404, member: 403, owner: 200 },
  },
  {
    name: 'GET /api/classes/:id/assignments',
    route: classAssignmentsRoute,
    method: 'GET',
    params: byClass,
    expect: { guest: 401, outsider: 404, other: 404, member: 200, owner: 200 },
  },
  {
    name: 'POST /api/classes/:id/assignments',
    route: classAssignmentsRoute,
    method: 'POST',
    params: byClass,
    body: () => ({ title: 'Quiz', deckId: 'sqs', questionCount: 2, dueAt: '2030-01-01T00:00:00Z' }),
    expect: { guest: 401, outsider: 404, other: 404, member: 403, owner: 201 },
  },
];

const ASSIGNMENT_ROWS: Row[] = [
  { name: 'GET /api/assignments/:id', route: assignmentRoute, method: 'GET', params: byAssignment, expect: { guest: 401, outsider: 404, other: 404, member: 200, owner: 200 } },
  {
    name: 'DELETE /api/assignments/:id',
    route: assignmentRoute,
    method: 'DELETE',
    params: byAssignment,
    expect: { guest: 401, outsider: 404, other: 404, member: 403, owner: 200 },
  },
  { name: 'POST /api/assignments/:id/start', route: startRoute, method: 'POST', params: byAssignment, expect: { guest: 401, outsider: 404, other: 404, member: 200, owner: 403 } },
  {
    name: 'POST /api/assignments/:id/answer',
    route: answerRoute,
    method: 'POST',
    params: byAssignment,
    prepare: (fx, p) => startFor(p, fx),
    body: () => undefined,
    expect: { guest: 401, outsider: 404, other: 404, member: 200, owner: 403 },
  },
  {
    name: 'POST /api/assignments/:id/submit',
    route: submitRoute,
    method: 'POST',
    params: byAssignment,
    prepare: (fx, p) => startFor(p, fx),
    expect: { guest: 401, outsider: 404, other: 404, member: 200, owner: 403 },
  },
];

// Deck editor: "member"/"outsider" are students (403 everywhere), "owner" owns the deck, "other" is another instructor.
const EDITOR_ROWS: Row[] = [
  { name: 'GET /api/editor/decks', route: editorDecksRoute, method: 'GET', expect: { guest: 401, outsider: 403, other: 200, member: 403, owner: 200 } },
  { name: 'POST /api/editor/decks', route: editorDecksRoute, method: 'POST', body: () => ({ title: 'T' }), expect: { guest: 401, outsider: 403, other: 201, member: 403, owner: 201 } },
  { name: 'GET /api/editor/decks/:id (own deck)', route: editorDeckRoute, method: 'GET', params: (fx) => ({ id: fx.ownDeckId }), expect: { guest: 401, outsider: 403, other: 404, member: 403, owner: 200 } },
  {
    name: 'PATCH /api/editor/decks/:id (own deck)',
    route: editorDeckRoute,
    method: 'PATCH',
    params: (fx) => ({ id: fx.ownDeckId }),
    body: () => ({ title: 'Renamed deck' }),
    expect: { guest: 401, outsider: 403, other: 404, member: 403, owner: 200 },
  },
  { name: 'POST /api/editor/decks/:id/duplicate (own deck)', route: duplicateRoute, method: 'POST', params: (fx) => ({ id: fx.ownDeckId }), expect: { guest: 401, outsider: 403, other: 404, member: 403, owner: 201 } },
  {
    name: 'POST /api/editor/decks/:id/cards (own deck)',
    route: cardsRoute,
    method: 'POST',
    params: (fx) => ({ id: fx.ownDeckId }),
    body: () => CARD,
    expect: { guest: 401, outsider: 403, other: 404, member: 403, owner: 201 },
  },
  {
    name: 'PUT /api/editor/decks/:id/cards/:cardId (own deck)',
    route: cardRoute,
    method: 'PUT',
    params: (fx) => ({ id: fx.ownDeckId, cardId: fx.ownCardId }),
    body: () => ({ ...CARD, kind: 'tf', answer: 'false', prompt: 'SQS is a database.' }),
    expect: { guest: 401, outsider: 403, other: 404, member: 403, owner: 200 },
  },
  {
    name: 'DELETE /api/editor/decks/:id/cards/:cardId (own deck)',
    route: cardRoute,
    method: 'DELETE',
    params: (fx) => ({ id: fx.ownDeckId, cardId: fx.ownCardId }),
    expect: { guest: 401, outsider: 403, other: 404, member: 403, owner: 200 },
  },
  { name: 'GET /api/editor/decks/:id (built-in)', route: editorDeckRoute, method: 'GET', params: () => ({ id: 'sqs' }), expect: { guest: 401, outsider: 403, other: 200, member: 403, owner: 200 } },
  {
    name: 'PATCH /api/editor/decks/:id (built-in)',
    route: editorDeckRoute,
    method: 'PATCH',
    params: () => ({ id: 'sqs' }),
    body: () => ({ title: 'Hijacked' }),
    expect: { guest: 401, outsider: 403, other: 403, member: 403, owner: 403 },
  },
  { name: 'POST /api/editor/decks/:id/duplicate (built-in)', route: duplicateRoute, method: 'POST', params: () => ({ id: 'sqs' }), expect: { guest: 401, outsider: 403, other: 201, member: 403, owner: 201 } },
  {
    name: 'POST /api/editor/decks/:id/cards (built-in)',
    route: cardsRoute,
    method: 'POST',
    params: () => ({ id: 'sqs' }),
    body: () => CARD,
    expect: { guest: 401, outsider: 403, other: 403, member: 403, owner: 403 },
  },
];

beforeAll(async () => {
  h = await startHarness();
  people = await signUpPeople(h, 'matrix');
});
afterAll(async () => h?.close());

function actorFor(who: Who): Actor | null {
  return who === 'guest' ? null : people[who];
}

async function runRow(row: Row) {
  const fx = await makeClass(h, people);
  await row.prepare?.(fx, people);
  const route = await row.route();
  const params = row.params?.(fx, people) ?? {};
  for (const who of ORDER) {
    let body = row.body?.(fx, people);
    if (row.route === answerRoute) body = await firstChoice(fx);
    if (body === undefined && row.method !== 'GET' && row.method !== 'DELETE') body = {};
    const before = await fingerprint(h);
    const res = await h.call(route, row.method, params, actorFor(who), body);
    const want = row.expect[who];
    expect({ who, status: res.status, body: res.json }).toMatchObject({ who, status: want });
    if (want >= 400) {
      expect(typeof res.json?.error?.message).toBe('string');
      expect(res.json.error.message.length).toBeGreaterThan(5);
      expect(await fingerprint(h), `${who} refused on ${row.name} must change nothing`).toBe(before);
    }
  }
}

describe('authorization matrix: classes', () => {
  for (const row of CLASS_ROWS) it(row.name, () => runRow(row));
});
describe('authorization matrix: assignments', () => {
  for (const row of ASSIGNMENT_ROWS) it(row.name, () => runRow(row));
});
describe('authorization matrix: deck editor', () => {
  for (const row of EDITOR_ROWS) it(row.name, () => runRow(row));
});

describe('not-found answers do not reveal existence', () => {
  it('gives an outsider the same 404 body as for an id that does not exist', async () => {
    const fx = await makeClass(h, people);
    const route = await classIdRoute();
    const hidden = await h.call(route, 'GET', { id: fx.classId }, people.outsider);
    const missing = await h.call(route, 'GET', { id: 'no-such-class' }, people.outsider);
    expect(hidden).toEqual(missing);
    const a = await assignmentRoute();
    expect(await h.call(a, 'GET', { id: fx.assignmentId }, people.other)).toEqual(await h.call(a, 'GET', { id: 'nope' }, people.other));
  });

  it("refuses publishing another instructor's deck as not found", async () => {
    const fx = await makeClass(h, people);
    const before = await fingerprint(h);
    const res = await h.call(await classDecksRoute(), 'POST', { id: fx.classId }, people.owner, { deckId: fx.otherDeckId });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe('Deck not found.');
    expect(await fingerprint(h)).toBe(before);
  });
});
