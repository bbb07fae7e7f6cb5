import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanterne-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadConfig', () => {
  it('has embedded defaults: ./data, ./content, port 8080', () => {
    const cwd = temp();
    const config = loadConfig({}, cwd);
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.join(cwd, 'data'));
    expect(config.contentDir).toBe(path.join(cwd, 'content'));
    expect(config.library.name).toBe('Lanterne');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the config file in the data folder, and the environment wins over it', () => {
    const cwd = temp();
    const data = path.join(cwd, 'data');
    rmSync(data, { recursive: true, force: true });
    mkdirSync(data);
    writeFileSync(
      path.join(data, 'lanterne.config.json'),
      JSON.stringify({ port: 9000, library: { name: 'Médiathèque' } }),
    );
    expect(loadConfig({}, cwd)).toMatchObject({ port: 9000, library: { name: 'Médiathèque' } });
    expect(loadConfig({ LANTERNE_PORT: '9100' }, cwd).port).toBe(9100);
  });

  it('explains a broken config in French instead of starting with nonsense', () => {
    const cwd = temp();
    const file = path.join(cwd, 'box.json');
    writeFileSync(file, '{ "port": 8080,');
    expect(() => loadConfig({ LANTERNE_CONFIG: file }, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({ LANTERNE_CONFIG: file }, cwd)).toThrow(/illisible/);
    expect(() => loadConfig({ LANTERNE_PORT: '99999' }, cwd)).toThrow(
      /Configuration invalide[\s\S]*port/,
    );
    expect(() => loadConfig({ LANTERNE_CONFIG: path.join(cwd, 'absent.json') }, cwd)).toThrow(
      /introuvable/,
    );
  });
});
