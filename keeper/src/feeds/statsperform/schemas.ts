/** zod schemas for the parts of Stats Perform SDAPI MA1 / MA3 responses we read. */
import { z } from "zod";

export const contestantSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.enum(["home", "away"]),
});

export const matchInfoSchema = z.object({
  id: z.string(),
  date: z.string().optional(),
  time: z.string().optional(),
  description: z.string().optional(),
  contestant: z.array(contestantSchema).length(2),
});

export const matchDetailsSchema = z.object({
  periodId: z.number().optional(),
  matchStatus: z.string().optional(),
});

/** MA1: fixture + status. */
export const ma1Schema = z.object({
  matchInfo: matchInfoSchema,
  liveData: z.object({ matchDetails: matchDetailsSchema.optional() }).optional(),
});

/** MA3 envelope; events are validated one by one so a bad one only costs itself. */
export const ma3Schema = z.object({
  matchInfo: matchInfoSchema.optional(),
  liveData: z.object({
    matchDetails: matchDetailsSchema.optional(),
    event: z.array(z.unknown()).default([]),
  }),
});

export const ma3EventSchema = z.object({
  id: z.number(),
  typeId: z.number().int(),
  periodId: z.number().int(),
  timeMin: z.number().int().nonnegative(),
  timeSec: z.number().int().nonnegative(),
  contestantId: z.string(),
  outcome: z.number().int().optional(),
  x: z.number(),
  y: z.number(),
  lastModified: z.string().optional(),
  qualifier: z.array(z.object({ qualifierId: z.number().int(), value: z.string().optional() })).optional(),
});

export type Ma1 = z.infer<typeof ma1Schema>;
export type Ma3Event = z.infer<typeof ma3EventSchema>;
export type MatchInfoJson = z.infer<typeof matchInfoSchema>;
