import { z } from 'zod';
import { LANGUAGES } from '../shared/language.ts';
import { ZId, ZRole } from '../shared/schemas.ts';
import { DEFAULT_API_TOKEN_DAYS, MAX_API_TOKEN_DAYS } from './model.ts';

export const ZLoginRequest = z
  .object({
    email: z.email().max(200),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'LoginRequest' });
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/** A language Encaisse speaks: `fr` (the default) or `en`. */
export const ZLanguage = z.enum(LANGUAGES).meta({ id: 'Language' });

export const ZCurrentUser = z
  .object({
    id: ZId,
    email: z.string(),
    displayName: z.string(),
    role: ZRole,
    /**
     * The language the user chose, null until they do: the web starts in it, and the API
     * answers in it a request that sends no `Accept-Language`.
     */
    language: ZLanguage.nullable(),
  })
  .meta({ id: 'CurrentUser' });

export const ZCompanyRef = z
  .object({
    id: ZId,
    code: z.string(),
    legalName: z.string(),
    currency: z.string(),
    timeZone: z.string(),
    /** The company's business date (its time zone), from which days late are counted. */
    today: z.string(),
  })
  .meta({ id: 'CompanyRef' });

export const ZSessionInfo = z
  .object({
    user: ZCurrentUser,
    company: ZCompanyRef,
    /** Send back as `x-csrf-token` on every cookie-authenticated request that changes data. */
    csrfToken: z.string(),
  })
  .meta({ id: 'SessionInfo' });
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

export const ZChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(12).max(200),
  })
  .meta({ id: 'ChangePasswordRequest' });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZChangeLanguageRequest = z
  .object({ language: ZLanguage })
  .meta({ id: 'ChangeLanguageRequest' });
export type TChangeLanguageRequest = z.infer<typeof ZChangeLanguageRequest>;

export const ZUserSummary = z
  .object({
    id: ZId,
    email: z.string(),
    displayName: z.string(),
    role: ZRole,
    /** An inactive user cannot sign in; their sessions were closed when deactivated. */
    isActive: z.boolean(),
  })
  .meta({ id: 'User' });
export type TUserSummary = z.infer<typeof ZUserSummary>;

export const ZUserList = z.object({ items: z.array(ZUserSummary) }).meta({ id: 'UserList' });

export const ZUpdateUserRequest = z
  .object({
    role: ZRole.optional(),
    isActive: z.boolean().optional(),
  })
  .refine((change) => change.role !== undefined || change.isActive !== undefined, {
    message: 'give role, isActive or both',
    params: { code: 'user_change_empty' },
  })
  .meta({ id: 'UpdateUserRequest' });

const ZInstant = z.iso.datetime().meta({ description: 'An instant, ISO 8601 in UTC' });

export const ZApiTokenSummary = z
  .object({
    id: ZId,
    name: z.string(),
    role: ZRole,
    status: z.enum(['active', 'expired', 'revoked']),
    createdAt: ZInstant,
    /** The user who issued it; null when the CLI did. */
    createdBy: z.object({ id: ZId, displayName: z.string() }).nullable(),
    expiresAt: ZInstant,
    /** To the minute: a busy integration does not write on every request. */
    lastUsedAt: ZInstant.nullable(),
    revokedAt: ZInstant.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type TApiTokenSummary = z.infer<typeof ZApiTokenSummary>;

export const ZApiTokenList = z
  .object({ items: z.array(ZApiTokenSummary) })
  .meta({ id: 'ApiTokenList' });

export const ZCreateApiTokenRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: ZRole.default('credit_manager'),
    expiresInDays: z.number().int().min(1).max(MAX_API_TOKEN_DAYS).default(DEFAULT_API_TOKEN_DAYS),
  })
  .meta({ id: 'CreateApiTokenRequest' });

export const ZCreatedApiToken = z
  .object({
    /** The secret, shown this once: send it as `Authorization: Bearer <token>`. */
    token: z.string(),
    apiToken: ZApiTokenSummary,
  })
  .meta({ id: 'CreatedApiToken' });
