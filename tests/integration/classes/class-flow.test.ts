/** Happy paths for classes: create, join by code, roster, remove, archive, publish decks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signUpPeople, type People } from './fixtures';
import { JOIN_CODE_ALPHABET } from '@/server/classes/join-code';

let h: Harness;
let p: People;
beforeAll(async () => {
  h = await startHarness();
  p = await signUpPeople(h, 'flow');
});
afterAll(async () => h?.close());

const classes = () => import('@/app/api/classes/route');
const join = () => import('@/app/api/classes/join/route');
const classId = () => import('@/app/api/classes/[id]/route');
const member = () => import('@/app/api/classes/[id]/members/[userId]/route');
const decks = () => import('@/app/api/classes/[id]/decks/route');

describe('classes', () => {
  it('creates a class with an unambiguous join code, lets a student join by code, and lists it for both', async () => {
    const created = await h.call(await classes(), 'POST', {}, p.owner, { name: '  Cloud 101 ', term: 'Spring 2026' });
    expect(created.status).toBe(201);
    const { id, joinCode } = created.json.class;
    expect(joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(joinCode).not.toMatch(/[01OIL]/);
    expect(created.json.class.name).toBe('Cloud 101');

    // Typed in lower case with a dash, as students do.
    const typed = `${joinCode.slice(0, 3).toLowerCase()}-${joinCode.slice(3)}`;
    const joined = await h.call(await join(), 'POST', {}, p.member, { code: typed });
    expect(joined.status).toBe(200);
    expect(joined.json.class).toEqual({ id, name: 'Cloud 101' });
    // Joining twice is harmless.
    expect((await h.call(await join(), 'POST', {}, p.member, { code: joinCode })).status).toBe(200);

    const mine = await h.call(await classes(), 'GET', {}, p.member);
    expect(mine.json.classes).toEqual([
      expect.objectContaining({ id, name: 'Cloud 101', term: 'Spring 2026', role: 'member', ownerName: 'Ina Owner', memberCount: 1 }),
    ]);
    // Students never see the join code in their list.
    expect(mine.json.classes[0].joinCode).toBeUndefined();
    const owned = await h.call(await classes(), 'GET', {}, p.owner);
    expect(owned.json.classes.find((c: { id: string }) => c.id === id)).toMatchObject({ role: 'owner', joinCode, memberCount: 1 });
    // Another instructor does not see it.
    expect((await h.call(await classes(), 'GET', {}, p.other)).json.classes.some((c: { id: string }) => c.id === id)).toBe(false);

    const detail = await h.call(await classId(), 'GET', { id }, p.owner);
    expect(detail.json.class.members).toEqual([expect.objectContaining({ userId: p.member.id, name: 'Stu Member' })]);
    // Members do not get the roster.
    expect((await h.call(await classId(), 'GET', { id }, p.member)).json.class.members).toEqual([]);
  });

  it('refuses a wrong code with a clear message', async () => {
    const res = await h.call(await join(), 'POST', {}, p.outsider, { code: 'ZZZZZZ' });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toMatch(/No active class has that code/);
    expect((await h.call(await join(), 'POST', {}, p.outsider, { code: 'O0O0' })).status).toBe(404);
  });

  it('removes a student from the roster; they lose access, and a student may leave on their own', async () => {
    const { id, joinCode } = (await h.call(await classes(), 'POST', {}, p.owner, { name: 'Roster' })).json.class;
    await h.call(await join(), 'POST', {}, p.member, { code: joinCode });
    await h.call(await join(), 'POST', {}, p.member2, { code: joinCode });
    const removed = await h.call(await member(), 'DELETE', { id, userId: p.member.id }, p.owner);
    expect(removed.status).toBe(200);
    expect((await h.call(await classId(), 'GET', { id }, p.member)).status).toBe(404);
    expect((await h.call(await member(), 'DELETE', { id, userId: p.member.id }, p.owner)).status).toBe(404);
    // Leaving.
    expect((await h.call(await member(), 'DELETE', { id, userId: p.member2.id }, p.member2)).status).toBe(200);
    expect((await h.call(await classId(), 'GET', { id }, p.owner)).json.class.memberCount).toBe(0);
  });

  it('archives a class: read-only, closed to new members, listed after active ones, and restorable', async () => {
    const { id, joinCode } = (await h.call(await classes(), 'POST', {}, p.owner, { name: 'Old term' })).json.class;
    await h.call(await join(), 'POST', {}, p.member, { code: joinCode });
    expect((await h.call(await classId(), 'PATCH', { id }, p.owner, { allowGuests: true })).json.class.allowGuests).toBe(true);
    expect((await h.call(await classId(), 'PATCH', { id }, p.owner, { archived: true })).json.class.archived).toBe(true);

    const rename = await h.call(await classId(), 'PATCH', { id }, p.owner, { name: 'Changed' });
    expect(rename.status).toBe(409);
    expect(rename.json.error.message).toMatch(/archived/);
    expect((await h.call(await decks(), 'POST', { id }, p.owner, { deckId: 'sqs' })).status).toBe(409);
    expect((await h.call(await join(), 'POST', {}, p.member2, { code: joinCode })).status).toBe(404);
    expect((await h.call(await member(), 'DELETE', { id, userId: p.member.id }, p.owner)).status).toBe(409);
    // Still readable by its member.
    const seen = await h.call(await classId(), 'GET', { id }, p.member);
    expect(seen.json.class).toMatchObject({ archived: true, name: 'Old term' });
    const list = (await h.call(await classes(), 'GET', {}, p.owner)).json.classes as { id: string; archived: boolean }[];
    expect(list[list.length - 1]).toMatchObject({ id, archived: true });

    expect((await h.call(await classId(), 'PATCH', { id }, p.owner, { archived: false })).json.class.archived).toBe(false);
    expect((await h.call(await classId(), 'PATCH', { id }, p.owner, { name: 'Changed' })).status).toBe(200);
  });

  it('publishes a built-in deck and an own deck; members see them with card counts', async () => {
    const { id, joinCode } = (await h.call(await classes(), 'POST', {}, p.owner, { name: 'Decks' })).json.class;
    await h.call(await join(), 'POST', {}, p.member, { code: joinCode });
    const editorDecks = await import('@/app/api/editor/decks/route');
    const own = (await h.call(editorDecks, 'POST', {}, p.owner, { title: 'My deck' })).json.deck;
    expect((await h.call(await decks(), 'POST', { id }, p.owner, { deckId: 'sqs' })).status).toBe(201);
    expect((await h.call(await decks(), 'POST', { id }, p.owner, { deckId: own.id })).status).toBe(201);
    expect((await h.call(await decks(), 'POST', { id }, p.owner, { deckId: 'sqs' })).status).toBe(201);
    const seen = (await h.call(await classId(), 'GET', { id }, p.member)).json.class.decks;
    expect(seen.map((d: { id: string }) => d.id)).toEqual(['sqs', own.id]);
    expect(seen[0].cardCount).toBeGreaterThan(10);
    expect(seen[1]).toMatchObject({ title: 'My deck', cardCount: 0, builtIn: false });

    const unpublish = await import('@/app/api/classes/[id]/decks/[deckId]/route');
    expect((await h.call(unpublish, 'DELETE', { id, deckId: 'sqs' }, p.owner)).status).toBe(200);
    expect((await h.call(await classId(), 'GET', { id }, p.member)).json.class.decks).toHaveLength(1);
  });
});
