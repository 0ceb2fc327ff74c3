/** Wyscout v2 public-data vocabulary (tags and periods) used by the parser. */
import type { BodyPart, CardColour, Period, ShotOutcome } from "../model.js";

export const TAG = {
  goal: 101,
  ownGoal: 102,
  leftFoot: 401,
  rightFoot: 402,
  headOrBody: 403,
  duelLost: 701,
  duelNeutral: 702,
  duelWon: 703,
  red: 1701,
  yellow: 1702,
  secondYellow: 1703,
  accurate: 1801,
  notAccurate: 1802,
  counterAttack: 1901,
  blocked: 2101,
} as const;

/** 1217–1223: the shot hit the post or bar (various heights/sides). */
export function isPostTag(tag: number): boolean {
  return tag >= 1217 && tag <= 1223;
}

export const PERIODS: Readonly<Record<string, Period>> = { "1H": 1, "2H": 2, E1: 3, E2: 4, P: 5 };

export function bodyPartFromTags(tags: ReadonlySet<number>): BodyPart {
  if (tags.has(TAG.headOrBody)) return "head";
  if (tags.has(TAG.leftFoot) || tags.has(TAG.rightFoot)) return "foot";
  return "other";
}

export function cardFromTags(tags: ReadonlySet<number>): CardColour | null {
  if (tags.has(TAG.red)) return "red";
  if (tags.has(TAG.secondYellow)) return "second_yellow";
  if (tags.has(TAG.yellow)) return "yellow";
  return null;
}

export function shotOutcomeFromTags(tags: ReadonlySet<number>): ShotOutcome {
  if (tags.has(TAG.goal)) return "goal";
  if (tags.has(TAG.blocked)) return "blocked";
  if ([...tags].some(isPostTag)) return "post";
  if (tags.has(TAG.accurate)) return "saved";
  return "off_target";
}
