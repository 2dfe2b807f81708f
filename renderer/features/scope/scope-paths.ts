/** Where things of the Scope screen live; the query keeps the page on /scope for the nav. */
export const SCOPE_PATH = '/scope';

export const scopeLinks = {
  view: () => SCOPE_PATH,
  wizard: (step?: number) => `${SCOPE_PATH}?edit=1${step === undefined ? '' : `&step=${step + 1}`}`,
  criterion: (id: string) => `${SCOPE_PATH}?criterion=${encodeURIComponent(id)}`,
  control: (id: string) => `${SCOPE_PATH}?control=${encodeURIComponent(id)}`,
};
