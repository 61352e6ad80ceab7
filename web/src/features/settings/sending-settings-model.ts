/**
 * The sending settings' forms as typed, and the requests they become. The server checks
 * the addresses and bounds; here only blanks become `null` and a secret left empty is kept.
 */
import type {
  TMailSettings,
  TSaveMailSettingsRequest,
  TSaveSmsSettingsRequest,
  TSmsSettings,
} from '../../../../src/jobs/schemas.ts';

export type MailValues = {
  host: string;
  port: number | string;
  secure: boolean;
  username: string;
  /** Empty: keep the stored password. */
  password: string;
  fromAddress: string;
  fromName: string;
  replyTo: string;
};

/** A company with no server yet starts from the submission port with STARTTLS. */
export function mailValues(settings: TMailSettings | null): MailValues {
  return {
    host: settings?.host ?? '',
    port: settings?.port ?? 587,
    secure: settings?.secure ?? false,
    username: settings?.username ?? '',
    password: '',
    fromAddress: settings?.fromAddress ?? '',
    fromName: settings?.fromName ?? '',
    replyTo: settings?.replyTo ?? '',
  };
}

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The request: a password typed replaces the stored one, none typed keeps it (the field is
 * left out), and no user name means no password either (the server wants both or neither).
 */
export function mailRequest(values: MailValues): TSaveMailSettingsRequest {
  const username = blankToNull(values.username);
  return {
    host: values.host.trim(),
    port: typeof values.port === 'number' ? values.port : Number.NaN,
    secure: values.secure,
    username,
    ...(username === null
      ? { password: null }
      : values.password === ''
        ? {}
        : { password: values.password }),
    fromAddress: values.fromAddress.trim(),
    fromName: blankToNull(values.fromName),
    replyTo: blankToNull(values.replyTo),
  };
}

export type SmsValues = { url: string; sender: string; token: string };

export function smsValues(settings: TSmsSettings | null): SmsValues {
  return { url: settings?.url ?? '', sender: settings?.sender ?? '', token: '' };
}

/** A token typed replaces the stored one; none typed keeps it. */
export function smsRequest(values: SmsValues): TSaveSmsSettingsRequest {
  return {
    url: values.url.trim(),
    sender: blankToNull(values.sender),
    ...(values.token === '' ? {} : { token: values.token }),
  };
}
