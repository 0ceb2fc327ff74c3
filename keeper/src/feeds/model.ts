/**
 * The one normalized match-event model every feed adapter translates into.
 *
 * Pitch frame: x and y are 0–100, x = 0 is the home side's own goal line and x = 100 the away
 * side's goal line (home attacks left to right); y = 0 is the home side's right touchline.
 * Adapters convert from the provider's "acting team attacks to the right" frame once, in the
 * shared pipeline (see `feeds/pitch.ts`), never in the engine.
 */

export type Side = "home" | "away";

/** 1 = first half, 2 = second half, 3/4 = extra-time halves, 5 = penalty shoot-out. */
export type Period = 1 | 2 | 3 | 4 | 5;

export type ProviderName = "statsperform" | "opta" | "wyscout" | "statsbomb" | "synthetic";

export interface PitchPoint {
  readonly x: number;
  readonly y: number;
}

export type BodyPart = "foot" | "head" | "other";
export type ShotSituation = "open_play" | "set_piece" | "corner" | "free_kick" | "penalty" | "counter";
export type ShotOutcome = "goal" | "saved" | "off_target" | "blocked" | "post";
export type CardColour = "yellow" | "second_yellow" | "red";

/** What happened; one variant per kind, with only the fields that kind has. */
export type EventKind =
  | { readonly type: "pass"; readonly start: PitchPoint; readonly end: PitchPoint | null; readonly successful: boolean }
  | {
      readonly type: "shot";
      readonly location: PitchPoint;
      readonly bodyPart: BodyPart;
      readonly situation: ShotSituation;
      /** Expected goals 0..1: the provider's value when present, else the shot model's. */
      readonly xg: number;
      /** Whether `xg` came from the provider (true) or our shot model (false). */
      readonly providerXg: boolean;
      readonly outcome: ShotOutcome;
    }
  | { readonly type: "goal"; readonly location: PitchPoint | null }
  | { readonly type: "own_goal" }
  | { readonly type: "penalty_awarded" }
  | { readonly type: "corner" }
  | { readonly type: "free_kick"; readonly location: PitchPoint | null }
  | { readonly type: "card"; readonly colour: CardColour }
  | { readonly type: "foul"; readonly location: PitchPoint | null }
  | { readonly type: "offside" }
  | { readonly type: "duel"; readonly location: PitchPoint | null; readonly won: boolean }
  | { readonly type: "clearance"; readonly location: PitchPoint | null }
  | { readonly type: "save" }
  | { readonly type: "ball_touch"; readonly location: PitchPoint | null }
  | { readonly type: "period_start" }
  | { readonly type: "period_end" };

export type EventType = EventKind["type"];

export interface MatchEvent {
  /** Provider-scoped unique id, stable across corrections of the same event. */
  readonly id: string;
  readonly provider: ProviderName;
  readonly providerEventId: string;
  /**
   * The side the event is credited to. For `goal` it is the scoring side; for `own_goal` it is
   * the side that benefits (i.e. the opponent of the player who put it in), so consumers never
   * need to invert.
   */
  readonly side: Side;
  readonly period: Period;
  /** Milliseconds since the start of `period`. */
  readonly tMs: number;
  readonly kind: EventKind;
}

/** A change to a feed's event log: new or corrected event, or a deletion of one seen before. */
export type FeedChange =
  | { readonly op: "upsert"; readonly event: MatchEvent }
  | { readonly op: "delete"; readonly id: string; readonly period: Period; readonly tMs: number };

export interface Team {
  readonly name: string;
  readonly providerTeamId: string;
}

export interface MatchInfo {
  readonly provider: ProviderName;
  readonly matchId: string;
  readonly home: Team;
  readonly away: Team;
  /** Kick-off as unix ms when known. */
  readonly kickoffUnixMs: number | null;
  /** True for generated matches: everything shown from them must say "synthetic". */
  readonly synthetic: boolean;
}

/** A problem with one input item: reported, counted, never fatal to the match. */
export interface FeedIssue {
  readonly provider: ProviderName;
  readonly eventId: string | null;
  readonly field: string;
  readonly message: string;
}
