import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../shared/language.ts';
import { defaultTemplate } from './default-templates.ts';
import { DEFAULT_TEMPLATE_IDS } from './scenario.ts';
import { checkTemplate, renderMessage, SPECIMEN_DATA, type TemplateData } from './templates.ts';

const data: TemplateData = {
  ...SPECIMEN_DATA,
  invoices: [
    { ...SPECIMEN_DATA.invoices[0]!, number: 'FA-1', open_amount: '1 200,00 €' },
    { ...SPECIMEN_DATA.invoices[0]!, number: 'FA-2', open_amount: '300,50 €' },
  ],
  totals: { ...SPECIMEN_DATA.totals, count: 2, open_amount: '1 500,50 €' },
};

describe('checkTemplate', () => {
  it('accepts every shipped template, in both languages', () => {
    for (const id of Object.values(DEFAULT_TEMPLATE_IDS)) {
      for (const language of LANGUAGES) {
        expect(checkTemplate(defaultTemplate(id, language)), `${id} ${language}`).toEqual([]);
      }
    }
  });

  it('refuses a syntax error with its field and line', () => {
    expect(
      checkTemplate({ subject: 'Relance', body: 'Bonjour,\n\n{% if totals.count %}\nrien' }),
    ).toEqual([
      expect.objectContaining({
        field: 'body',
        code: 'template_syntax',
        params: { line: 3, detail: 'tag {% if totals.count %} not closed' },
      }),
    ]);
  });

  it('refuses an unknown variable with its line, and one inside a loop', () => {
    expect(
      checkTemplate({
        subject: 'Relance {{ customer.nom }}',
        body: 'Bonjour\n{% for invoice in invoices %}{{ invoice.numero }}{% endfor %}',
      }),
    ).toEqual([
      expect.objectContaining({
        field: 'subject',
        code: 'template_unknown_variable',
        params: { line: 1, name: 'customer.nom' },
      }),
      expect.objectContaining({
        field: 'body',
        code: 'template_unknown_variable',
        params: { line: 2, name: 'invoice.numero' },
      }),
    ]);
  });

  it('refuses an unknown filter', () => {
    expect(checkTemplate({ subject: '{{ customer.name | shout }}', body: '' })).toEqual([
      expect.objectContaining({
        field: 'subject',
        code: 'template_syntax',
        params: { line: 1, detail: 'undefined filter: shout' },
      }),
    ]);
  });

  it('refuses the tags that would read files', () => {
    for (const tag of [
      '{% include "secrets" %}',
      "{% render '/etc/passwd' %}",
      '{% layout "x" %}',
    ]) {
      expect(checkTemplate({ subject: 'x', body: tag })).toEqual([
        expect.objectContaining({ field: 'body', code: 'template_syntax' }),
      ]);
    }
  });

  it('does not reach properties the data do not own', () => {
    expect(checkTemplate({ subject: '{{ customer.constructor }}', body: '' })).toEqual([
      expect.objectContaining({
        code: 'template_unknown_variable',
        params: { line: 1, name: 'customer.constructor' },
      }),
    ]);
  });
});

describe('renderMessage', () => {
  it('lists every invoice of the customer in one message, with the totals', () => {
    const message = renderMessage(defaultTemplate('reminder_1', 'fr'), data);
    expect(message.subject).toBe('Rappel : facture(s) échue(s) — Boulangerie Martin');
    expect(message.body).toContain(
      '- Facture FA-1 du 01/10/2026, échue le 31/10/2026 : 1 200,00 € restant dû\n',
    );
    expect(message.body).toContain(
      '- Facture FA-2 du 01/10/2026, échue le 31/10/2026 : 300,50 € restant dû\n',
    );
    expect(message.body).toContain('Total restant dû : 1 500,50 €.');
    expect(message.body).toContain('Julie Lefèvre, service recouvrement');
  });

  it('states the legal interest and the 40 € indemnity in the formal notice', () => {
    const message = renderMessage(defaultTemplate('formal_notice', 'fr'), data);
    expect(message.body).toContain('article L441-10 du Code de commerce');
    expect(message.body).toContain('au taux de 12,15 %, soit 4,79 € à ce jour');
    expect(message.body).toContain('40 € par facture (article D441-5), soit 40,00 €');
  });

  it('keeps a subject on one line whatever the data put in it', () => {
    const message = renderMessage(
      { subject: 'Relance {{ customer.name }}', body: '' },
      { ...data, customer: { code: 'C1', name: 'Martin\r\nBcc: x@y.z' } },
    );
    expect(message.subject).toBe('Relance Martin Bcc: x@y.z');
  });

  it('does not read the data as a template', () => {
    const message = renderMessage(
      { subject: 'x', body: 'Client : {{ customer.name }}' },
      { ...data, customer: { code: 'C1', name: '{{ company.name }}' } },
    );
    expect(message.body).toBe('Client : {{ company.name }}');
  });
});
