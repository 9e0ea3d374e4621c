/**
 * Live rooms on several nodes: real server processes on one PostgreSQL database and one
 * redis-server, clients on each node. A room is owned by the node that opened it; players on the
 * other nodes play through it, and when the owner is SIGKILLed another node takes the room over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HostView, PlayerView } from '@/core/game';
import { startTestCluster, type TestCluster } from '../helpers/cluster';
import { startTcpBalancer, type TcpBalancer } from '../helpers/tcp-balancer';
import { skipWithoutRedis, startTestRedis } from '../helpers/redis-server';
import { answerFor, openDb, playedQuestions } from '../rooms/db';
import { guest, RoomClient, signedInClient } from '../rooms/room-client';

/** A short lease so a takeover happens within ~1.5 s in these tests (the default is 3 s). */
const env = { ROOM_LEASE_MS: '1200' };

/** The answer-key fields that must not reach any player before the reveal. */
const KEY = /"(correct|accepted|answerText|explanation)"/;

async function answerUntilStored(p: RoomClient, questionIndex: number, choice: number[]): Promise<{ ok: boolean; code?: string; tries: number }> {
  for (let tries = 1; tries <= 40; tries++) {
    const ack = await p.emit('answer:submit', { questionIndex, choice });
    // "send it again" while the room moves to another node; anything else is the answer's fate.
    if (ack.ok || ack.code !== 'unavailable') return { ...ack, tries };
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('the room never came back');
}

describe.skipIf(skipWithoutRedis())('rooms on several nodes', () => {
  let cluster: TestCluster | null = null;
  const clients: RoomClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await cluster?.stop();
    cluster = null;
  });

  async function openRoom(on: string) {
    const { client: host, http } = await signedInClient(cluster!.node(on).url);
    clients.push(host);
    const created = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 3, secondsPerQuestion: 60, kinds: ['mcq'] } });
    expect(created.ok).toBe(true);
    // The answer key, from the database (no view carries it before a reveal).
    const prisma = openDb(cluster!.databaseUrl);
    const questions = await playedQuestions(prisma, created.gameId);
    await prisma.$disconnect();
    const key = (i: number) => answerFor(questions[i]!, true) as number[];
    const wrong = (i: number) => answerFor(questions[i]!, false) as number[];
    return { host, http, gameId: created.gameId as string, pin: created.pin as string, key, wrong };
  }

  async function player(on: string, pin: string, nickname: string) {
    const p = await guest(cluster!.node(on).url);
    clients.push(p);
    const ack = await p.emit('room:join', { pin, nickname });
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
    return { p, playerId: ack.playerId as string, token: ack.token as string };
  }

  it('plays a room owned by node A with players on A and B: same views, no answer key before the reveal, right scores', async () => {
    cluster = await startTestCluster({ nodes: 2, env });
    const { host, pin, key, wrong } = await openRoom('a');
    const onA = await player('a', pin, 'Ann');
    const onB = await player('b', pin, 'Bob');
    await host.view((v: HostView) => v.playerCount === 2);

    expect((await host.emit('host:start', {})).ok).toBe(true);
    const qa = (await onA.p.view((v: PlayerView) => v.phase === 'question')) as PlayerView;
    const qb = (await onB.p.view((v: PlayerView) => v.phase === 'question')) as PlayerView;
    expect(qb.question).toEqual(qa.question);
    const correct = key(0);

    // Bob on node B answers right, Ann on A wrong; both acks come from the owner's commit.
    expect(await onB.p.emit('answer:submit', { questionIndex: 0, choice: correct })).toMatchObject({ ok: true, questionIndex: 0 });
    expect(await onA.p.emit('answer:submit', { questionIndex: 0, choice: wrong(0) })).toMatchObject({ ok: true });
    // A second answer from node B is refused by the owner, like on one node.
    expect((await onB.p.emit('answer:submit', { questionIndex: 0, choice: wrong(0) })).code).toBe('already_answered');

    const rb = (await onB.p.view((v: PlayerView) => v.phase === 'reveal')) as PlayerView;
    const ra = (await onA.p.view((v: PlayerView) => v.phase === 'reveal')) as PlayerView;
    expect(rb.me!.score).toBeGreaterThan(0);
    expect(rb.reveal!.me!.correct).toBe(true);
    expect(ra.me!.score).toBe(0);
    expect(rb.reveal!.correct).toEqual(correct);

    // Nothing any player received on either node before the reveal held the key.
    for (const c of [onA.p, onB.p]) {
      const beforeReveal = c.received.slice(0, c.received.findIndex((r) => (r.payload as PlayerView)?.phase === 'reveal'));
      expect(beforeReveal.length).toBeGreaterThan(0);
      for (const r of beforeReveal) expect(JSON.stringify(r.payload)).not.toMatch(KEY);
    }

    // Bob's phone reconnects through node A: same seat, same score.
    onB.p.close();
    const again = await guest(cluster.node('a').url);
    clients.push(again);
    const back = await again.emit('room:rejoin', { pin, token: onB.token });
    expect(back).toMatchObject({ ok: true, playerId: onB.playerId });
    expect(back.view.me.score).toBe(rb.me!.score);
  });

  it('keeps a player with tabs on two nodes connected when either tab closes', async () => {
    cluster = await startTestCluster({ nodes: 2, env });
    const { host, gameId, pin } = await openRoom('a');
    const first = await player('a', pin, 'Ann');
    const secondTab = await guest(cluster.node('b').url);
    clients.push(secondTab);
    expect(await secondTab.emit('room:rejoin', { pin, token: first.token })).toMatchObject({ ok: true, playerId: first.playerId });
    const annConnected = async () => {
      const attached = await host.emit('host:attach', { gameId });
      return (attached.view as HostView).players.find((p) => p.id === first.playerId)!.connected;
    };

    // The tab on node B closes: node A, the owner, still has her other tab.
    secondTab.close();
    await new Promise((r) => setTimeout(r, 600));
    expect(await annConnected()).toBe(true);

    // Again the other way round: the tab on the owner closes while node B holds one.
    const third = await guest(cluster.node('b').url);
    clients.push(third);
    expect((await third.emit('room:rejoin', { pin, token: first.token })).ok).toBe(true);
    first.p.close();
    await new Promise((r) => setTimeout(r, 600));
    expect(await annConnected()).toBe(true);
    // And once her last tab closes, she is shown gone.
    third.close();
    await expect.poll(annConnected, { timeout: 5000, interval: 200 }).toBe(false);
  });

  it('survives a SIGKILL of the owner mid-question: node B takes over, the deadline holds, acknowledged answers and scores are kept', async () => {
    cluster = await startTestCluster({ nodes: 2, env });
    const { host, gameId, pin, key } = await openRoom('a');
    const onA = await player('a', pin, 'Ann');
    const onB = await player('b', pin, 'Bob');
    const onB2 = await player('b', pin, 'Cy');
    expect((await host.emit('host:start', {})).ok).toBe(true);
    const hostQ = (await host.view((v: HostView) => v.phase === 'question')) as HostView;
    const correct = key(0);
    const deadline = hostQ.question!.deadline;
    expect(await onB.p.emit('answer:submit', { questionIndex: 0, choice: correct })).toMatchObject({ ok: true });

    const killedAt = Date.now();
    await cluster.kill('a');
    // Cy on node B answers during the switch: refused with "send it again" until B owns the room, then stored once.
    const during = await answerUntilStored(onB2.p, 0, correct);
    expect(during.ok).toBe(true);
    const switchMs = Date.now() - killedAt;
    expect(switchMs).toBeLessThan(5000);
    // Bob's answer, acknowledged before the kill, is still there.
    expect((await onB.p.emit('answer:submit', { questionIndex: 0, choice: correct })).code).toBe('already_answered');

    // The host and Ann reconnect through the balancer (only node B is left) and carry on.
    const host2 = new RoomClient(cluster.url, { cookie: host.socket.io.opts.extraHeaders!.cookie as string });
    clients.push(host2);
    await host2.connected();
    const attached = await host2.emit('host:attach', { gameId });
    expect(attached.ok, JSON.stringify(attached)).toBe(true);
    // The question's deadline did not restart with the new owner.
    expect(attached.view.question.deadline).toBe(deadline);
    expect(attached.view.question.answeredCount).toBe(2);
    const ann = await guest(cluster.url);
    clients.push(ann);
    expect((await ann.emit('room:rejoin', { pin, token: onA.token })).ok).toBe(true);
    expect(await ann.emit('answer:submit', { questionIndex: 0, choice: correct })).toMatchObject({ ok: true });

    // Everyone answered: the question closes and scores are right for all three.
    const reveal = (await host2.view((v: HostView) => v.phase === 'reveal')) as HostView;
    expect(reveal.players.map((p) => p.score > 0)).toEqual([true, true, true]);
    // The game finishes on node B.
    for (let i = 0; i < 2; i++) {
      await host2.emit('host:next', {}); // leaderboard
      await host2.emit('host:next', {}); // next question
      await host2.emit('host:end-question', {});
    }
    await host2.emit('host:next', {});
    expect((await host2.emit('host:next', {})).ok).toBe(true);
    await host2.view((v: HostView) => v.phase === 'podium');
    const final = (await onB.p.view((v: PlayerView) => v.phase === 'podium')) as PlayerView;
    expect(final.podium!.me!.score).toBe(reveal.players.find((p) => p.id === onB.playerId)!.score);
  });

  it('after a SIGKILL, shows the players of the dead node who do not come back as disconnected, and the question closes without them', async () => {
    cluster = await startTestCluster({ nodes: 2, env });
    const { host, gameId, pin, key } = await openRoom('a');
    const onA = await player('a', pin, 'Ann'); // her phone's only way back is node A: she never returns
    const onB = await player('b', pin, 'Bob');
    const onB2 = await player('b', pin, 'Dee');
    expect((await host.emit('host:start', {})).ok).toBe(true);
    const hostQ = (await host.view((v: HostView) => v.phase === 'question')) as HostView;
    await cluster.kill('a');
    expect((await answerUntilStored(onB.p, 0, key(0))).ok).toBe(true);
    expect((await answerUntilStored(onB2.p, 0, key(0))).ok).toBe(true);

    const host2 = new RoomClient(cluster.url, { cookie: host.socket.io.opts.extraHeaders!.cookie as string });
    clients.push(host2);
    await host2.connected();
    expect((await host2.emit('host:attach', { gameId })).ok).toBe(true);
    // Ann is shown gone; Bob and Dee, whose sockets are on node B, are not.
    const gone = (await host2.view((v: HostView) => v.players.some((p) => p.id === onA.playerId && !p.connected), 10_000)) as HostView;
    expect(gone.players.filter((p) => p.connected).map((p) => p.nickname).sort()).toEqual(['Bob', 'Dee']);
    // Everyone still there answered: the question closes after the reconnect grace, long before its 60 s clock.
    const reveal = (await host2.view((v: HostView) => v.phase === 'reveal', 15_000)) as HostView;
    expect(Date.now()).toBeLessThan(hostQ.question!.deadline - 30_000);
    expect(reveal.players.find((p) => p.id === onA.playerId)!.score).toBe(0);
    expect(reveal.players.filter((p) => p.id !== onA.playerId).every((p) => p.score > 0)).toBe(true);
  });

  it('fences an owner cut off from Redis: once another node took the room over, its late writes are refused and the game as stored stands', async () => {
    // Node A reaches Redis through a proxy the test can cut; the database stays reachable.
    const redis = await startTestRedis();
    const proxy: TcpBalancer = await startTcpBalancer([{ port: redis.port, name: 'redis' }]);
    try {
      cluster = await startTestCluster({ nodes: 2, env, redisUrl: redis.url, nodeEnv: (n): Record<string, string> => (n === 'a' ? { REDIS_URL: `redis://127.0.0.1:${proxy.port}` } : {}) });
      const { host, gameId, pin, key } = await openRoom('a');
      const bob = await player('b', pin, 'Bob');
      const cy = await player('b', pin, 'Cy');
      await player('b', pin, 'Dee'); // does not answer, so the question stays open
      expect((await host.emit('host:start', {})).ok).toBe(true);
      await host.view((v: HostView) => v.phase === 'question');
      expect(await bob.p.emit('answer:submit', { questionIndex: 0, choice: key(0) })).toMatchObject({ ok: true });

      proxy.remove('redis');
      proxy.drop('redis');
      // A cannot renew its lease: B takes the room over and stores Cy's answer.
      expect((await answerUntilStored(cy.p, 0, key(0))).ok).toBe(true);
      // A does not know yet and still applies its host's command: the database refuses it.
      const late = await host.emit('host:end-question', {});
      expect(late.ok).toBe(false);

      // What is stored is B's game: B dies, A (back on Redis) takes the room over from the database.
      proxy.add({ port: redis.port, name: 'redis' });
      await cluster.kill('b');
      const host2 = new RoomClient(cluster.node('a').url, { cookie: host.socket.io.opts.extraHeaders!.cookie as string });
      clients.push(host2);
      await host2.connected();
      await expect
        .poll(async () => {
          const ack = await host2.emit('host:attach', { gameId });
          return ack.ok ? `${ack.view.phase} ${ack.view.question.answeredCount}` : ack.code;
        }, { timeout: 10_000, interval: 250 })
        .toBe('question 2');
    } finally {
      await cluster?.stop();
      cluster = null;
      await proxy.close();
      await redis.stop();
    }
  });

  it('carries on through a Redis restart mid-game without losing an acknowledged answer', async () => {
    cluster = await startTestCluster({ nodes: 2, env });
    const { host, pin, key } = await openRoom('a');
    const onA = await player('a', pin, 'Ann');
    const onB = await player('b', pin, 'Bob');
    expect((await host.emit('host:start', {})).ok).toBe(true);
    await host.view((v: HostView) => v.phase === 'question');
    const correct = key(0);
    expect(await onA.p.emit('answer:submit', { questionIndex: 0, choice: correct })).toMatchObject({ ok: true });

    await cluster.redis!.restart();
    // Bob on node B: refused with "send it again" while Redis is away, then stored once.
    expect((await answerUntilStored(onB.p, 0, correct)).ok).toBe(true);
    const reveal = (await host.view((v: HostView) => v.phase === 'reveal', 15_000)) as HostView;
    expect(reveal.players.every((p) => p.score > 0)).toBe(true);
    // Node B's copy followed: Bob sees the reveal with his points.
    const rb = (await onB.p.view((v: PlayerView) => v.phase === 'reveal', 15_000)) as PlayerView;
    expect(rb.me!.score).toBeGreaterThan(0);
    // And a new player can still find the room through node B (the PIN is listed again).
    const late = await guest(cluster.node('b').url);
    clients.push(late);
    await expect.poll(async () => (await late.emit('room:check', { pin })).ok, { timeout: 5000, interval: 200 }).toBe(true);
  });

  it('hands the rooms of a node stopped for a deploy on at once, to one of the other two nodes', async () => {
    // The default 3 s lease: a clean stop must not wait for it.
    cluster = await startTestCluster({ nodes: 3 });
    const { host, gameId, pin, key } = await openRoom('a');
    const onB = await player('b', pin, 'Bea');
    const onC = await player('c', pin, 'Cal');
    expect((await host.emit('host:start', {})).ok).toBe(true);
    await onC.p.view((v: PlayerView) => v.phase === 'question');
    const stoppedAt = Date.now();
    await cluster.stopNode('a');
    const ann = await answerUntilStored(onB.p, 0, key(0));
    expect(ann.ok).toBe(true);
    expect(Date.now() - stoppedAt).toBeLessThan(2500);
    expect((await answerUntilStored(onC.p, 0, key(0))).ok).toBe(true);
    const host2 = new RoomClient(cluster.url, { cookie: host.socket.io.opts.extraHeaders!.cookie as string });
    clients.push(host2);
    await host2.connected();
    const attached = await host2.emit('host:attach', { gameId });
    expect(attached.view.question.answeredCount).toBe(2);
    const reveal = (await onC.p.view((v: PlayerView) => v.phase === 'reveal')) as PlayerView;
    expect(reveal.me!.score).toBeGreaterThan(0);
  });
});
