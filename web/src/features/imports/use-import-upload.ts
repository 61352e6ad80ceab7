import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { MAX_UPLOAD_FILE_BYTES } from '../../../../src/imports/schemas.ts';
import { ApiError, apiUpload, type QueryParams } from '../../api.ts';
import { sessionQueryKey } from '../auth/session.ts';

/** Where an upload is: its body going out, or the server at work on it. */
export type UploadPhase =
  | { kind: 'idle' }
  | { kind: 'sending'; loaded: number; total: number }
  | { kind: 'processing' };

/** An import's answer: its report, imported (or a dry run), or refused with nothing saved. */
export type ImportAnswer<Report> = { report: Report; isRefused: boolean };

export type ImportRequest = { file: File; query: QueryParams };

const MIB = 1024 * 1024;

/**
 * Uploads a file to an import route and follows it: bytes sent, then the server's work.
 * A refused file (a 400 `invalid` whose reason is `import_refused`, ADR 16) is an answer
 * with its report, not an error, where any other 400 (a bad option) is; a file over the size
 * limit is refused here, as the server would, before a byte is sent.
 */
export function useImportUpload<S extends z.ZodType>(path: string, schema: S) {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<UploadPhase>({ kind: 'idle' });
  const mutation = useMutation({
    mutationFn: async ({ file, query }: ImportRequest): Promise<ImportAnswer<z.output<S>>> => {
      if (file.size > MAX_UPLOAD_FILE_BYTES) {
        throw tooLarge(file);
      }
      setPhase({ kind: 'sending', loaded: 0, total: file.size });
      try {
        const report = await apiUpload(path, schema, file, {
          query,
          onProgress: (progress) => setPhase({ kind: 'sending', ...progress }),
          onSent: () => setPhase({ kind: 'processing' }),
        });
        return { report, isRefused: false };
      } catch (error) {
        const refused =
          error instanceof ApiError && isRefusedFile(error)
            ? schema.safeParse(error.problem['report'])
            : undefined;
        if (refused?.success) {
          return { report: refused.data, isRefused: true };
        }
        throw error;
      } finally {
        setPhase({ kind: 'idle' });
      }
    },
    // What the lists show may have changed: they ask again when next shown.
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== sessionQueryKey[0],
      }),
  });
  return { phase, mutation };
}

/** Whether the server refused the file itself, with its report, rather than the request. */
function isRefusedFile(error: ApiError): boolean {
  return error.status === 400 && error.problem.reason === 'import_refused';
}

/** The server's own refusal of a file over the limit (413 `file_too_large`), said the same way. */
function tooLarge(file: File): ApiError {
  const params = {
    file: file.name,
    size: Math.ceil(file.size / MIB),
    max: Math.ceil(MAX_UPLOAD_FILE_BYTES / MIB),
  };
  return new ApiError({
    type: 'about:blank',
    title: 'file_too_large',
    status: 413,
    detail: '',
    code: 'file_too_large',
    reason: 'file_too_large',
    params,
  });
}
