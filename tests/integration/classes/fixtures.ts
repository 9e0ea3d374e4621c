/** Shared people and a fresh class fixture for the class/assignment/editor integration tests. */
import type { Harness, Actor } from './harness';
import type { SessionUser } from '@/server/auth';

export interface People {
  owner: Actor;
  other: Actor;
  member: Actor;
  member2: Actor;
  outsider: Actor;
}

export async function signUpPeople(h: Harness, tag: string): Promise<People> {
  return {
    owner: await h.signUp(`owner-${tag}@example.com`, 'Ina Owner', 'instructor'),
    other: await h.signUp(`other-${tag}@example.com`, 'Otto Other', 'instructor'),
    member: await h.signUp(`member-${tag}@example.com`, 'Stu Member', 'student'),
    member2: await h.signUp(`member2-${tag}@example.com`, 'Sam Member', 'student'),
    outsider: await h.signUp(`outsider-${tag}@example.com`, 'Nia Outsider', 'student'),
  };
}

export const asUser = (a: Actor): SessionUser => ({ id: a.id, name: a.name, email: '', role: a.role });

export interface ClassFixture {
  classId: string;
  joinCode: string;
  assignmentId: string;
  /** A deck owned by `owner`, published to the class, with one card. */
  ownDeckId: string;
  ownCardId: string;
  /** A deck owned by `other` (never visible to owner). */
  otherDeckId: string;
  otherCardId: string;
}

export const DUE_LATER = '2030-01-01T00:00:00Z';

/** A class owned by `owner` with member and member2 enrolled, the sqs deck and an own deck published, one assignment. */
export async function makeClass(h: Harness, p: People, name = 'Cloud 101'): Promise<ClassFixture> {
  const prisma = await h.db();
  const { createClass, joinClass } = await import('@/server/classes/class-service');
  const { publishDeck } = await import('@/server/classes/class-decks');
  const { createAssignment } = await import('@/server/assignments/assignment-create');
  const { createEditorDeck, addCard } = await import('@/server/deck-editor/deck-editor-service');
  const cls = await createClass(prisma, asUser(p.owner), { name });
  await joinClass(prisma, asUser(p.member), cls.joinCode);
  await joinClass(prisma, asUser(p.member2), cls.joinCode);
  const own = await createEditorDeck(prisma, asUser(p.owner), { title: 'Own deck' });
  const ownCard = await addCard(prisma, asUser(p.owner), own.id, {
    kind: 'tf',
    section: 'Own › Facts',
    prompt: 'SQS is a message queue.',
    answer: 'true',
  });
  const otherDeck = await createEditorDeck(prisma, asUser(p.other), { title: 'Other deck' });
  const otherCard = await addCard(prisma, asUser(p.other), otherDeck.id, {
    kind: 'basic',
    section: 'Other › Facts',
    prompt: 'Secret?',
    answer: 'Yes',
  });
  await publishDeck(prisma, asUser(p.owner), cls.id, 'sqs');
  await publishDeck(prisma, asUser(p.owner), cls.id, own.id);
  const a = await createAssignment(
    prisma,
    asUser(p.owner),
    cls.id,
    { title: 'SQS basics', deckId: 'sqs', questionCount: 3, dueAt: DUE_LATER, attemptsAllowed: 2 },
    { seed: 7 },
  );
  return {
    classId: cls.id,
    joinCode: cls.joinCode,
    assignmentId: a.id,
    ownDeckId: own.id,
    ownCardId: ownCard.id,
    otherDeckId: otherDeck.id,
    otherCardId: otherCard.id,
  };
}

/** Row counts and the mutable fields that any endpoint here could change: equal before/after a refusal. */
export async function fingerprint(h: Harness): Promise<string> {
  const prisma = await h.db();
  const [classes, enrollments, classDecks, assignments, attempts, answers, decks, cards, logs, states, subs] = await Promise.all([
    prisma.class.findMany({ select: { id: true, name: true, term: true, archived: true, allowGuests: true }, orderBy: { id: 'asc' } }),
    prisma.enrollment.count(),
    prisma.classDeck.count(),
    prisma.assignment.count(),
    prisma.assignmentAttempt.findMany({ select: { id: true, submittedAt: true, correctCount: true }, orderBy: { id: 'asc' } }),
    prisma.attemptAnswer.count(),
    prisma.deck.findMany({ where: { builtIn: false }, select: { id: true, title: true, description: true }, orderBy: { id: 'asc' } }),
    prisma.card.findMany({ where: { deck: { builtIn: false } }, select: { id: true, prompt: true, answer: true, archived: true }, orderBy: { id: 'asc' } }),
    prisma.reviewLog.count(),
    prisma.cardState.count(),
    prisma.deckSubscription.count(),
  ]);
  return JSON.stringify({ classes, enrollments, classDecks, assignments, attempts, answers, decks, cards, logs, states, subs });
}
