import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../helpers/http';
import type { PrismaClient } from '@/generated/prisma/client';
import { openPrisma } from '../helpers/database';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
/** The server's database (SQLite or PostgreSQL, as TEST_DB says), to check and arrange stored rows. */
let prisma: PrismaClient;

async function student(tag: string): Promise<HttpClient> {
  const c = new HttpClient(server.url);
  const r = await c.signUp(`${tag}-${randomUUID().slice(0, 8)}@example.com`, 'a-good-password', tag);
  expect(r.status).toBe(200);
  return c;
}

async function next(c: HttpClient, query = '') {
  const r = await c.get(`/api/review/queue${query}`);
  expect(r.status).toBe(200);
  return r.json;
}

function rate(c: HttpClient, card: { id: string; version: number }, rating: number, clientId = randomUUID()) {
  return c.post('/api/review/rate', { cardId: card.id, rating, clientId, expectedVersion: card.version, durationMs: 1500 });
}

beforeAll(async () => {
  server = await startTestServer({ serveNext: true });
  prisma = openPrisma(server.databaseUrl);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await server?.stop();
});

describe('review API over HTTP', () => {
  it('refuses guests', async () => {
    const guest = new HttpClient(server.url);
    expect((await guest.get('/api/review/queue')).status).toBe(401);
    expect((await guest.get('/api/stats')).status).toBe(401);
    expect((await guest.post('/api/decks/sqs/subscription')).status).toBe(401);
  });

  it('subscribing shows the deck due counts and a first card with four interval previews', async () => {
    const c = await student('sub');
    expect((await next(c)).card).toBeNull();
    const s = await c.post('/api/decks/sqs/subscription');
    expect(s.status).toBe(201);
    const counts = (await c.get('/api/review/counts')).json;
    expect(counts.decks).toEqual([{ deckId: 'sqs', title: 'Amazon SQS', new: 20, learning: 0, review: 0 }]);
    const q = await next(c);
    expect(q.counts).toMatchObject({ new: 20, learning: 0, review: 0, total: 20 });
    expect(q.card.deckId).toBe('sqs');
    expect(q.card.version).toBe(0);
    expect(q.card.previews.map((p: { label: string }) => p.label)).toEqual(['1m', '6m', '10m', expect.stringMatching(/d$/)]);
    expect((await c.request('DELETE', '/api/decks/sqs/subscription')).json).toEqual({ deckId: 'sqs', subscribed: false });
    expect((await next(c)).card).toBeNull();
  });

  it('a retried rating (same clientId) is applied once and returns the original outcome', async () => {
    const c = await student('retry');
    await c.post('/api/decks/sqs/subscription');
    const { card } = await next(c);
    const clientId = randomUUID();
    const first = await rate(c, card, 3, clientId);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ replayed: false, interval: '10m', card: { version: 1, state: 1 } });
    const again = await rate(c, card, 3, clientId);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ replayed: true, logId: first.json.logId, card: { version: 1, due: first.json.card.due } });
    expect(await prisma.reviewLog.count({ where: { cardId: card.id, clientId } })).toBe(1);
  });

  it('a rating made against an outdated version is rejected with 409', async () => {
    const c = await student('stale');
    await c.post('/api/decks/sqs/subscription');
    const { card } = await next(c);
    expect((await rate(c, card, 3)).status).toBe(201);
    const stale = await rate(c, card, 1); // still says version 0
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');
    expect(stale.json.error.message).toMatch(/changed since it was shown/);
    const row = await prisma.cardState.findFirstOrThrow({ where: { cardId: card.id, version: 1 }, select: { reps: true } });
    expect(row.reps).toBe(1);
  });

  it("another user's private deck and card are refused, and one user's ratings never touch another's schedule", async () => {
    const owner = await student('owner');
    const other = await student('other');
    const ownerId = (await owner.get('/api/auth/get-session')).json.user.id;
    await prisma.deck.create({ data: { id: 'private1', title: 'Mine', description: '', builtIn: false, ownerId } });
    await prisma.card.create({
      data: { id: 'privcard1', deckId: 'private1', key: 'k1', ord: 0, kind: 'basic', prompt: 'Secret?', answer: 'Yes', section: 'S', tags: [] },
    });

    expect((await other.post('/api/decks/private1/subscription')).status).toBe(404);
    const refused = await rate(other, { id: 'privcard1', version: 0 }, 3);
    expect(refused.status).toBe(404);
    expect((await other.post('/api/review/cards/privcard1/suspend')).status).toBe(404);
    expect((await owner.post('/api/decks/private1/subscription')).status).toBe(201);
    expect((await rate(owner, { id: 'privcard1', version: 0 }, 3)).status).toBe(201);

    // Shared built-in card: the owner's rating does not change what the other user sees.
    await owner.post('/api/decks/sqs/subscription');
    await other.post('/api/decks/sqs/subscription');
    const ownersCard = (await next(owner, '?deckId=sqs')).card;
    expect((await rate(owner, ownersCard, 4)).status).toBe(201);
    const seen = (await next(other, '?deckId=sqs')).card;
    expect(seen.id).toBe(ownersCard.id);
    expect(seen.version).toBe(0);
    const otherId = (await other.get('/api/auth/get-session')).json.user.id;
    expect(await prisma.cardState.count({ where: { userId: otherId, cardId: ownersCard.id } })).toBe(0);
  });

  it('undo restores a new card to new and marks the log undone, then walks further back', async () => {
    const c = await student('undo');
    await c.post('/api/decks/sqs/subscription');
    const first = (await next(c)).card;
    const r1 = await rate(c, first, 4);
    expect(r1.json.card.state).toBe(2);
    const second = (await next(c)).card;
    expect(second.id).not.toBe(first.id);
    const r2 = await rate(c, second, 1);

    const u1 = await c.post('/api/review/undo');
    expect(u1.status).toBe(200);
    expect(u1.json.undone).toMatchObject({ cardId: second.id, rating: 1, newAgain: true });
    expect(u1.json.card).toMatchObject({ id: second.id, version: 0, state: 0 });
    const log = await prisma.reviewLog.findUniqueOrThrow({ where: { id: r2.json.logId }, select: { undone: true } });
    expect(log.undone).toBe(true);
    const userId = (await c.get('/api/auth/get-session')).json.user.id;
    expect(await prisma.cardState.count({ where: { userId, cardId: second.id } })).toBe(0);

    const u2 = await c.post('/api/review/undo');
    expect(u2.json.undone).toMatchObject({ cardId: first.id, rating: 4, newAgain: true });
    expect((await next(c)).counts.new).toBe(20);
    const nothing = await c.post('/api/review/undo');
    expect(nothing.status).toBe(409);
    expect(nothing.json.error.code).toBe('nothing_to_undo');
  });

  it('the new-cards-per-day limit is respected', async () => {
    const c = await student('limit');
    const bad = await c.request('PUT', '/api/settings/review', { desiredRetention: 0.99 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^desiredRetention:/);
    const ok = await c.request('PUT', '/api/settings/review', { newPerDay: 2 });
    expect(ok.json.settings).toMatchObject({ newPerDay: 2, desiredRetention: 0.9 });
    await c.post('/api/decks/sqs/subscription');
    expect((await next(c)).counts).toMatchObject({ new: 2, total: 2 });
    for (let i = 0; i < 2; i++) expect((await rate(c, (await next(c)).card, 4)).status).toBe(201);
    const after = await next(c);
    expect(after.counts).toMatchObject({ new: 0, learning: 0, review: 0 });
    expect(after.card).toBeNull();
    const counts = (await c.get('/api/review/counts')).json;
    expect(counts.total.total).toBe(0);
    expect(new Date(counts.nextDueAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('a card becomes a leech at 8 lapses: tagged, suspended, refused until unsuspended', async () => {
    const c = await student('leech');
    await c.post('/api/decks/sqs/subscription');
    let card = (await next(c)).card;
    const view = { id: card.id, version: 0 };
    const step = async (rating: number) => {
      const r = await rate(c, view, rating);
      expect(r.status).toBe(201);
      view.version = r.json.card.version;
      return r.json;
    };
    await step(4); // graduates to review
    let last;
    for (let lapse = 1; lapse <= 8; lapse++) {
      last = await step(1); // lapse
      if (lapse < 8) {
        expect(last.becameLeech).toBe(false);
        await step(3); // relearned
      }
    }
    expect(last).toMatchObject({ becameLeech: true, card: { lapses: 8, suspended: true, leech: true } });
    const refused = await rate(c, view, 3);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('card_suspended');
    const leeches = (await c.get('/api/review/leeches')).json.leeches;
    expect(leeches).toEqual([expect.objectContaining({ cardId: card.id, lapses: 8, suspended: true })]);
    const un = await c.post(`/api/review/cards/${card.id}/unsuspend`);
    expect(un.json.card).toMatchObject({ suspended: false, leech: true });
    card = { ...card, version: un.json.card.version };
    expect((await rate(c, card, 3)).status).toBe(201);
  });

  it('stats count today\'s reviews and validate nothing from the client', async () => {
    const c = await student('stats');
    await c.post('/api/decks/sqs/subscription');
    for (let i = 0; i < 3; i++) await rate(c, (await next(c)).card, i === 0 ? 1 : 3);
    const s = (await c.get('/api/stats')).json;
    expect(s.today).toMatchObject({ reviews: 3, again: 1 });
    expect(s.heatmap).toHaveLength(365);
    expect(s.heatmap.at(-1)).toEqual({ day: s.day, count: 3 });
    expect(s.forecast).toHaveLength(30);
    expect(s.streak).toBe(1);
    expect(s.counts).toMatchObject({ new: 36, learning: 3, total: 39 });
    expect(s.decks[0]).toMatchObject({ deckId: 'sqs', total: 39, learning: 3 });
  });
});
