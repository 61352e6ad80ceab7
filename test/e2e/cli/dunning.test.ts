import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse } = useCli();

describe('encaisse dunning scenarios|templates', () => {
  it('lists the French defaults a company starts with, in JSON and as a table in French', async () => {
    expect((await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME')).code).toBe(
      0,
    );
    const scenarios = await encaisse('dunning', 'scenarios', '--json');
    expect(scenarios.code).toBe(0);
    const { items } = JSON.parse(scenarios.stdout) as {
      items: { name: string; isCompanyDefault: boolean; steps: unknown[]; customerCount: number }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      name: 'Scénario standard',
      isCompanyDefault: true,
      customerCount: 0,
    });
    expect(items[0]?.steps).toHaveLength(7);

    const table = await encaisse('--lang', 'fr', 'dunning', 'scenarios');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Nom\s+Étapes\s+Catégorie de risque\s+Défaut de la société/);
    expect(table.stdout).toMatch(/Scénario standard\s+7\s+oui\s+0/);

    const templates = await encaisse('dunning', 'templates');
    expect(templates.code).toBe(0);
    expect(templates.stdout).toMatch(/^Template\s+Language\s+Subject/);
    expect(templates.stdout).toContain('formal_notice  fr        Mise en demeure de payer');
    const json = JSON.parse((await encaisse('dunning', 'templates', '--json')).stdout) as {
      items: unknown[];
    };
    expect(json.items).toHaveLength(10);
  });
});
