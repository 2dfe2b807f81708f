/**
 * The shipped SOC 2 catalog, read from `resources/catalog` (bundled by static import, so it travels
 * with the build) and checked against the schema once, on first use.
 */
import controlsFile from '../../../resources/catalog/controls.json' with { type: 'json' };
import criteriaFile from '../../../resources/catalog/criteria.json' with { type: 'json' };
import policiesFile from '../../../resources/catalog/policies.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AttestError } from '../../../shared/api/errors';
import {
  type Catalog,
  type Criterion,
  type LibraryControl,
  catalogSchema,
  controlsFileSchema,
  criteriaFileSchema,
  normaliseCriterionId,
  policiesFileSchema,
} from '../../../shared/domain/catalog';
import { type Category, normaliseCategories } from '../../../shared/domain/engagement';

function parseFile<T>(name: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success)
    throw new Error(
      `resources/catalog/${name} is not a valid catalog file:\n${z.prettifyError(result.error)}`,
    );
  return result.data;
}

/**
 * Builds a catalog from the three files' contents. All three must carry the same version. Throws,
 * naming the file and the problem, when the data is malformed or a reference does not resolve.
 */
export function parseCatalogFiles(
  criteria: unknown,
  controls: unknown,
  policies: unknown,
): Catalog {
  const cr = parseFile('criteria.json', criteriaFileSchema, criteria);
  const co = parseFile('controls.json', controlsFileSchema, controls);
  const po = parseFile('policies.json', policiesFileSchema, policies);
  if (cr.version !== co.version || cr.version !== po.version)
    throw new Error(
      `resources/catalog files disagree on the version: criteria ${cr.version}, controls ${co.version}, policies ${po.version}`,
    );
  return parseFile('*.json', catalogSchema, {
    version: cr.version,
    criteria: cr.criteria,
    controls: co.controls,
    policies: po.policies,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface Loaded {
  catalog: Catalog;
  criteria: Map<string, Criterion>;
  controls: Map<string, LibraryControl>;
}

let loaded: Loaded | undefined;

function index(catalog: Catalog): Loaded {
  const frozen = deepFreeze(catalog);
  return {
    catalog: frozen,
    criteria: new Map(frozen.criteria.map((c) => [c.id, c])),
    controls: new Map(frozen.controls.map((c) => [c.ref, c])),
  };
}

function load(): Loaded {
  if (!loaded) {
    // ATTEST_CATALOG names a catalog folder to use instead of the built-in one: how a catalog
    // update is previewed and tested before a build ships it.
    const dir = process.env.ATTEST_CATALOG;
    loaded = index(
      dir ? readCatalogDir(dir) : parseCatalogFiles(criteriaFile, controlsFile, policiesFile),
    );
  }
  return loaded;
}

/**
 * Reads a catalog folder laid out as `resources/catalog`; throws naming the file at fault. The
 * folder is the user's (ATTEST_CATALOG), so a problem with it is an `io` error with a sentence,
 * never `internal`; only a broken built-in catalog (a bug in the build) is.
 */
export function readCatalogDir(dir: string): Catalog {
  const read = (name: string): unknown => {
    const path = join(dir, name);
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new AttestError('io', `Cannot read the catalog file ${path}: ${(e as Error).message}`);
    }
  };
  const files = [read('criteria.json'), read('controls.json'), read('policies.json')] as const;
  try {
    return parseCatalogFiles(...files);
  } catch (e) {
    throw new AttestError(
      'io',
      `The catalog folder ${dir} (ATTEST_CATALOG) cannot be used: ${(e as Error).message}`,
    );
  }
}

/**
 * Replaces the catalog this process uses (tests stand in a newer build's catalog this way);
 * null returns to the built-in one.
 */
export function useCatalog(catalog: Catalog | null): void {
  loaded = catalog ? index(structuredClone(catalog)) : undefined;
}

/** The catalog this build ships, freshly parsed (whatever ATTEST_CATALOG or useCatalog say). */
export function builtInCatalog(): Catalog {
  return parseCatalogFiles(criteriaFile, controlsFile, policiesFile);
}

/** The shipped catalog, parsed once and frozen: copy anything you mean to change. */
export function loadCatalog(): Catalog {
  return load().catalog;
}

/** The catalog's version, as recorded in a vault scoped from it. */
export function catalogVersion(): string {
  return load().catalog.version;
}

/** The criteria of the given categories, in catalog order. Security is always included. */
export function criteriaForCategories(categories: readonly Category[]): Criterion[] {
  const wanted = new Set<Category>(normaliseCategories(categories));
  return load().catalog.criteria.filter((c) => wanted.has(c.category));
}

/**
 * The library controls in scope for the given categories (Security always included): a control is
 * in scope when any criterion it maps to belongs to an in-scope category.
 */
export function controlsForCategories(categories: readonly Category[]): LibraryControl[] {
  const wanted = new Set<Category>(normaliseCategories(categories));
  return load().catalog.controls.filter((c) => c.categories.some((cat) => wanted.has(cat)));
}

/** A criterion by id; accepts spellings such as "cc 6.1". */
export function findCriterion(id: string): Criterion | undefined {
  const canonical = normaliseCriterionId(id);
  return canonical === null ? undefined : load().criteria.get(canonical);
}

/** A library control by reference; case and surrounding spaces are ignored. */
export function findControl(ref: string): LibraryControl | undefined {
  return load().controls.get(ref.trim().toUpperCase());
}

/** The library controls that map to a criterion, in catalog order. */
export function controlsForCriterion(id: string): LibraryControl[] {
  const canonical = normaliseCriterionId(id);
  return canonical === null
    ? []
    : load().catalog.controls.filter((c) => c.criteria.includes(canonical));
}
