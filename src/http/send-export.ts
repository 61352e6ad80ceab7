import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { ListExport } from '../exports/list-export.ts';

/**
 * Streams a written export as a download and deletes it once sent (or once the
 * client went away: the stream closes either way).
 */
export function sendExport(reply: FastifyReply, file: ListExport): FastifyReply {
  const stream = createReadStream(file.path);
  stream.once('close', () => void file.remove());
  return (
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      // Fastify streams a Readable as it is.
      .send(stream)
  );
}
