import { z } from 'zod';
import { ZId, ZRole } from '../shared/schemas.ts';

export const ZLoginRequest = z.object({
  email: z.email().max(200),
  password: z.string().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZCurrentUser = z.object({
  id: ZId,
  email: z.string(),
  displayName: z.string(),
  role: ZRole,
});

export const ZCompanyRef = z.object({
  id: ZId,
  code: z.string(),
  legalName: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  /** The company's business date (its time zone), from which days late are counted. */
  today: z.string(),
});

export const ZSessionInfo = z.object({
  user: ZCurrentUser,
  company: ZCompanyRef,
  /** Send back as `x-csrf-token` on every cookie-authenticated request that changes data. */
  csrfToken: z.string(),
});
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12).max(200),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
