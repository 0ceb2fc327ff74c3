/** Opta event model vocabulary, shared by Stats Perform MA3 (JSON) and Opta F24 (XML). */

/** Opta event type names, for unmapped-type reports. */
export const TYPE_NAMES: Readonly<Record<number, string>> = {
  1: "Pass", 2: "Offside pass", 3: "Take on", 4: "Foul", 5: "Out", 6: "Corner awarded", 7: "Tackle",
  8: "Interception", 9: "Turnover", 10: "Save", 11: "Claim", 12: "Clearance", 13: "Miss", 14: "Post",
  15: "Attempt saved", 16: "Goal", 17: "Card", 18: "Player off", 19: "Player on", 20: "Player retired",
  21: "Player returns", 22: "Player becomes goalkeeper", 23: "Goalkeeper becomes player", 24: "Condition change",
  25: "Official change", 27: "Start delay", 28: "End delay", 30: "End", 32: "Start", 34: "Team set up",
  35: "Player changed position", 36: "Player changed jersey number", 37: "Collection end", 38: "Temp goal",
  39: "Temp attempt", 40: "Formation change", 41: "Punch", 42: "Good skill", 43: "Deleted event", 44: "Aerial",
  45: "Challenge", 47: "Rescinded card", 49: "Ball recovery", 50: "Dispossessed", 51: "Error",
  52: "Keeper pick-up", 53: "Cross not claimed", 54: "Smother", 55: "Offside provoked", 56: "Shield ball opp",
  57: "Foul throw-in", 58: "Penalty faced", 59: "Keeper sweeper", 60: "Chance missed", 61: "Ball touch",
  63: "Temp save", 64: "Resume", 65: "Contentious referee decision", 67: "50/50", 68: "Referee drop ball",
  69: "Failed to block", 70: "Injury time announcement", 71: "Coach setup", 72: "Caught offside",
  73: "Other ball contact", 74: "Blocked pass", 75: "Delayed start", 76: "Early end", 77: "Player off pitch",
  79: "Coverage interruption", 80: "Drop of ball", 81: "Obstacle", 83: "Attempted tackle", 84: "Deleted after review",
};

export const TYPE = {
  pass: 1, offsidePass: 2, takeOn: 3, foul: 4, cornerAwarded: 6, tackle: 7, interception: 8, save: 10,
  claim: 11, clearance: 12, miss: 13, post: 14, attemptSaved: 15, goal: 16, card: 17, end: 30, start: 32,
  punch: 41, deleted: 43, aerial: 44, challenge: 45, ballRecovery: 49, dispossessed: 50, keeperPickUp: 52,
  smother: 54, shield: 56, keeperSweeper: 59, ballTouch: 61, fiftyFifty: 67, blockedPass: 74,
  attemptedTackle: 83,
} as const;

export const Q = {
  penalty: 9, head: 15, rightFoot: 20, otherBodyPart: 21, regularPlay: 22, fastBreak: 23, setPiece: 24,
  fromCorner: 25, freeKick: 26, ownGoal: 28, yellow: 31, secondYellow: 32, red: 33, leftFoot: 72,
  blocked: 82, passEndX: 140, passEndY: 141, expectedGoals: 321,
} as const;

/** Seconds on the match clock at which each period starts (Opta clocks run on across halves). */
export const PERIOD_CLOCK_START_S: Readonly<Record<number, number>> = { 1: 0, 2: 45 * 60, 3: 90 * 60, 4: 105 * 60, 5: 120 * 60 };

export function typeLabel(typeId: number): string {
  return `${typeId} ${TYPE_NAMES[typeId] ?? "unknown type"}`;
}
