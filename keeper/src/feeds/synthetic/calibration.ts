/**
 * Figures measured on the shared real matches (3 Wyscout + 1 Stats Perform, periods 1–4;
 * test/feeds/synthetic.test.ts re-measures them and fails if these drift):
 *   actions (model events other than markers) per minute: 14.7 / 14.7 / 16.2 / 14.9 → 15.1
 *   pass share of actions: 0.58 / 0.63 / 0.67 / 0.63 → 0.63
 *   shots per 90 minutes played: 22 / 18 / 28 / 33 shots over 98.5 / 97 / 128 / 97.7 min → 21.7
 *   goals per match: 6 / 7 / 1 / 3 → 4.25 (World Cup games were unusually high-scoring)
 *   per 90 min: corners 9.4, fouls 23.1; cards per match 3 / 8 / 10 / 5 → 6.5
 *   shot distance from the goal line, in x units: 16.5 / 15.4 / 16.8 / 11.6 → 15
 */
export const CALIBRATION = {
  actionsPerMin: 15.1,
  passShare: 0.63,
  duelShare: 0.22,
  shotsPerMatch: 21.7,
  goalsPerMatch: 4.25,
  cornersPerMatch: 9.4,
  foulsPerMatch: 23.1,
  cardsPerMatch: 6.5,
  shotDistanceX: 15,
  /** Mean length of a possession, in actions (possession changes with 1/this per action). */
  actionsPerPossession: 5,
} as const;
