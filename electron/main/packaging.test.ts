import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/spawn';

/**
 * electron-builder.yml checked the way electron-builder checks it (its own JSON schema), plus the
 * fields the app depends on. The packaging smoke run (npm run package:smoke) checks the archive.
 */
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder; it has no types of its own.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  fileAssociations: { ext: string; name: string }[];
  icon: string;
  npmRebuild?: boolean;
  linux: { target: string[]; category: string };
  mac: { target: string[]; entitlements: string; entitlementsInherit: string };
  win: { target: string[] };
  electronFuses?: Record<string, boolean>;
}

const config = yaml.load(
  readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('validates against the schema electron-builder uses', () => {
    const schema = require(require.resolve('app-builder-lib/scheme.json')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? [], ajv.errorsText()).toEqual([]);
    expect(valid).toBe(true);
  });

  it('packs the bundles and the UI, and unpacks native modules from the asar', () => {
    expect(config).toMatchObject({
      appId: 'app.attest.desktop',
      productName: 'Attest',
      asar: true,
    });
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.extraResources).toContainEqual(
      expect.objectContaining({ from: 'resources', to: 'resources' }),
    );
  });

  it('leaves the native rebuild on for real builds (the smoke run turns it off)', () => {
    expect(config.npmRebuild).toBeUndefined();
  });

  it('associates .attest files with the app', () => {
    expect(config.fileAssociations).toContainEqual(
      expect.objectContaining({ ext: 'attest', name: 'Attest vault' }),
    );
  });

  it('builds an AppImage and a deb, a dmg, and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('locks the Electron binary down with its fuses', () => {
    // Checked against the schema above too (electronFuses is part of it); here, the values: no
    // running as plain Node, no NODE_OPTIONS or --inspect, the app only from its verified asar.
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const schema = require(require.resolve('app-builder-lib/scheme.json')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>;
    };
    const fuseOptions = Object.values(schema.definitions).find(
      (d) => d.properties && 'runAsNode' in d.properties && 'onlyLoadAppFromAsar' in d.properties,
    );
    expect(fuseOptions, 'the schema describes electronFuses').toBeDefined();
    for (const name of Object.keys(config.electronFuses!)) {
      expect(fuseOptions!.properties, `a fuse the schema knows: ${name}`).toHaveProperty(name);
    }
    // The schema really checks them: a fuse that is not a boolean is refused.
    const ajv = new Ajv({ allErrors: true, strict: false });
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNode: 'off' } };
    expect(ajv.validate(schema, broken)).toBe(false);
  });

  it('points at packaging inputs that exist', () => {
    for (const file of [config.icon, config.mac.entitlements, config.mac.entitlementsInherit]) {
      expect(existsSync(join(REPO_ROOT, file)), file).toBe(true);
    }
  });
});
