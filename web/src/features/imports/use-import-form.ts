import { useState } from 'react';
import type { z } from 'zod';
import type { QueryParams } from '../../api.ts';
import { useImportUpload } from './use-import-upload.ts';

/** The kinds of import, each with its route, `POST /api/imports/<kind>`. */
export type ImportKind = 'fec' | 'bank';

/**
 * The state of one import form: its file, its own options (changed a few at a time), the
 * dry run every import has, and the upload that sends the file with the options as its
 * query (`toQuery`, then `dryRun`). `card` is what `ImportCard` takes of it.
 */
export function useImportForm<S extends z.ZodType, Options>(
  kind: ImportKind,
  schema: S,
  initialOptions: Options,
  toQuery: (options: Options) => QueryParams,
) {
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>(initialOptions);
  const [isDryRun, setDryRun] = useState(false);
  const { phase, mutation } = useImportUpload(`/api/imports/${kind}`, schema);
  const change = (patch: Partial<Options>) => setOptions((current) => ({ ...current, ...patch }));
  const isBusy = mutation.isPending;
  const card = {
    kind,
    file,
    onFileChange: setFile,
    isDryRun,
    onDryRunChange: setDryRun,
    onSubmit: () => {
      if (file !== null) {
        const query = { ...toQuery(options), dryRun: isDryRun ? 'true' : undefined };
        mutation.mutate({ file, query });
      }
    },
    isBusy,
    phase,
    error: mutation.error,
  };
  /** The last import's answer, once the upload is over. */
  const answer = mutation.data === undefined || isBusy ? undefined : mutation.data;
  return { options, change, isBusy, card, answer };
}
