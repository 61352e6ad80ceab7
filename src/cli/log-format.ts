/**
 * The log format `encaisse serve` writes, chosen without touching the process: the flag,
 * the environment and whether stdout is a terminal come in as arguments.
 */
import type { LogFormat } from '../http/request-log.ts';

/** What a log format may be asked as; `''` asks for none (`LOG_FORMAT=` is as unset). */
export type LogFormatText = LogFormat | '';

/** Where a log format can come from, most explicit first. */
export type LogFormatSources = {
  /** `--log-format`, when given. */
  option?: LogFormatText | undefined;
  /** `LOG_FORMAT`, when set. */
  env?: LogFormatText | undefined;
  /** Whether stdout is a terminal (`process.stdout.isTTY`). */
  isTty: boolean;
};

/**
 * `--log-format` if given, else `LOG_FORMAT`, else readable lines on a terminal (`pretty`)
 * and JSON for files, pipes and log collectors, which parse one document per line.
 */
export function chooseLogFormat({ option, env, isTty }: LogFormatSources): LogFormat {
  if (option !== undefined && option !== '') {
    return option;
  }
  if (env !== undefined && env !== '') {
    return env;
  }
  return isTty ? 'pretty' : 'json';
}
