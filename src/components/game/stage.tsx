/**
 * The full-screen game surface (covers the site header): a projector or a phone in a game
 * should show nothing but the game.
 */
export function Stage({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <section
      aria-label={label}
      className="fixed inset-0 z-40 flex flex-col overflow-y-auto bg-gradient-to-br from-indigo-950 via-violet-900 to-fuchsia-900 text-white"
    >
      {children}
    </section>
  );
}

/** "Reconnecting…" strip shown while the socket is down; the game resumes on its own. */
export function ConnectionBanner({ state }: { state: 'connecting' | 'connected' | 'reconnecting' | 'failed' }) {
  if (state !== 'reconnecting') return null;
  return (
    <div role="status" className="sticky top-0 z-50 bg-amber-400 px-4 py-2 text-center font-bold text-amber-950" data-testid="reconnecting">
      Reconnecting…
    </div>
  );
}

/** Messages for the error codes a screen shows to a person. */
export function describeError(code: string, fallback?: string): string {
  switch (code) {
    case 'nickname_taken':
      return 'Someone in this game already has that nickname. Pick another one.';
    case 'nickname_invalid':
      return 'Nicknames are 1–20 characters (emoji count as one), with no invisible or control characters.';
    case 'game_over':
      return 'This game has already ended.';
    case 'room_locked':
      return 'The host has locked this game. Ask them to unlock it.';
    case 'members_only':
      return 'This game is for members of the class. Sign in with your class account, or join the class first.';
    case 'room_not_found':
      return 'No game is running with that PIN. Check the PIN on the screen.';
    case 'rate_limited':
      return 'Too many tries. Wait a moment and try again.';
    case 'kicked':
      return 'You were removed from this game.';
    case 'unauthorized':
    case 'not_host':
      return 'Only the host who created this game can run it. Sign in with that account.';
    case 'too_late':
      return "Time's up — that answer came in too late.";
    case 'already_answered':
      return 'You already answered this question.';
    case 'no_players':
      return 'Wait for at least one player to join.';
    case 'deck_not_found':
      return 'That deck is not available to you any more. Pick another one.';
    case 'class_not_found':
      return 'That class was not found among yours.';
    case 'no_questions':
      return 'No cards in this deck fit these settings. Allow more question kinds or sections.';
    case 'bad_request':
      return 'That did not look right. Check what you entered.';
    default:
      return fallback ?? 'Something went wrong. Try again.';
  }
}
