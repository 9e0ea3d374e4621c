/**
 * Whether a question counts a player in its statistics (percent correct, reports): players who
 * were in the game when it was asked, and late joiners who answered it anyway. `joinedDuring`
 * is the question being asked or last asked when the player joined (null/undefined: the lobby).
 * why: a player who joins at question 7 did not miss questions 1–6; counting them would make
 * those questions look harder than they were.
 */
export function wasAsked(joinedDuring: number | null | undefined, questionIndex: number, answered: boolean): boolean {
  return answered || joinedDuring === null || joinedDuring === undefined || joinedDuring < questionIndex;
}
