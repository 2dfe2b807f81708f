/**
 * The Readiness page's category filter on its Criteria card lives in the address
 * (`?category=availability`), so a category bar can set it and a reload keeps it.
 */
export const CATEGORY_PARAM = 'category';

/** The Criteria card's element id: a category bar scrolls to it. */
export const CRITERIA_CARD_ID = 'readiness-criteria';
