import { type CSSVariablesResolver, type MantineColorsTuple, createTheme } from '@mantine/core';

/** A deep teal: the "met" colour of the status palette; shade 8 carries white text (WCAG AA). */
const teal: MantineColorsTuple = [
  '#effcf9',
  '#d3f5ee',
  '#a6ebdc',
  '#6fdcc8',
  '#3fc6b1',
  '#20a997',
  '#17978a',
  '#13887b',
  '#0f6f65',
  '#0c5a52',
];

/** Cool neutrals for the dark scheme, so dark mode reads as a finished surface, not grey mush. */
const dark: MantineColorsTuple = [
  '#d0d4da',
  '#b3b8c0',
  '#8b919b',
  '#666c76',
  '#3c414a',
  '#2e333b',
  '#24282f',
  '#1b1e24',
  '#15181d',
  '#0f1115',
];

export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 8 everywhere: white text on every filled colour (teal, red…) passes WCAG AA.
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  colors: { teal, dark },
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI Variable Text", "Segoe UI", Roboto, Cantarell, Ubuntu, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  fontFamilyMonospace:
    'ui-monospace, "SF Mono", SFMono-Regular, "Cascadia Mono", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.375rem', lineHeight: '1.3' },
      h2: { fontSize: '1.0625rem', lineHeight: '1.35' },
      h3: { fontSize: '0.9375rem', lineHeight: '1.4' },
      h4: { fontSize: '0.875rem', lineHeight: '1.4' },
    },
  },
  fontSizes: {
    xs: '0.6875rem',
    sm: '0.8125rem',
    md: '0.875rem',
    lg: '1rem',
    xl: '1.125rem',
  },
  spacing: {
    xs: '0.5rem',
    sm: '0.625rem',
    md: '0.875rem',
    lg: '1.25rem',
    xl: '1.75rem',
  },
  radius: { xs: '2px', sm: '4px', md: '6px', lg: '8px', xl: '12px' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  // Drawers, modals, menus and notifications appear at once for a user who asked the system
  // for less motion (global.css stops CSS transitions for them too).
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Modal: {
      defaultProps: { centered: true, radius: 'lg', closeButtonProps: { 'aria-label': 'Close' } },
      styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
    },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    },
    Menu: { defaultProps: { shadow: 'md', position: 'bottom-end' } },
    Paper: { defaultProps: { radius: 'lg' } },
  },
});

/** Secondary text dark (light) enough to pass WCAG AA on every surface it is used on. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c6370', '--mantine-color-error': '#c92a2a' },
  dark: { '--mantine-color-dimmed': '#9aa1ac', '--mantine-color-error': '#ff8787' },
});
