import { describe, expect, it } from 'vitest';
import { csvField, reportCsvFile, reportFileName, reportToCsv } from '@/app/api/games/report-csv';
import type { GameReport } from '@/server/games';

const CREATED = new Date('2026-01-05T09:00:00Z');

function report(): GameReport {
  return {
    id: 'g1',
    title: 'SQS: Friday quiz!',
    pin: '123456',
    status: 'ended',
    hostId: 'host-1',
    classId: null,
    deckId: 'sqs',
    deckTitle: 'Amazon SQS',
    createdAt: CREATED,
    startedAt: CREATED,
    endedAt: CREATED,
    questions: [
      { index: 0, cardId: 'c1', kind: 'mcq', prompt: 'Pick "the" queue', options: ['SNS', 'SQS'], correct: [1], answerText: 'SQS', section: 'S', answeredCount: 2, correctCount: 1, askedCount: 2, accuracy: 0.5, avgResponseMs: 1500, optionCounts: [1, 1] },
      { index: 1, cardId: 'c2', kind: 'type', prompt: 'Acronym?', answerText: 'Simple Queue Service', section: 'S', answeredCount: 1, correctCount: 1, askedCount: 2, accuracy: 0.5, avgResponseMs: 4000 },
    ],
    players: [
      { id: 'p1', nickname: 'Ada', userId: null, score: 1950, finalRank: 1, kicked: false, joinedDuring: null, correctCount: 2, answers: [{ choice: [1], correct: true, responseMs: 1000, points: 1000 }, { choice: 'simple queue service', correct: true, responseMs: 4000, points: 950 }] },
      { id: 'p2', nickname: '=HYPERLINK("x")', userId: null, score: 0, finalRank: 2, kicked: false, joinedDuring: null, correctCount: 0, answers: [{ choice: [0], correct: false, responseMs: 2000, points: 0 }, null] },
      { id: 'p3', nickname: 'Gone', userId: null, score: 0, finalRank: null, kicked: true, joinedDuring: null, correctCount: 0, answers: [null, null] },
    ],
    hardest: [],
  };
}

describe('report CSV', () => {
  it('writes one row per player and question, with option texts and unanswered cells', () => {
    const lines = reportToCsv(report()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('rank,nickname,score,question,prompt,kind,correct_answer,answer,correct,points,response_ms');
    expect(lines).toHaveLength(1 + 2 * 2); // the kicked player is left out
    expect(lines[1]).toBe('"1","Ada","1950","1","Pick ""the"" queue","mcq","SQS","SQS","true","1000","1000"');
    expect(lines[2]).toBe('"1","Ada","1950","2","Acronym?","type","Simple Queue Service","simple queue service","true","950","4000"');
    expect(lines[4]).toContain('"2","Acronym?","type","Simple Queue Service","","false","0",""');
  });

  it('defuses spreadsheet formulas in user text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@cmd')).toBe(`"'@cmd"`);
    expect(csvField('-1+1')).toBe(`"'-1+1"`);
    expect(csvField(-5)).toBe('"-5"');
    expect(reportToCsv(report())).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('names the file after the title and date', () => {
    expect(reportFileName(report())).toBe('sqs-friday-quiz-2026-01-05-report.csv');
    expect(reportFileName({ title: '!!!', createdAt: CREATED })).toBe('game-2026-01-05-report.csv');
  });
  it('starts the downloaded file with a UTF-8 byte-order mark so Excel shows accents', () => {
    const file = reportCsvFile(report());
    expect([...Buffer.from(file, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.slice(1)).toBe(reportToCsv(report()));
  });
});
