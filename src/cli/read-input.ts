import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { invalidField, type InvalidError } from '../shared/errors.ts';
import type { MessageParams } from '../shared/messages/catalogue.ts';

/**
 * Reads what a command is given (a file, standard input) with a ceiling, so no input
 * can make the process hold more than `maxBytes` of it: a regular file is refused
 * from its size before a byte is read, and anything else (a pipe, `/dev/zero`) is
 * read until it passes the ceiling, then refused.
 */
async function readWithin(
  stream: Readable,
  maxBytes: number,
  refuse: (size: number) => InvalidError,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw refuse(size);
    }
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

/**
 * The bytes of the file at `path`, refused with a `file` issue when missing or over
 * `maxBytes` (`tooLarge` gives the refusal's parameters from the file's name and size).
 */
export async function readInputFile(
  path: string,
  maxBytes: number,
  tooLarge: (fileName: string, size: number) => MessageParams,
): Promise<Uint8Array> {
  const refuse = (size: number) =>
    invalidField('file', 'file_too_large', tooLarge(basename(path), size));
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw invalidField('file', 'file_unreadable', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  const stats = await handle.stat();
  if (stats.isFile() && stats.size > maxBytes) {
    await handle.close();
    throw refuse(stats.size);
  }
  return readWithin(handle.createReadStream(), maxBytes, refuse);
}

/** Standard input, refused past `maxBytes` (a password, not a file, is expected there). */
export async function readStandardInput(maxBytes: number): Promise<Uint8Array> {
  return readWithin(process.stdin, maxBytes, () =>
    invalidField('stdin', 'stdin_too_long', { max: maxBytes }),
  );
}
