import { createTheme } from '@mantine/core';

/** Calm and dense: a workspace read all day, not a landing page. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'sm',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    Table: {
      defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' },
      styles: { th: { whiteSpace: 'nowrap' } },
    },
    Badge: {
      defaultProps: { radius: 'sm', tt: 'none', fw: 600 },
      // A badge in a table cell says a status or a number of days: never cut it short.
      styles: { root: { minWidth: 'max-content' } },
    },
  },
});
